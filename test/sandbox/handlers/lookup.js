'use strict';
// §4.6 client lookups. Answer shapes differ per action on the real API and are reproduced as documented:
// online_chat_client_id, whatsapp_client_id, find_client_id_by_phone and find_client_id_by_email answer a bare
// {"client_id":…}; find_client_id_by_var and find_latest_client_id_by_var carry a status; the find_all family and
// find_clients answer {"status":"success","client_ids":[…]}.

const {
	ApiError,
	fail,
	has,
	isBlank,
	required,
	asArray,
	toBool,
	clientNotFound,
} = require('../params');
const { addClient, clientsByPlatformId, clientVar, normalizePhone } = require('../store');
const { ok, findByPhone, findByEmail, findByVar } = require('./common');

const searchIn = (p) => (String(p.search_in || '').toLowerCase() === 'order' ? 'order' : 'client');

function found(clients, { bare = false } = {}) {
	if (!clients.length) throw clientNotFound();
	return bare ? { body: { client_id: clients[0].id } } : ok({ client_id: clients[0].id });
}

function varQuery(p) {
	required(p, 'var');
	if (p.val === undefined || p.val === null) required(p, 'val');
	return { name: String(p.var), value: p.val };
}

/** find_clients `q`: an object (or its JSON text) of conditions `name: value | {_in|_not_in: [...]} | {_not: value}`. */
function parseQuery(q) {
	let query = q;
	if (typeof query === 'string') {
		try {
			query = JSON.parse(query);
		} catch {
			throw fail('Error in parameter format');
		}
	}
	if (
		!query ||
		typeof query !== 'object' ||
		Array.isArray(query) ||
		Object.keys(query).length === 0
	) {
		throw fail('Error in parameter format');
	}
	return Object.entries(query).map(([name, cond]) => {
		if (cond === null || typeof cond !== 'object') return { name, op: 'eq', value: cond };
		const keys = Object.keys(cond);
		if (Array.isArray(cond) || keys.length !== 1) throw fail('Error in parameter format');
		const [op] = keys;
		const value = cond[op];
		if ((op === '_in' || op === '_not_in') && Array.isArray(value)) return { name, op, value };
		if (op === '_not' && (value === null || typeof value !== 'object')) return { name, op, value };
		throw fail('Error in parameter format');
	});
}

const isNumeric = (v) =>
	typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));

function same(actual, expected) {
	if (actual === undefined || actual === null) return expected === null;
	return typeof expected === 'number'
		? Number(actual) === expected
		: String(actual) === String(expected);
}

function matches(cond, actual) {
	if (cond.op === 'eq') return same(actual, cond.value);
	if (cond.op === '_not') return !same(actual, cond.value);
	const inList = cond.value.some((v) => same(actual, v));
	return cond.op === '_in' ? inList : !inList;
}

/**
 * The docs warn that number comparison works only when the variable holds a number for every client: one string
 * value makes the request fail. Reproduced: a numeric condition over a non-numeric value → "Something went wrong".
 */
function checkNumericConditions(values, conditions) {
	for (const cond of conditions) {
		const numeric = Array.isArray(cond.value)
			? cond.value.some((v) => typeof v === 'number')
			: typeof cond.value === 'number';
		if (!numeric) continue;
		for (const read of values) {
			const v = read(cond.name);
			if (v !== undefined && v !== null && !isNumeric(v)) throw fail('Something went wrong');
		}
	}
}

function findClients(state, conditions, { inOrders, includeAll }) {
	const test = (read) =>
		includeAll
			? conditions.every((c) => matches(c, read(c.name)))
			: conditions.some((c) => matches(c, read(c.name)));
	const ids = new Set();
	if (inOrders) {
		const deals = [...state.deals.values()].filter((d) => state.clients.has(d.client_id));
		checkNumericConditions(
			deals.map((d) => (name) => d.variables[name]),
			conditions,
		);
		for (const deal of deals) if (test((name) => deal.variables[name])) ids.add(deal.client_id);
		return [...ids];
	}
	const clients = [...state.clients.values()];
	checkNumericConditions(
		clients.map((c) => (name) => c.variables[name]),
		conditions,
	);
	return clients.filter((c) => test((name) => clientVar(c, name))).map((c) => c.id);
}

