'use strict';
// §4.7 save_variables / get_variables. Scoping (store.writeVariables): `client.<name>` writes the client profile
// (name, phone, email, avatar, tag) or a client variable; an unprefixed name writes the current deal's variables, or
// the client's own variables when it has no deal. get_variables merges profile built-ins, client variables and the
// current deal's variables into one flat object (deal wins on a name clash).

const { fail, has, required, asObject, asArray, clientNotFound } = require('../params');
const { getClient, writeVariables, flatVariables } = require('../store');
const { ok } = require('./common');

module.exports = {
	save_variables: {
		method: 'POST',
		permission: 'W-Cl',
		universal: true,
		handle(ctx) {
			const p = ctx.params;
			if (!has(p, 'client_id') && !has(p, 'clients')) required(p, 'client_id');
			required(p, 'variables');
			const variables = asObject(p.variables, 'variables');
			if (has(p, 'client_id')) {
				const client = getClient(ctx.state, p.client_id);
				if (!client) throw clientNotFound();
				writeVariables(ctx.state, client, variables);
				return ok({ saved: 1 });
			}
			const ids = asArray(p.clients, 'clients');
			if (!ids.length) throw fail('Parameter "clients" required');
			const notFound = [];
			let saved = 0;
			for (const id of ids) {
				const client = getClient(ctx.state, id);
				if (!client) notFound.push(id);
				else {
					writeVariables(ctx.state, client, variables);
					saved++;
				}
			}
			return ok({ saved, ...(notFound.length ? { not_found: notFound } : {}) });
		},
	},

	get_variables: {
		method: 'GET',
		permission: 'R-Cl',
		handle(ctx) {
			required(ctx.params, 'client_id');
			const client = getClient(ctx.state, ctx.params.client_id);
			if (!client) throw clientNotFound();
			return { body: flatVariables(ctx.state, client) };
		},
	},
};
