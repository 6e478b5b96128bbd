/**
 * The Mavibot Trigger's answer fields (responseMode, responseData) carry, next to their expressions, plain functions
 * that n8n 2.x calls instead of its expression engine while the node's parameters are static. Both must give the
 * same answer for every source and Respond setting, and n8n must recognise the functions.
 */
const { resolveWebhookDescriptionField } = require('n8n-workflow');

const { shutdownN8n } = require('./harness/n8n');
const { buildTriggerWorkflow } = require('./harness/webhook');

afterAll(async () => {
	await shutdownN8n();
});

const SETTINGS = [
	[{ source: 'messageEvents' }, 'onReceived', { status: 'ok' }],
	[{ source: 'blockRequests' }, 'lastNode', 'firstEntryJson'],
	[{ source: 'blockRequests', responseMode: 'lastNode' }, 'lastNode', 'firstEntryJson'],
	[{ source: 'blockRequests', responseMode: 'onReceived' }, 'onReceived', { status: 'ok' }],
];

describe.each(SETTINGS)('parameters %j', (parameters, responseMode, responseData) => {
	const expected = { responseMode, responseData };
	for (const field of ['responseMode', 'responseData']) {
		test(`${field}: n8n resolves it without the expression engine, to what the expression gives`, async () => {
			const { workflow, node, nodeType } = await buildTriggerWorkflow({ ...parameters, token: 'k3y-For-Tests_0123456789' });
			const [description] = nodeType.description.webhooks;
			const native = resolveWebhookDescriptionField(node, description, field);
			expect(native).toEqual({ resolved: true, value: expected[field] });
			const evaluated = workflow.expression.getComplexParameterValue(node, description[field], 'webhook', {}, undefined, undefined);
			expect(evaluated).toEqual(expected[field]);
		});
	}
});

test('an expression in the parameters sends n8n back to its expression engine, with the same answer', async () => {
	const { workflow, node, nodeType } = await buildTriggerWorkflow({ source: 'blockRequests', token: '={{ "k3y-For-Tests_" + "0123456789" }}' });
	const [description] = nodeType.description.webhooks;
	expect(resolveWebhookDescriptionField(node, description, 'responseMode')).toEqual({ resolved: false });
	expect(workflow.expression.getSimpleParameterValue(node, description.responseMode, 'webhook', {})).toBe('lastNode');
});
