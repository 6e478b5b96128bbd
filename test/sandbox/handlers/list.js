'use strict';
// §4.5.5–4.5.6 add_to_list / remove_from_list. Lists are created in the UI only, so an unknown list id fails.
// Unknown client ids are skipped and reported in `not_found`.

const { fail, required, toInt } = require('../params');
const { getClient } = require('../store');
const { ok, idList } = require('./common');

function changeMembership(ctx, add) {
	const listId = toInt(required(ctx.params, 'list_id'), 'list_id');
	const ids = idList(ctx.params, 'clients');
	const list = ctx.state.lists.get(listId);
	if (!list) throw fail(`List ${listId} not found`);
	let changed = 0;
	const notFound = [];
	for (const id of ids) {
		const client = getClient(ctx.state, id);
		if (!client) {
			notFound.push(id);
		} else if (add ? !list.clients.has(client.id) : list.clients.has(client.id)) {
			if (add) list.clients.add(client.id);
			else list.clients.delete(client.id);
			changed++;
		}
	}
	return ok({
		[add ? 'added' : 'removed']: changed,
		...(notFound.length ? { not_found: notFound } : {}),
	});
}

module.exports = {
	add_to_list: { method: 'POST', permission: 'W-Cl', handle: (ctx) => changeMembership(ctx, true) },
	remove_from_list: {
		method: 'POST',
		permission: 'W-Cl',
		handle: (ctx) => changeMembership(ctx, false),
	},
};
