'use strict';
// §4.2 message, whatsapp_message and §4.3 broadcast.

const {
	fail,
	has,
	isBlank,
	required,
	toInt,
	toNumber,
	asArray,
	scheduling,
	clientNotFound,
} = require('../params');
const {
	getClient,
	addClient,
	clientsByPlatformId,
	findChannel,
	normalizePhone,
} = require('../store');
const { ok, readContent, sendMessage } = require('./common');

const TARGETS = ['list', 'clients', 'platform_ids'];

function broadcastRecipients(state, p) {
	const given = TARGETS.filter((name) => has(p, name));
	if (given.length === 0) throw fail('One of "list", "clients" or "platform_ids" required');
	if (given.length > 1) throw fail('Only one of "list", "clients" or "platform_ids" may be given');
	const notFound = [];
	let recipients = [];
	if (given[0] === 'list') {
		const listId = toInt(p.list, 'list');
		const list = state.lists.get(listId);
		if (!list) throw fail(`List ${listId} not found`);
		recipients = [...list.clients].map((id) => state.clients.get(id)).filter(Boolean);
	} else if (given[0] === 'clients') {
		for (const id of asArray(p.clients, 'clients')) {
			const client = getClient(state, id);
			if (client) recipients.push(client);
			else notFound.push(id);
		}
	} else {
		required(p, 'group_id');
		for (const platformId of asArray(p.platform_ids, 'platform_ids')) {
			const matches = clientsByPlatformId(state, platformId, p.group_id);
			if (matches.length) recipients.push(...matches);
			else notFound.push(platformId);
		}
	}
	return { recipients: [...new Set(recipients)], notFound };
}

module.exports = {
	message: {
		method: 'POST',
		permission: 'W-Cl',
		universal: true,
		handle(ctx) {
			const p = ctx.params;
			required(p, 'client_id');
			const content = readContent(ctx.state, p);
			const schedule = scheduling(p);
			const client = getClient(ctx.state, p.client_id);
			if (!client) throw clientNotFound();
			sendMessage(ctx, client, content, schedule);
			return ok({ client_id: client.id });
		},
	},

	whatsapp_message: {
		method: 'POST',
		permission: 'W-Cl',
		universal: true,
		handle(ctx) {
			const p = ctx.params;
			required(p, 'phone');
			const phone = normalizePhone(p.phone);
			if (phone.length < 10) throw fail('Error in parameter format: phone');
			const content = readContent(ctx.state, p);
			const schedule = scheduling(p);
			const named = !isBlank(p.whatsapp_bot_id);
			const channel = findChannel(ctx.state, 6, named ? p.whatsapp_bot_id : undefined);
			if (!channel)
				throw fail(
					named
						? `WhatsApp channel ${p.whatsapp_bot_id} not found`
						: 'No connected WhatsApp channel',
				);
			// Writing to a new number opens a dialog, so the client is created when missing.
			const client =
				clientsByPlatformId(ctx.state, phone, channel.group_id).find((c) => c.client_type === 6) ||
				addClient(ctx.state, {
					client_type: 6,
					platform_id: phone,
					phone,
					group: channel.group_id,
				});
			sendMessage(ctx, client, content, schedule);
			return ok({ client_id: client.id });
		},
	},

	broadcast: {
		method: 'POST',
		permission: 'W-Cl',
		universal: true,
		handle(ctx) {
			const p = ctx.params;
			const { recipients, notFound } = broadcastRecipients(ctx.state, p);
			const content = readContent(ctx.state, p);
			const schedule = scheduling(p);
			const shift = has(p, 'shift') ? toNumber(p.shift, 'shift') : 0.2;
			for (const client of recipients)
				sendMessage(ctx, client, content, schedule, { broadcast: true, shift });
			return ok({ sent: recipients.length, ...(notFound.length ? { not_found: notFound } : {}) });
		},
	},
};
