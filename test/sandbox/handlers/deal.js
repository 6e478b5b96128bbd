'use strict';
// §4.8 deals ("orders") and pipeline stages ("states"). The client's current deal is the one create_order made last.
// Pipeline: 101 New → 102 Qualified → 103 Won (status 1); 104 Lost (status 2) is reached by set_order_state only.
// A client without a current deal answers {"status":"order not found"} (get_current_order_id, get/set_order_state).

const {
	fail,
	has,
	required,
	toInt,
	toNumber,
	asArray,
	asObject,
	statusError,
	clientNotFound,
} = require('../params');
const {
	getClient,
	addClient,
	currentDeal,
	dealsOf,
	createDeal,
	setDealStage,
	stage,
	findChannel,
	normalizePhone,
} = require('../store');
const { ok, findByPhone, findByEmail } = require('./common');

const ORDER_STATUSES = [0, 1, 2];

function clientOf(ctx) {
	required(ctx.params, 'client_id');
	const client = getClient(ctx.state, ctx.params.client_id);
	if (!client) throw clientNotFound();
	return client;
}

/** The client's deal `order_id`; another client's deal counts as missing. */
function dealOf(ctx, client) {
	const orderId = required(ctx.params, 'order_id');
	const deal = ctx.state.deals.get(toInt(orderId, 'order_id'));
	if (!deal || deal.client_id !== client.id) throw statusError(`order ${orderId} not found`);
	return deal;
}

function stageParam(state, value) {
	const stateId = toInt(value, 'state_id');
	if (!stage(state, stateId)) throw fail(`State ${stateId} not found`);
	return stateId;
}

/** create_order's client: client_id > phone > email; phone/e-mail without a match creates the client. */
function orderClient(ctx) {
	const { state, params: p } = ctx;
	if (has(p, 'client_id')) {
		const client = getClient(state, p.client_id);
		if (!client) throw clientNotFound();
		return client;
	}
	if (has(p, 'phone')) {
		const phone = normalizePhone(p.phone);
		if (phone.length < 10) throw fail('Error in parameter format: phone');
		const existing = findByPhone(state, phone)[0];
		if (existing) return existing;
		const whatsapp = findChannel(state, 6);
		return whatsapp
			? addClient(state, { client_type: 6, platform_id: phone, phone, group: whatsapp.group_id })
			: addClient(state, { client_type: 13, platform_id: phone, phone, group: '' });
	}
	if (has(p, 'email')) {
		const email = String(p.email).trim();
		const existing = findByEmail(state, email)[0];
		if (existing) return existing;
		const mailbox = findChannel(state, 14);
		return addClient(state, {
			client_type: 14,
			platform_id: email,
			email,
			group: mailbox ? mailbox.group_id : '',
		});
	}
	return required(p, 'client_id');
}

module.exports = {
	get_current_order_id: {
		method: 'GET',
		permission: 'R-CRM',
		handle(ctx) {
			const deal = currentDeal(ctx.state, clientOf(ctx));
			if (!deal) throw statusError('order not found');
			return ok({ order_id: deal.id });
		},
	},

	get_orders: {
		method: 'GET',
		permission: 'R-CRM',
		handle(ctx) {
			const client = clientOf(ctx);
			const p = ctx.params;
			const status = has(p, 'order_status') ? toInt(p.order_status, 'order_status') : undefined;
			if (status !== undefined && !ORDER_STATUSES.includes(status))
				throw fail('order_status must be 0, 1 or 2');
			const ids = dealsOf(ctx.state, client)
				.filter((d) => status === undefined || d.status === status)
				.map((d) => d.id)
				.sort((a, b) => a - b);
			// Documented quirk: the key is singular but holds an array.
			return ok({ order_id: ids });
		},
	},

	move_order_to_next_state: {
		method: 'POST',
		permission: 'W-CRM',
		handle(ctx) {
			const client = clientOf(ctx);
			const deal = dealOf(ctx, client);
			const { stages } = ctx.state;
			const index = stages.findIndex((s) => s.id === deal.state_id);
			if (index >= 0 && stages[index].outcome)
				throw fail(`Order ${deal.id} is already in the final state ${deal.state_id}`);
			const next = stages.slice(index + 1).find((s) => s.outcome !== 'lost');
			if (!next) throw fail(`Order ${deal.id} is already in the last state`);
			setDealStage(ctx.state, deal, next.id);
			return ok({ state_id: next.id });
		},
	},

	get_order_vars: {
		method: 'POST',
		permission: 'R-CRM',
		handle(ctx) {
			const client = clientOf(ctx);
			const deal = dealOf(ctx, client);
			const names = has(ctx.params, 'variables')
				? asArray(ctx.params.variables, 'variables')
				: Object.keys(deal.variables);
			const result = {};
			for (const name of names) result[name] = deal.variables[name] ?? null;
			return ok({ result });
		},
	},

	set_order_vars: {
		method: 'POST',
		permission: 'W-CRM',
		handle(ctx) {
			const client = clientOf(ctx);
			const deal = dealOf(ctx, client);
			const variables = asObject(required(ctx.params, 'variables'), 'variables');
			Object.assign(deal.variables, variables);
			deal.updated_at = Math.floor(Date.now() / 1000);
			return ok();
		},
	},

	create_order: {
		method: 'POST',
		permission: 'W-CRM',
		handle(ctx) {
			const p = ctx.params;
			const stateId = has(p, 'state_id') ? stageParam(ctx.state, p.state_id) : undefined;
			const budget = has(p, 'budget') ? toNumber(p.budget, 'budget') : null;
			const client = orderClient(ctx);
			const deal = createDeal(ctx.state, client, {
				state_id: stateId,
				name: has(p, 'name') ? String(p.name) : null,
				description: has(p, 'description') ? String(p.description) : null,
				budget,
			});
			return ok({ order_id: deal.id });
		},
	},

	set_order_state: {
		method: 'POST',
		permission: 'W-CRM',
		handle(ctx) {
			required(ctx.params, 'client_id');
			const stateId = stageParam(ctx.state, required(ctx.params, 'state_id'));
			const client = clientOf(ctx);
			// Acts on the current deal; an explicit order_id (undocumented) is honoured too.
			const deal = has(ctx.params, 'order_id')
				? dealOf(ctx, client)
				: currentDeal(ctx.state, client);
			if (!deal) throw statusError('order not found');
			setDealStage(ctx.state, deal, stateId);
			return ok();
		},
	},

	get_order_state: {
		method: 'GET',
		permission: 'R-CRM',
		handle(ctx) {
			const client = clientOf(ctx);
			const p = ctx.params;
			const deal = has(p, 'order_id')
				? ctx.state.deals.get(toInt(p.order_id, 'order_id'))
				: currentDeal(ctx.state, client);
			if (!deal || deal.client_id !== client.id) throw statusError('order not found');
			return ok({ state_id: deal.state_id });
		},
	},
};
