/**
 * What n8n's "Test" button on a credential does (CredentialsTester in the n8n package): it sends the credential's
 * `test.request` through n8n-core's declarative RoutingNode with the credential applied, then checks the `rules`.
 * Here the request runs as a one-node declarative workflow through WorkflowExecute, which uses that RoutingNode.
 */
const { loadPackage, runWorkflow, START_NODE_TYPE } = require('./n8n');

const TEST_NODE_TYPE = 'n8n-nodes-mavibot.credentialTestProbe';

async function testCredential(credentialName, data) {
	const pkg = await loadPackage();
	const credentialType = pkg.credentialTypes[credentialName];
	const { request, rules = [] } = credentialType.test;
	pkg.rawNodeTypes[TEST_NODE_TYPE] ??= {
		type: {
			description: {
				displayName: 'Credential test',
				name: 'credentialTestProbe',
				group: ['output'],
				version: 1,
				defaults: { name: 'Temp-Node' },
				inputs: ['main'],
				outputs: ['main'],
				credentials: [{ name: credentialName, required: true }],
				requestDefaults: {},
				properties: [
					{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request } },
				],
			},
		},
	};
	const workflow = {
		nodes: [
			{
				id: 's',
				name: 'Start',
				type: START_NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 't',
				name: 'Temp-Node',
				type: TEST_NODE_TYPE,
				typeVersion: 1,
				position: [200, 0],
				parameters: {},
				credentials: { [credentialName]: { id: 'cred', name: 'test' } },
			},
		],
		connections: { Start: { main: [[{ node: 'Temp-Node', type: 'main', index: 0 }]] } },
	};
	const result = await runWorkflow(workflow, { credentials: { [credentialName]: data } });
	if (result.error) return { status: 'Error', message: result.error.message, error: result.error };
	const body = result.output('Temp-Node')[0] ?? {};
	for (const rule of rules) {
		if (
			rule.type === 'responseSuccessBody' &&
			getPath(body, rule.properties.key) === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message, body };
		}
	}
	return { status: 'OK', message: 'Connection successful!', body };
}

function getPath(object, key) {
	return key.split('.').reduce((value, part) => (value == null ? undefined : value[part]), object);
}

module.exports = { testCredential };
