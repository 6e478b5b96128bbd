'use strict';
// Operations on the sandbox state (built by state.js). Handlers use only these helpers and plain reads, so the
// indexes (platform id → clients) stay correct.

const now = () => Math.floor(Date.now() / 1000);

/** Messenger key in `connected_channels` for each client_type that has a channel list there (§4.9.1, §7). */
const CHANNEL_KEYS = {
	0: 'vkontakte',
	1: 'telegram',
	2: 'viber',
	3: 'facebook',
	6: 'whatsapp',
	7: 'avito',
	8: 'ok',
	14: 'email',
};

const PUBLIC_CLIENT_FIELDS = [
	'id',
	'platform_id',
	'client_type',
	'name',
	'avatar',
	'message_id',
	'project_id',
	'created_at',
	'updated_at',
	'custom_answer',
	'tag',
	'group',
	'operator_start_dialog',
];

/** Profile fields that `client.<field>` variables write directly (everything else is a client variable). */
const PROFILE_FIELDS = ['name', 'phone', 'email', 'avatar', 'tag'];

const WHATSAPP_SUFFIX = /@s\.whatsapp\.net$/i;

/** Digits only, Russian trunk prefix 8 → 7, without `@s.whatsapp.net`: the sandbox's phone identity. */
function normalizePhone(value) {
	if (value === undefined || value === null) return '';
	let digits = String(value).replace(WHATSAPP_SUFFIX, '').replace(/\D/g, '');
	if (digits.length === 11 && digits.startsWith('8')) digits = `7${digits.slice(1)}`;
	return digits;
}

/** Key of the platform-id index: phone-like ids compare by digits, others case-insensitively. */
function platformKey(value) {
	const s = String(value).trim().replace(WHATSAPP_SUFFIX, '');
	return /^\+?[\d\s\-()]{10,}$/.test(s) ? normalizePhone(s) : s.toLowerCase();
}

function toId(value) {
	if (typeof value === 'number') return Number.isInteger(value) ? value : NaN;
	if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
	return NaN;
}

function getClient(state, id) {
	return state.clients.get(toId(id));
}

// platformIndex: key → client id, or an array of ids when several clients share a platform id.
function indexClient(state, client) {
	const key = platformKey(client.platform_id);
	const entry = state.platformIndex.get(key);
	if (entry === undefined) state.platformIndex.set(key, client.id);
	else if (Array.isArray(entry)) entry.push(client.id);
	else state.platformIndex.set(key, [entry, client.id]);
}

function unindexClient(state, client) {
	const key = platformKey(client.platform_id);
	const entry = state.platformIndex.get(key);
	if (Array.isArray(entry)) {
		const rest = entry.filter((id) => id !== client.id);
		if (rest.length) state.platformIndex.set(key, rest);
		else state.platformIndex.delete(key);
	} else if (entry === client.id) state.platformIndex.delete(key);
}

function addClient(state, fields) {
	const at = fields.created_at ?? now();
	const id = fields.id ?? state.seq.client++;
	const client = {
		id,
		platform_id: String(fields.platform_id),
		client_type: fields.client_type,
		name: fields.name ?? null,
		avatar: fields.avatar ?? null,
		message_id: fields.message_id ?? null,
		project_id: state.projectId,
		created_at: at,
		updated_at: fields.updated_at ?? at,
		custom_answer: null,
		tag: fields.tag ?? null,
		group: fields.group ?? '',
		operator_start_dialog: null,
		phone: fields.phone ?? null,
		email: fields.email ?? null,
		variables: { ...(fields.variables || {}) },
		current_order_id: null,
		manager_email: null,
		bot_paused: Boolean(fields.bot_paused),
	};
	state.clients.set(id, client);
	indexClient(state, client);
	return client;
}

function removeClient(state, id) {
	const client = getClient(state, id);
	if (!client) return false;
	state.clients.delete(client.id);
	unindexClient(state, client);
	state.history.delete(client.id);
	for (const list of state.lists.values()) list.clients.delete(client.id);
	for (const deal of [...state.deals.values()])
		if (deal.client_id === client.id) state.deals.delete(deal.id);
	return true;
}

/** Clients whose platform id matches, optionally restricted to one bot (`group` or the channel's id). */
function clientsByPlatformId(state, platformId, groupId) {
	const entry = state.platformIndex.get(platformKey(platformId));
	if (entry === undefined) return [];
	const out = [];
	for (const id of Array.isArray(entry) ? entry : [entry]) {
		const client = state.clients.get(id);
		if (client && (groupId === undefined || groupMatches(state, client, groupId))) out.push(client);
	}
	return out;
}

/** A group id given by a caller matches the client's bot by `group_id` or by the channel's numeric `id`. */
function groupMatches(state, client, groupId) {
	const wanted = String(groupId).trim();
	if (String(client.group) === wanted) return true;
	const channel = findChannel(state, client.client_type, wanted);
	return Boolean(channel && String(channel.group_id) === String(client.group));
}

function findChannel(state, clientType, idOrGroup) {
	const list = state.channels[CHANNEL_KEYS[clientType]] || [];
	if (idOrGroup === undefined) return list[0];
	const wanted = String(idOrGroup).trim();
	return list.find(
		(c) =>
			String(c.id) === wanted || String(c.group_id) === wanted || (c.email && c.email === wanted),
	);
}

function touch(client) {
	client.updated_at = now();
}

