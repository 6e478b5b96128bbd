'use strict';
// §4.9 connected_channels, check_whatsapp, get_messages. check_whatsapp's answer is undocumented; the sandbox answers
// {"status":"success","phone":"<digits>","exists":true|false} (numbers in state.whatsappUnregistered → false).

const { fail, required } = require('../params');
const { normalizePhone } = require('../store');
const { ok } = require('./common');

module.exports = {
	connected_channels: {
		method: 'GET',
		permission: 'R-Cl',
		handle: (ctx) => ({
			body: { project_id: ctx.state.projectId, ...structuredClone(ctx.state.channels) },
		}),
	},

	check_whatsapp: {
		method: 'GET',
		permission: 'R-Cl',
		handle(ctx) {
			const phone = normalizePhone(required(ctx.params, 'phone'));
			if (phone.length < 10 || phone.length > 15) throw fail('Error in parameter format: phone');
			if (!ctx.state.channels.whatsapp.some((c) => c.status === 1))
				throw fail('No connected WhatsApp channel');
			return ok({ phone, exists: !ctx.state.whatsappUnregistered.has(phone) });
		},
	},

	get_messages: {
		method: 'GET',
		permission: 'R-Cl',
		// Shape as read by the PHP client: {"messages":[{id, condition, answer, message_type, description}]}.
		handle: (ctx) => ({ body: { messages: structuredClone(ctx.state.blocks) } }),
	},
};
