'use strict';
// The credentials the end-to-end tier imports (`n8n import:credentials` encrypts the plain `data`). The example
// workflows in examples/ reference the first one by id, so importing them next to it needs no editing.

const CREDENTIALS = {
	sandbox: { id: 'MavibotApiCred01', name: 'Mavibot account', data: { apiKey: 'test-key-full' } },
	wrongKey: { id: 'MavibotBadKey001', name: 'Mavibot wrong key', data: { apiKey: 'wrong-key-7f3a9c55e1' } },
};

/** The import file for a sandbox at `baseUrl`. */
function credentialImport(baseUrl) {
	return Object.values(CREDENTIALS).map((c) => ({
		id: c.id,
		name: c.name,
		type: 'mavibotApi',
		data: { ...c.data, baseUrl },
	}));
}

module.exports = { CREDENTIALS, credentialImport };
