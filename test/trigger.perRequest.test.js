/**
 * What n8n 2.x evaluates for each request of the Mavibot Trigger, and what must not change while it evaluates less:
 * - the answer fields (responseMode, responseData) carry, next to their expressions, plain functions that n8n calls
 *   instead of its expression engine while the node's parameters are static: both give the same answer for every
 *   source and Respond setting;
 * - version 1.1 (n8n evaluates an expression per request of a start node whose typeVersion is exactly 1, not for 1.1)
 *   reads the bodies n8n leaves unread for it (no or an unknown content type) and answers exactly as version 1.
 */
const { resolveWebhookDescriptionField } = require('n8n-workflow');

const { shutdownN8n } = require('./harness/n8n');
const { buildTriggerWorkflow, callTrigger } = require('./harness/webhook');

const TOKEN = 'k3y-For-Tests_0123456789';

afterAll(async () => {
	await shutdownN8n();
});

const SETTINGS = [
	[{ source: 'messageEvents' }, 'onReceived', { status: 'ok' }],
	[{ source: 'blockRequests' }, 'lastNode', 'firstEntryJson'],
	[{ source: 'blockRequests', responseMode: 'lastNode' }, 'lastNode', 'firstEntryJson'],
	[{ source: 'blockRequests', responseMode: 'onReceived' }, 'onReceived', { status: 'ok' }],
];

/** The trigger at `typeVersion` with its token where that version reads it (1: parameter, 1.1: credential). */
const withToken = (parameters, { typeVersion = 1, ...options } = {}) =>
	typeVersion === 1
		? buildTriggerWorkflow({ ...parameters, token: TOKEN }, options)
		: buildTriggerWorkflow(parameters, {
				...options,
				typeVersion,
				credentials: { mavibotTriggerApi: { token: TOKEN } },
			});

describe.each(SETTINGS)('parameters %j', (parameters, responseMode, responseData) => {
	const expected = { responseMode, responseData };
	for (const [field, typeVersion] of [
		['responseMode', 1],
		['responseData', 1],
		['responseMode', 1.1],
		['responseData', 1.1],
	]) {
		test(`${field} (version ${typeVersion}): n8n resolves it without the expression engine, to what the expression gives`, async () => {
			const { workflow, node, nodeType } = await withToken(parameters, { typeVersion });
			const [description] = nodeType.description.webhooks;
			const native = resolveWebhookDescriptionField(node, description, field);
			expect(native).toEqual({ resolved: true, value: expected[field] });
			const evaluated = workflow.expression.getComplexParameterValue(
				node,
				description[field],
				'webhook',
				{},
				undefined,
				undefined,
			);
			expect(evaluated).toEqual(expected[field]);
		});
	}
});

test('an expression in the parameters sends n8n back to its expression engine, with the same answer', async () => {
	const { workflow, node, nodeType } = await buildTriggerWorkflow({
		source: 'blockRequests',
		token: '={{ "k3y-For-Tests_" + "0123456789" }}',
	});
	const [description] = nodeType.description.webhooks;
	expect(resolveWebhookDescriptionField(node, description, 'responseMode')).toEqual({
		resolved: false,
	});
	expect(
		workflow.expression.getSimpleParameterValue(node, description.responseMode, 'webhook', {}),
	).toBe('lastNode');
});

describe('version 1.1', () => {
	const event = (id) => ({
		id,
		client: { id: 1001, client_type: 1, name: 'Ann' },
		message: 'Hi',
		is_input: 1,
		delivered: 1,
	});

	test.each([
		['no content type', undefined],
		['an unknown content type', 'application/octet-stream'],
	])(
		'JSON with %s, which n8n leaves unread for version 1.1, is read and answered as by version 1',
		async (_label, contentType) => {
			const answers = [];
			for (const typeVersion of [1, 1.1]) {
				const setup = await withToken(
					{ source: 'messageEvents' },
					{ typeVersion, workflowId: `wfVersion${typeVersion}${contentType}` },
				);
				const payload = Buffer.from(JSON.stringify(event(880000 + typeVersion * 10)));
				const request =
					typeVersion === 1
						? { body: undefined, rawBody: payload, contentType }
						: { body: undefined, unread: payload, contentType };
				const call = await callTrigger(setup, { ...request, query: { token: TOKEN } });
				answers.push({ answer: call.answer, runs: call.runs, text: call.items[0]?.text });
			}
			expect(answers[0]).toEqual({
				answer: { status: 200, body: { status: 'ok' } },
				runs: true,
				text: 'Hi',
			});
			expect(answers[1]).toEqual(answers[0]);
		},
	);
});
