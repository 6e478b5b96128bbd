'use strict';
// All API actions: { action: { method, permission, universal?, handle(ctx) } }. Adding an action = adding one entry
// to one of these resource files. `universal` marks the actions that accept the value_*/delimiter indirection (§2.6).

const groups = [
	require('./callback'),
	require('./message'),
	require('./conversation'),
	require('./client'),
	require('./list'),
	require('./lookup'),
	require('./variable'),
	require('./deal'),
	require('./channel'),
];

const ACTIONS = {};
for (const group of groups) {
	for (const [name, handler] of Object.entries(group)) {
		if (ACTIONS[name]) throw new Error(`Duplicate sandbox action ${name}`);
		ACTIONS[name] = handler;
	}
}

/** Wording of §2.4 used in the 403 message: "Access denied: the API key has no permission to <wording>". */
const PERMISSION_WORDING = {
	'R-Cl': 'read client information',
	'W-Cl': 'modify/delete client information',
	'R-CRM': 'read information from CRM',
	'W-CRM': 'modify/delete CRM information',
	'Del-Cl': 'delete clients',
};

module.exports = { ACTIONS, PERMISSION_WORDING };
