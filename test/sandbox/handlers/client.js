'use strict';
// §4.5 load_clients, get_clients, subscribers, delete_clients.

const { fail, has, isBlank, toInt, toBool, asArray } = require('../params');
const {
	CHANNEL_KEYS,
	addClient,
	removeClient,
	clientsByPlatformId,
	findChannel,
	normalizePhone,
	publicClient,
} = require('../store');
const { ok, idList } = require('./common');

const CLIENT_TYPES = [0, 1, 2, 3, 5, 6, 7, 8, 10, 12, 13, 14, 16, 19, 20, 21, 22];
const PAGE_LIMIT = 500;
const SUBSCRIBERS_PAGE = 1000;

/** Validates one load_clients item; returns the client fields or an error message. */
function importItem(state, item) {
	if (!item || typeof item !== 'object' || Array.isArray(item))
		return { error: 'Error in parameter format' };
	for (const name of ['platform_id', 'group_id', 'client_type']) {
		if (item[name] === undefined || item[name] === null)
			return { error: `Parameter "${name}" required` };
	}
	const type = Number(item.client_type);
	if (!CLIENT_TYPES.includes(type)) return { error: `Unknown client_type ${item.client_type}` };
	const groupId = String(item.group_id).trim();
	if (type === 13 && groupId !== '') return { error: 'group_id must be "" for client_type 13' };
	if (type !== 13 && groupId === '') return { error: 'Parameter "group_id" required' };
	let group = groupId;
	if (CHANNEL_KEYS[type] !== undefined) {
		const channel = findChannel(state, type, groupId);
		if (!channel) return { error: `Channel ${groupId} not found` };
		group = String(channel.group_id);
	}
	let platformId = String(item.platform_id).trim();
	if (type === 6 || type === 13) {
		platformId = normalizePhone(platformId);
		if (platformId.length < 10) return { error: 'Error in parameter format: platform_id' };
	}
	if (platformId === '') return { error: 'Parameter "platform_id" required' };
	return { type, group, platformId };
}

function loadOne(state, item) {
	const parsed = importItem(state, item);
	if (parsed.error)
		return {
			...(item && typeof item === 'object' ? item : { item }),
			status: 'fail',
			message: parsed.error,
		};
	const { type, group, platformId } = parsed;
	const existing = clientsByPlatformId(state, platformId, group).find(
		(c) => c.client_type === type && String(c.group) === group,
	);
	const client =
		existing ||
		addClient(state, {
			client_type: type,
			platform_id: platformId,
			group,
			name: item.name,
			phone: type === 6 || type === 13 ? platformId : null,
			email: type === 14 ? platformId : null,
		});
	// The documented answer shows WhatsApp ids with the JID suffix and group_id as a string.
	const echoedId = type === 6 ? `${platformId}@s.whatsapp.net` : item.platform_id;
	return {
		...item,
		platform_id: echoedId,
		group_id: String(item.group_id),
		client_type: type,
		status: 'success',
		id: client.id,
	};
}

function page(params) {
	const offset = has(params, 'offset') ? toInt(params.offset, 'offset') : 0;
	const limit = has(params, 'limit') ? toInt(params.limit, 'limit') : PAGE_LIMIT;
	if (limit > PAGE_LIMIT) throw fail(`limit must not exceed ${PAGE_LIMIT}`);
	if (limit < 1) throw fail('limit must be a positive number');
	if (offset < 0) throw fail('offset must not be negative');
	return { offset, limit };
}

function subscriberItem(client) {
	return {
		id: client.id,
		tag: client.tag,
		created_at: client.created_at,
		name: client.name,
		vk_id: client.client_type === 0 ? client.platform_id : null,
		group: client.group,
		client_type: client.client_type,
		client_phone: client.phone,
		client_email: client.email,
	};
}

module.exports = {
	load_clients: {
		method: 'POST',
		permission: 'W-Cl',
		handle(ctx) {
			// The documented body is a top-level array; PHP clients send {"clients":[…]}, accepted too.
			let items = Array.isArray(ctx.body) ? ctx.body : ctx.params.clients;
			if (typeof items === 'string') items = asArray(items, 'clients');
			if (!Array.isArray(items))
				throw fail('Error in parameter format: the body must be a JSON array of clients');
			return ok({ items: items.map((item) => loadOne(ctx.state, item)) });
		},
	},

	get_clients: {
		method: 'GET',
		permission: 'R-Cl',
		handle(ctx) {
			const p = ctx.params;
			const { offset, limit } = page(p);
			// Clients are stored oldest first; the default order is newest first, `reverse` (without list) flips it.
			let clients = [...ctx.state.clients.values()];
			if (has(p, 'list')) {
				const list = ctx.state.lists.get(toInt(p.list, 'list'));
				clients = list ? clients.filter((c) => list.clients.has(c.id)).reverse() : [];
			} else if (!(p.reverse !== undefined && toBool(p.reverse))) {
				clients.reverse();
			}
			return ok({ clients: clients.slice(offset, offset + limit).map(publicClient) });
		},
	},

	subscribers: {
		method: 'GET',
		permission: 'R-Cl',
		handle(ctx) {
			const p = ctx.params;
			const pageNo = has(p, 'page') ? toInt(p.page, 'page') : 0;
			if (pageNo < 0) throw fail('page must not be negative');
			const type = has(p, 'client_type') ? toInt(p.client_type, 'client_type') : undefined;
			const from = has(p, 'date_from') ? toInt(p.date_from, 'date_from') : -Infinity;
			const to = has(p, 'date_to') ? toInt(p.date_to, 'date_to') : Infinity;
			const matches = [];
			for (const c of ctx.state.clients.values()) {
				if (has(p, 'tag') && c.tag !== String(p.tag)) continue;
				if (has(p, 'group') && String(c.group) !== String(p.group)) continue;
				if (type !== undefined && c.client_type !== type) continue;
				if (c.created_at < from || c.created_at > to) continue;
				matches.push(c);
			}
			const start = pageNo * SUBSCRIBERS_PAGE;
			return { body: matches.slice(start, start + SUBSCRIBERS_PAGE).map(subscriberItem) };
		},
	},

	delete_clients: {
		method: 'POST',
		permission: 'Del-Cl',
		handle(ctx) {
			const ids = idList(
				ctx.params,
				'client_ids',
				500,
				'Too many client_ids: the limit is 500 per request',
			);
			let deleted = 0;
			for (const id of ids) if (!isBlank(id) && removeClient(ctx.state, id)) deleted++;
			return ok({ deleted });
		},
	},
};