module.exports = {
	online_chat_client_id: {
		method: 'GET',
		permission: 'W-Cl',
		handle(ctx) {
			const p = ctx.params;
			required(p, 'recipient');
			let client = clientsByPlatformId(ctx.state, p.recipient).find((c) => c.client_type === 5);
			// The permission is W-Cl because the website-chat client is created on first use.
			if (!client)
				client = addClient(ctx.state, {
					client_type: 5,
					platform_id: String(p.recipient),
					group: 'site_widget',
				});
			if (has(p, 'tag')) client.tag = String(p.tag);
			if (has(p, 'name')) client.name = String(p.name);
			return { body: { client_id: client.id } };
		},
	},

	whatsapp_client_id: {
		method: 'GET',
		permission: 'R-Cl',
		handle(ctx) {
			const p = ctx.params;
			required(p, 'phone');
			const group = isBlank(p.group_id) ? undefined : p.group_id;
			const client = clientsByPlatformId(ctx.state, normalizePhone(p.phone), group).find(
				(c) => c.client_type === 6,
			);
			// Documented: HTTP 404 when no client has that number.
			if (!client) throw new ApiError(404, { status: 'client_not_found' });
			return { body: { client_id: client.id } };
		},
	},

	find_client_id_by_phone: {
		method: 'GET',
		permission: 'R-Cl',
		handle: (ctx) => found(findByPhone(ctx.state, required(ctx.params, 'phone')), { bare: true }),
	},

	find_client_id_by_email: {
		method: 'GET',
		permission: 'R-Cl',
		handle: (ctx) => found(findByEmail(ctx.state, required(ctx.params, 'email')), { bare: true }),
	},

	find_client_id_by_var: {
		method: 'GET',
		permission: 'R-Cl',
		handle(ctx) {
			const p = ctx.params;
			const { name, value } = varQuery(p);
			const groupId = isBlank(p.group_id) ? undefined : p.group_id;
			return found(findByVar(ctx.state, name, value, { searchIn: searchIn(p), groupId }));
		},
	},

	find_latest_client_id_by_var: {
		method: 'GET',
		permission: 'R-Cl',
		handle(ctx) {
			const { name, value } = varQuery(ctx.params);
			// Searches client and deal variables; the most recently created client wins.
			const clients = findByVar(ctx.state, name, value, { searchIn: 'both' });
			clients.sort((a, b) => b.created_at - a.created_at || b.id - a.id);
			return found(clients);
		},
	},

	find_all_client_id_by_var: {
		method: 'GET',
		permission: 'R-Cl',
		handle(ctx) {
			const p = ctx.params;
			const { name, value } = varQuery(p);
			const groupId = isBlank(p.group_id) ? undefined : p.group_id;
			return ok({
				client_ids: findByVar(ctx.state, name, value, { searchIn: searchIn(p), groupId }).map(
					(c) => c.id,
				),
			});
		},
	},

	find_all_client_id_by_several_vars: {
		method: 'GET',
		permission: 'R-Cl',
		handle(ctx) {
			// The query string itself is the filter: ?var1=val1&var2=val2.
			const pairs = Object.entries(ctx.params).filter(
				([, v]) => v !== undefined && v !== null && typeof v !== 'object',
			);
			if (!pairs.length) throw fail('At least one "<variable>=<value>" pair required');
			const ids = [];
			for (const client of ctx.state.clients.values()) {
				if (pairs.every(([name, value]) => same(clientVar(client, name), value)))
					ids.push(client.id);
			}
			return ok({ client_ids: ids });
		},
	},

	find_clients: {
		method: 'POST',
		permission: 'R-Cl',
		handle(ctx) {
			const p = ctx.params;
			if (p.q === undefined || p.q === null || p.q === '') throw fail('Parameter "q" required');
			const conditions = parseQuery(p.q);
			const includeAll = p.include_all === undefined ? true : toBool(p.include_all);
			const ids = findClients(ctx.state, conditions, {
				inOrders: searchIn(p) === 'order',
				includeAll,
			});
			return ok({ client_ids: ids });
		},
	},

	find_client_id_by_platform_id: {
		method: 'POST',
		permission: 'R-Cl',
		handle(ctx) {
			const p = ctx.params;
			if (!has(p, 'platform_ids')) required(p, 'platform_ids');
			const platformIds = asArray(p.platform_ids, 'platform_ids');
			required(p, 'group_id');
			const seen = new Set();
			const out = [];
			for (const platformId of platformIds) {
				for (const c of clientsByPlatformId(ctx.state, platformId, p.group_id)) {
					if (seen.has(c.id)) continue;
					seen.add(c.id);
					out.push({
						id: c.id,
						tag: c.tag,
						created_at: c.created_at,
						name: c.name,
						avatar: c.avatar,
						platform_id: c.platform_id,
						group: c.group,
						variables: { ...c.variables },
					});
				}
			}
			return { body: out };
		},
	},
};