/** Variable lookup for searches: client variables first, then profile fields. */
function clientVar(client, name) {
	if (Object.prototype.hasOwnProperty.call(client.variables, name)) return client.variables[name];
	const profile = name.startsWith('client.') ? name.slice(7) : name;
	if (profile === 'client_phone' || profile === 'phone') return client.phone ?? undefined;
	if (profile === 'client_email' || profile === 'email') return client.email ?? undefined;
	if (['name', 'platform_id', 'tag', 'avatar'].includes(profile))
		return client[profile] ?? undefined;
	return undefined;
}

function currentDeal(state, client) {
	return client.current_order_id ? state.deals.get(client.current_order_id) : undefined;
}

function dealsOf(state, client) {
	const out = [];
	for (const deal of state.deals.values()) if (deal.client_id === client.id) out.push(deal);
	return out;
}

/** get_variables: profile built-ins, then client variables, then the current deal's variables. */
function flatVariables(state, client) {
	const deal = currentDeal(state, client);
	return {
		client_id: client.id,
		name: client.name,
		avatar: client.avatar,
		platform_id: client.platform_id,
		client_type: client.client_type,
		message_id: client.message_id,
		main_client_id: 'NONE',
		...(client.phone ? { phone: client.phone } : {}),
		...(client.email ? { email: client.email } : {}),
		...client.variables,
		...(deal ? deal.variables : {}),
	};
}

/**
 * Writes variables with save_variables' scoping: `client.<name>` → client profile/variables; unprefixed → the
 * current deal, or the client's own variables when it has no deal (sandbox choice; the docs don't say).
 */
function writeVariables(state, client, variables, { unprefixedToDeal = true } = {}) {
	const deal = unprefixedToDeal ? currentDeal(state, client) : undefined;
	for (const [rawKey, value] of Object.entries(variables)) {
		if (rawKey.startsWith('client.')) {
			const key = rawKey.slice('client.'.length);
			if (PROFILE_FIELDS.includes(key)) client[key] = value === '' ? null : value;
			else client.variables[key] = value;
		} else if (deal) {
			deal.variables[rawKey] = value;
			deal.updated_at = now();
		} else {
			client.variables[rawKey] = value;
		}
	}
	touch(client);
}

function stage(state, stateId) {
	return state.stages.find((s) => s.id === Number(stateId));
}

/** Deal status implied by a stage: the Won stage → 1, the Lost stage → 2, others → 0 (active). */
function statusForStage(state, stateId) {
	const s = stage(state, stateId);
	return s && s.outcome === 'won' ? 1 : s && s.outcome === 'lost' ? 2 : 0;
}

function createDeal(state, client, fields = {}) {
	const at = fields.created_at ?? now();
	const stateId = fields.state_id ?? state.stages[0].id;
	const deal = {
		id: fields.id ?? state.seq.deal++,
		client_id: client.id,
		state_id: stateId,
		status: fields.status ?? statusForStage(state, stateId),
		name: fields.name ?? null,
		description: fields.description ?? null,
		budget: fields.budget ?? null,
		variables: { ...(fields.variables || {}) },
		created_at: at,
		updated_at: at,
	};
	state.deals.set(deal.id, deal);
	if (fields.current !== false) client.current_order_id = deal.id;
	return deal;
}

function setDealStage(state, deal, stateId) {
	deal.state_id = stateId;
	deal.status = statusForStage(state, stateId);
	deal.updated_at = now();
}

/** Appends a §5.4 history item. Ids share one sequence with webhook events (both are "message ids"). */
function addHistory(state, clientId, item) {
	let items = state.history.get(clientId);
	if (!items) state.history.set(clientId, (items = []));
	const entry = {
		id: item.id ?? state.seq.message++,
		answered: item.answered ?? false,
		client_replica: item.client_replica ?? false,
		message_id: item.message_id ?? null,
		message_from_outside: item.message_from_outside ?? 0,
		created_at: item.created_at ?? now(),
		text: item.text ?? '',
		attachments: item.attachments ?? [],
		delivered: item.delivered ?? true,
		error_message: item.error_message ?? '',
		manager_id: item.manager_id ?? null,
		manager_email: item.manager_email ?? null,
	};
	items.push(entry);
	return entry;
}

function publicClient(client) {
	const out = {};
	for (const field of PUBLIC_CLIENT_FIELDS) out[field] = client[field];
	return out;
}

/** Plain-JSON view of the whole state (for /_sandbox/state and debugging). */
function snapshot(state) {
	return {
		seed: state.seed,
		project_id: state.projectId,
		keys: state.keys,
		channels: state.channels,
		blocks: state.blocks,
		stages: state.stages,
		operators: state.operators,
		counts: { clients: state.clients.size, deals: state.deals.size, lists: state.lists.size },
		clients: [...state.clients.values()],
		deals: [...state.deals.values()],
		lists: [...state.lists.values()].map((l) => ({
			id: l.id,
			name: l.name,
			clients: [...l.clients],
		})),
		history: Object.fromEntries(state.history),
	};
}

module.exports = {
	CHANNEL_KEYS,
	PROFILE_FIELDS,
	now,
	normalizePhone,
	platformKey,
	toId,
	getClient,
	addClient,
	removeClient,
	clientsByPlatformId,
	groupMatches,
	findChannel,
	touch,
	clientVar,
	currentDeal,
	dealsOf,
	flatVariables,
	writeVariables,
	stage,
	statusForStage,
	createDeal,
	setDealStage,
	addHistory,
	publicClient,
	snapshot,
};
