'use strict';
// The credentials the end-to-end tier imports (`n8n import:credentials` encrypts the plain `data`). The example
// workflows in examples/ reference "Mavibot account" and "Mavibot Trigger account" by id, so importing them next to
// these needs no editing.

const CREDENTIALS = {
	sandbox: {
		id: 'MavibotApiCred01',
		name: 'Mavibot account',
		type: 'mavibotApi',
		data: { apiKey: 'test-key-full' },
	},
	wrongKey: {
		id: 'MavibotBadKey001',
		name: 'Mavibot wrong key',
		type: 'mavibotApi',
		data: { apiKey: 'wrong-key-7f3a9c55e1' },
	},
	// The token of Mavibot Trigger 1.1 nodes: the tier checks that it never shows in an exported workflow or an execution.
	trigger: {
		id: 'MavibotTrigCred1',
		name: 'Mavibot Trigger account',
		type: 'mavibotTriggerApi',
		data: { token: 'e2e-credential-token-5d1f3a9b7c2e4f60' },
	},
};

/** The import file for a sandbox at `baseUrl` (the Mavibot API credentials point at it). */
function credentialImport(baseUrl) {
	return Object.values(CREDENTIALS).map((c) => ({
		id: c.id,
		name: c.name,
		type: c.type,
		data: c.type === 'mavibotApi' ? { ...c.data, baseUrl } : { ...c.data },
	}));
}

module.exports = { CREDENTIALS, credentialImport };
