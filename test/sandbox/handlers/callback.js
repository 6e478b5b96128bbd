'use strict';
// §4.1 callback family. Sandbox choices for what the docs leave open: callback looks the client up by
// client_id > client_phone > client_email; vk_callback and tg_callback need an existing client; ok_callback,
// whatsapp_callback and email_callback create the client when it is missing.

const { fail, has, isBlank, required, toBool, scheduling, clientNotFound } = require('../params');
const {
	getClient,
	addClient,
	clientsByPlatformId,
	findChannel,
	normalizePhone,
} = require('../store');
const {
	ok,
	findByPhone,
	findByEmail,
	extraVariables,
	injectCallback,
	idList,
} = require('./common');

const COMMON = ['message', 'resume_bot', 'time_shift', 'send_time'];

function first(params, ...names) {
	const name = names.find((n) => has(params, n));
	return name === undefined ? undefined : params[name];
}

function callbackOptions(params, known) {
	return {
		schedule: scheduling(params),
		resumeBot: has(params, 'resume_bot') && toBool(params.resume_bot),
		variables: extraVariables(params, [...COMMON, ...known]),
	};
}

/** Finds the channel a caller names (by id or group_id), or the only/first one; fails when none is connected. */
function channelFor(state, clientType, requested, label) {
	const named = !isBlank(requested);
	const channel = findChannel(state, clientType, named ? requested : undefined);
	if (!channel) throw fail(named ? `${label} ${requested} not found` : `No connected ${label}`);
	return channel;
}

function messengerClient(state, userId, groupId, types) {
	const group = isBlank(groupId) ? undefined : groupId;
	return clientsByPlatformId(state, userId, group).find((c) => types.includes(c.client_type));
}

module.exports = {
	callback: {
		method: 'POST',
		permission: 'W-Cl',
		universal: true,
		handle(ctx) {
			const p = ctx.params;
			const known = ['client_id', 'client_phone', 'client_email', 'phone', 'email'];
			const phone = first(p, 'client_phone', 'phone');
			const email = first(p, 'client_email', 'email');
			if (!has(p, 'client_id') && phone === undefined && email === undefined)
				required(p, 'client_id');
			required(p, 'message');
			const options = callbackOptions(p, known);
			const client = has(p, 'client_id')
				? getClient(ctx.state, p.client_id)
				: phone !== undefined
					? findByPhone(ctx.state, phone)[0]
					: findByEmail(ctx.state, email)[0];
			if (!client) throw clientNotFound();
			injectCallback(ctx, client, p.message, options);
			return ok({ client_id: client.id });
		},
	},

	vk_callback: {
		method: 'POST',
		permission: 'W-Cl',
		universal: true,
		handle(ctx) {
			const p = ctx.params;
			required(p, 'user_id');
			required(p, 'group_id');
			const options = callbackOptions(p, ['user_id', 'group_id']);
			const client = messengerClient(ctx.state, p.user_id, p.group_id, [0]);
			if (!client) throw clientNotFound();
			injectCallback(ctx, client, p.message, options);
			return ok({ client_id: client.id });
		},
	},

	ok_callback: {
		method: 'POST',
		permission: 'W-Cl',
		universal: true,
		handle(ctx) {
			const p = ctx.params;
			required(p, 'user_id');
			required(p, 'group_id');
			const options = callbackOptions(p, ['user_id', 'group_id', 'name']);
			let client = messengerClient(ctx.state, p.user_id, p.group_id, [8]);
			if (!client) {
				client = addClient(ctx.state, {
					client_type: 8,
					platform_id: String(p.user_id),
					group: String(p.group_id),
					name: p.name,
				});
			} else if (has(p, 'name') && !client.name) client.name = String(p.name);
			injectCallback(ctx, client, p.message, options);
			return ok({ client_id: client.id });
		},
	},

	whatsapp_callback: {
		method: 'POST',
		permission: 'W-Cl',
		universal: true,
		handle(ctx) {
			const p = ctx.params;
			required(p, 'phone');
			const phone = normalizePhone(p.phone);
			if (phone.length < 10) throw fail('Error in parameter format: phone');
			const options = callbackOptions(p, ['phone', 'name', 'bot_id']);
			const channel = channelFor(ctx.state, 6, p.bot_id, 'WhatsApp channel');
			let client = messengerClient(ctx.state, phone, channel.group_id, [6]);
			if (!client) {
				client = addClient(ctx.state, {
					client_type: 6,
					platform_id: phone,
					phone,
					group: channel.group_id,
					name: p.name,
				});
			} else if (has(p, 'name') && !client.name) client.name = String(p.name);
			injectCallback(ctx, client, p.message, options);
			return ok({ client_id: client.id });
		},
	},

	tg_callback: {
		method: 'POST',
		permission: 'W-Cl',
		universal: true,
		handle(ctx) {
			const p = ctx.params;
			required(p, 'user_id');
			required(p, 'message');
			const options = callbackOptions(p, ['user_id', 'group_id', 'tg_business']);
			const types = has(p, 'tg_business') && toBool(p.tg_business) ? [16] : [1, 16, 21];
			const client = messengerClient(ctx.state, p.user_id, p.group_id, types);
			if (!client) throw clientNotFound();
			injectCallback(ctx, client, p.message, options);
			return ok({ client_id: client.id });
		},
	},

	send_callback_by_platform_id: {
		method: 'POST',
		permission: 'W-Cl',
		handle(ctx) {
			const p = ctx.params;
			const ids = idList(
				p,
				'platform_ids',
				300,
				'Too many platform_ids: the limit is 300 per request',
			);
			required(p, 'callback_text');
			const schedule = scheduling(p);
			const groupId = has(p, 'group_id') ? p.group_id : undefined;
			const seen = new Set();
			for (const platformId of ids) {
				for (const client of clientsByPlatformId(ctx.state, platformId, groupId)) {
					if (seen.has(client.id)) continue;
					seen.add(client.id);
					injectCallback(ctx, client, p.callback_text, { schedule });
				}
			}
			return ok({ sent: seen.size });
		},
	},

	email_callback: {
		method: 'POST',
		permission: 'W-Cl',
		universal: true,
		handle(ctx) {
			const p = ctx.params;
			required(p, 'email');
			required(p, 'email_id_bot');
			const email = String(p.email).trim();
			if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw fail('Error in parameter format: email');
			const options = callbackOptions(p, ['email', 'email_id_bot', 'name']);
			const channel = channelFor(ctx.state, 14, p.email_id_bot, 'E-mail bot');
			let client = messengerClient(ctx.state, email, channel.group_id, [14]);
			if (!client) {
				client = addClient(ctx.state, {
					client_type: 14,
					platform_id: email,
					email,
					group: channel.group_id,
					name: p.name,
				});
			} else if (has(p, 'name') && !client.name) client.name = String(p.name);
			injectCallback(ctx, client, p.message, options);
			return ok({ client_id: client.id });
		},
	},
};
