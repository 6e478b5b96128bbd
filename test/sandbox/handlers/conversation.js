'use strict';
// §4.4 get_history, clear_history, assign_to_user. get_history answers the latest `limit` items of the period in
// chronological order (the docs leave the order open).

const { fail, has, required, toInt, clientNotFound } = require('../params');
const { getClient, touch } = require('../store');
const { ok } = require('./common');

const HISTORY_LIMIT = 2000;

/** `dd.mm.yyyy` → Unix seconds at the start (or, with endOfDay, the end) of that UTC day. */
function parseDay(value, name, endOfDay) {
	const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(String(value).trim());
	const ms = m ? Date.UTC(+m[3], +m[2] - 1, +m[1]) : NaN;
	if (!m || Number.isNaN(ms) || new Date(ms).getUTCDate() !== +m[1]) {
		throw fail(`Error in parameter format: ${name} must look like dd.mm.yyyy`);
	}
	return ms / 1000 + (endOfDay ? 86399 : 0);
}

module.exports = {
	get_history: {
		method: 'GET',
		permission: 'R-Cl',
		handle(ctx) {
			const p = ctx.params;
			required(p, 'client_id');
			const limit = has(p, 'limit') ? toInt(p.limit, 'limit') : HISTORY_LIMIT;
			if (limit > HISTORY_LIMIT) throw fail(`limit must not exceed ${HISTORY_LIMIT}`);
			if (limit < 1) throw fail('limit must be a positive number');
			if (has(p, 'start_date') && !has(p, 'stop_date')) required(p, 'stop_date');
			if (has(p, 'stop_date') && !has(p, 'start_date')) required(p, 'start_date');
			const from = has(p, 'start_date') ? parseDay(p.start_date, 'start_date', false) : -Infinity;
			const to = has(p, 'stop_date') ? parseDay(p.stop_date, 'stop_date', true) : Infinity;
			const client = getClient(ctx.state, p.client_id);
			if (!client) throw clientNotFound();
			const items = (ctx.state.history.get(client.id) || []).filter(
				(i) => i.created_at >= from && i.created_at <= to,
			);
			return ok({ result: items.slice(-limit) });
		},
	},

	clear_history: {
		method: 'GET',
		permission: 'W-Cl',
		handle(ctx) {
			required(ctx.params, 'client_id');
			const client = getClient(ctx.state, ctx.params.client_id);
			if (!client) throw clientNotFound();
			const deleted = (ctx.state.history.get(client.id) || []).length;
			ctx.state.history.delete(client.id);
			touch(client);
			return ok({ deleted });
		},
	},

	assign_to_user: {
		method: 'POST',
		permission: 'W-Cl',
		handle(ctx) {
			const p = ctx.params;
			required(p, 'client_id');
			const { operators, seq } = ctx.state;
			let operator;
			if (has(p, 'email')) {
				const email = String(p.email).trim().toLowerCase();
				operator = operators.find((o) => o.email === email);
				if (!operator) throw fail(`Employee ${p.email} not found`);
			}
			const client = getClient(ctx.state, p.client_id);
			if (!client) throw clientNotFound();
			// Without an e-mail the platform's auto-distribution picks the operator: round robin here.
			if (!operator) operator = operators[seq.assign++ % operators.length];
			client.manager_email = operator.email;
			touch(client);
			return ok({ client_id: client.id, email: operator.email });
		},
	},
};
