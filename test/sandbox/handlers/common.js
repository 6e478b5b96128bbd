'use strict';
// Helpers shared by several resource handlers: client searches, message content, callbacks and bot reactions.

const {
	fail,
	has,
	isBlank,
	asArray,
	asObject,
	toInt,
	isIndirectionKey,
	ATTACHMENT_TYPES,
} = require('../params');
const {
	addHistory,
	touch,
	writeVariables,
	normalizePhone,
	clientVar,
	clientsByPlatformId,
} = require('../store');

const ok = (extra = {}) => ({ body: { status: 'success', ...extra } });

/** Clients with this phone: WhatsApp/telephony platform ids first, then the phone profile field and variables. */
function findByPhone(state, phone) {
	const wanted = normalizePhone(phone);
	if (!wanted) return [];
	const found = clientsByPlatformId(state, wanted).filter(
		(c) => c.client_type === 6 || c.client_type === 13,
	);
	const seen = new Set(found.map((c) => c.id));
	for (const client of state.clients.values()) {
		if (seen.has(client.id)) continue;
		const values = [client.phone, client.variables.phone, client.variables.client_phone];
		if (values.some((v) => v !== undefined && v !== null && normalizePhone(v) === wanted))
			found.push(client);
	}
	return found;
}

/** Clients with this e-mail: the e-mail profile field, e-mail platform ids and `email`/`client_email` variables. */
function findByEmail(state, email) {
	const wanted = String(email).trim().toLowerCase();
	if (!wanted) return [];
	const found = [];
	for (const client of state.clients.values()) {
		const values = [
			client.email,
			client.client_type === 14 ? client.platform_id : null,
			client.variables.email,
			client.variables.client_email,
		];
		if (values.some((v) => typeof v === 'string' && v.trim().toLowerCase() === wanted))
			found.push(client);
	}
	return found;
}

/** Clients whose variable `name` equals `value` (string comparison; deal variables when searchIn is 'order'). */
function findByVar(state, name, value, { searchIn, groupId } = {}) {
	const wanted = String(value);
	const dealClients = new Set();
	if (searchIn === 'order' || searchIn === 'both') {
		for (const deal of state.deals.values()) {
			const v = deal.variables[name];
			if (v !== undefined && v !== null && String(v) === wanted) dealClients.add(deal.client_id);
		}
	}
	const found = [];
	for (const client of state.clients.values()) {
		if (groupId !== undefined && String(client.group) !== String(groupId)) continue;
		let match = dealClients.has(client.id);
		if (!match && searchIn !== 'order') {
			const v = clientVar(client, name);
			match = v !== undefined && v !== null && String(v) === wanted;
		}
		if (match) found.push(client);
	}
	return found;
}

/** Params that no handler reads become client variables on the callback family (§2.6). */
function extraVariables(params, known) {
	const out = {};
	for (const [key, value] of Object.entries(params)) {
		if (!known.includes(key) && !isIndirectionKey(key)) out[key] = value;
	}
	return out;
}

function parseButtons(value) {
	if (isBlank(value)) return undefined;
	let buttons = value;
	if (typeof value === 'string') {
		try {
			buttons = JSON.parse(value);
		} catch {
			throw fail('Error in parameter format: buttons');
		}
	}
	const list = Array.isArray(buttons)
		? buttons
		: buttons && Array.isArray(buttons.buttons)
			? buttons.buttons
			: null;
	if (!list || !list.every((b) => b && typeof b === 'object' && !isBlank(b.text))) {
		throw fail('Error in parameter format: buttons (each button needs "text")');
	}
	return buttons;
}

/** Message content: `message`, an attachment (`attachment_url` + `attachment_type`) and/or a block (`message_id`). */
function readContent(state, params) {
	const hasUrl = has(params, 'attachment_url');
	const hasType = has(params, 'attachment_type');
	if (hasUrl && !hasType)
		throw fail('Parameter "attachment_type" required when "attachment_url" is given');
	if (hasType && !hasUrl)
		throw fail('Parameter "attachment_url" required when "attachment_type" is given');
	if (hasType && !ATTACHMENT_TYPES.includes(String(params.attachment_type))) {
		throw fail(
			`Error in parameter format: attachment_type must be one of ${ATTACHMENT_TYPES.join(', ')}`,
		);
	}
	let block;
	if (has(params, 'message_id')) {
		const blockId = toInt(params.message_id, 'message_id');
		block = state.blocks.find((b) => b.id === blockId);
		if (!block) throw fail(`Block ${blockId} not found`);
	}
	if (!has(params, 'message') && !hasUrl && !block) throw fail('Parameter "message" required');
	return {
		text: has(params, 'message') ? String(params.message) : block ? block.answer : '',
		messageId: block ? block.id : undefined,
		attachment: hasUrl
			? {
					attachment_url: String(params.attachment_url),
					attachment_type: String(params.attachment_type),
				}
			: undefined,
		buttons: parseButtons(params.buttons),
	};
}

/** Sends content to one client: history item (message_from_outside 1 = via API) + a delivery record. */
function sendMessage(ctx, client, content, schedule, extra = {}) {
	addHistory(ctx.state, client.id, {
		text: content.text,
		message_id: content.messageId ?? null,
		message_from_outside: 1,
		attachments: content.attachment ? [content.attachment] : [],
	});
	if (content.messageId) client.message_id = content.messageId;
	touch(client);
	ctx.deliver({
		kind: 'message',
		...clientRef(client),
		text: content.text,
		messageId: content.messageId,
		attachment: content.attachment,
		buttons: content.buttons,
		...schedule,
		...extra,
	});
}

/**
 * Injects a callback: extra params are saved as client variables, `resume_bot` un-pauses the bot, the text goes into
 * the history (message_from_outside 3) and the bot answers if a block's condition equals the text.
 */
function injectCallback(ctx, client, text, { schedule = {}, resumeBot = false, variables } = {}) {
	if (resumeBot) client.bot_paused = false;
	if (variables && Object.keys(variables).length)
		writeVariables(ctx.state, client, variables, { unprefixedToDeal: false });
	touch(client);
	if (isBlank(text)) return false;
	const item = addHistory(ctx.state, client.id, {
		text: String(text),
		client_replica: true,
		message_from_outside: 3,
	});
	botReact(ctx.state, client, String(text), item);
	ctx.deliver({ kind: 'callback', ...clientRef(client), text: String(text), ...schedule });
	return true;
}

function botReact(state, client, text, item) {
	if (client.bot_paused) return;
	const wanted = text.trim().toLowerCase();
	const block = state.blocks.find((b) => b.condition && b.condition.toLowerCase() === wanted);
	if (!block) return;
	item.answered = true;
	client.message_id = block.id;
	addHistory(state, client.id, { text: block.answer, message_id: block.id });
}

function clientRef(client) {
	return {
		clientId: client.id,
		platformId: client.platform_id,
		phone: client.phone ?? undefined,
		email: client.email ?? undefined,
	};
}

/** Reads an id list parameter and checks its size limit. */
function idList(params, name, limit, tooManyMessage) {
	if (!has(params, name)) throw fail(`Parameter "${name}" required`);
	const list = asArray(params[name], name);
	if (list.length === 0) throw fail(`Parameter "${name}" required`);
	if (limit && list.length > limit) throw fail(tooManyMessage);
	return list;
}

module.exports = {
	ok,
	findByPhone,
	findByEmail,
	findByVar,
	extraVariables,
	readContent,
	sendMessage,
	injectCallback,
	clientRef,
	idList,
	asObject,
};
