/**
 * Mavibot Trigger versions: 1 keeps its token in the "Token" parameter (workflows made with it run unchanged), 1.1 reads
 * it from the "Mavibot Trigger API" credential, so that it stays out of the workflow JSON and of execution data. Run as
 * n8n runs the trigger (test/harness/webhook.js: n8n-core's WebhookContext and HookContext, the package from dist/).
 */
const { loadPackage, shutdownN8n } = require('./harness/n8n');
const { buildTriggerWorkflow, callTrigger, runWebhookMethod } = require('./harness/webhook');

const TRIGGER_TYPE = 'n8n-nodes-mavibot.mavibotTrigger';
const TOKEN = 'credential-token-0123456789abcdef';
const PLACEHOLDER = 'replace-with-your-own-secret-token';

let nextMessageId = 700000;
const event = (overrides = {}) => ({
	id: nextMessageId++,
	client: {
		id: 1001,
		recepient: '146467928',
		client_type: 1,
		name: 'Ann Petrova',
		group: 'mavi_test_bot',
	},
	message: 'Hello!',
	attachments: [],
	project_id: 77,
	is_input: 1,
	delivered: 1,
	...overrides,
});

/** A version 1.1 trigger whose credential holds `token` (no credential at all when token is null). */
const trigger11 = (
	parameters = {},
	token = TOKEN, // token null: no credential
) =>
	buildTriggerWorkflow(parameters, {
		typeVersion: 1.1,
		credentials: token === null ? {} : { mavibotTriggerApi: { token } },
	});

let triggerType;

beforeAll(async () => {
	const pkg = await loadPackage();
	triggerType = pkg.rawNodeTypes[TRIGGER_TYPE].type;
});

afterAll(async () => {
	await shutdownN8n();
});

describe('description', () => {
	test('versions 1 and 1.1; new nodes get 1.1', () => {
		const description = triggerType.description ?? triggerType.baseDescription;
		const versions = triggerType.nodeVersions
			? Object.keys(triggerType.nodeVersions).map(Number)
			: description.version;
		expect([].concat(versions).sort()).toEqual([1, 1.1]);
		expect(description.defaultVersion).toBe(1.1);
	});

	test('1.1 asks for the credential (while Verify Token is on) and has no Token parameter; 1 the reverse', async () => {
		const { nodeType: v11, node: node11 } = await trigger11({});
		const { NodeHelpers } = require('n8n-workflow');
		const shown = (nodeType, node, name) => {
			const property = nodeType.description.properties.find((p) => p.name === name);
			return NodeHelpers.displayParameter(node.parameters, property, node, nodeType.description);
		};
		const credential = v11.description.credentials.find((c) => c.name === 'mavibotTriggerApi');
		expect(credential).toMatchObject({ required: true, testedBy: expect.any(String) });
		expect(
			NodeHelpers.displayParameter({ ...node11.parameters }, credential, node11, v11.description),
		).toBe(true);
		expect(
			NodeHelpers.displayParameter(
				{ ...node11.parameters, verifyToken: false },
				credential,
				node11,
				v11.description,
			),
		).toBe(false);
		expect(shown(v11, node11, 'token')).toBe(false);

		const { nodeType: v1, node: node1 } = await buildTriggerWorkflow({ token: TOKEN });
		expect(shown(v1, node1, 'token')).toBe(true);
		expect(
			NodeHelpers.displayParameter({ ...node1.parameters }, credential, node1, v1.description),
		).toBe(false);
	});
});

describe('version 1.1: the token comes from the credential', () => {
	test('the right token runs the workflow; a wrong or missing one gets 401 naming the credential', async () => {
		const setup = await trigger11({});
		const ok = await callTrigger(setup, { body: event(), query: { token: TOKEN } });
		expect(ok.runs).toBe(true);
		expect(ok.items[0].text).toBe('Hello!');

		const wrong = await callTrigger(setup, {
			body: event(),
			query: { token: 'wrong-token-0000000000' },
		});
		expect(wrong.runs).toBe(false);
		expect(wrong.answer.status).toBe(401);
		expect(wrong.answer.body.message).toMatch(/Mavibot Trigger API/);
		const missing = await callTrigger(setup, { body: event(), query: {} });
		expect(missing.answer.status).toBe(401);
	});

	test('a token changed in the credential counts from the next request: the old one is refused at once', async () => {
		const setup = await trigger11({});
		expect((await callTrigger(setup, { body: event(), query: { token: TOKEN } })).runs).toBe(true);
		const changed = 'changed-token-0123456789abcdef';
		setup.credentials.mavibotTriggerApi = { token: changed };
		// Requests arriving together share a credential read (sharedReads.ts), never one made before they arrived.
		const [old, fresh] = await Promise.all([
			callTrigger(setup, { body: event(), query: { token: TOKEN } }),
			callTrigger(setup, { body: event(), query: { token: changed } }),
		]);
		expect(old.answer.status).toBe(401);
		expect(fresh.runs).toBe(true);
	});

	test('a Token parameter left in a 1.1 node is ignored', async () => {
		const setup = await trigger11({ token: 'parameter-token-0123456789' });
		const byParameter = await callTrigger(setup, {
			body: event(),
			query: { token: 'parameter-token-0123456789' },
		});
		expect(byParameter.answer.status).toBe(401);
		expect((await callTrigger(setup, { body: event(), query: { token: TOKEN } })).runs).toBe(true);
	});

	test('activation refuses an empty, short, or placeholder token, and a missing credential, and says what to do', async () => {
		for (const [token, reason] of [
			['', /empty/],
			['short', /shorter than 16/],
			[PLACEHOLDER, /placeholder/],
		]) {
			const setup = await trigger11({}, token);
			await expect(runWebhookMethod(setup, 'checkExists')).rejects.toThrow(reason);
		}
		await expect(runWebhookMethod(await trigger11({}, null), 'checkExists')).rejects.toThrow(
			/No "Mavibot Trigger API" credential/,
		);
		await expect(runWebhookMethod(await trigger11({}), 'checkExists')).resolves.toBe(true);
		await expect(
			runWebhookMethod(await trigger11({ verifyToken: false }, null), 'checkExists'),
		).resolves.toBe(true);
	});

	test('bot block requests: the token is not in the output', async () => {
		const setup = await trigger11({ source: 'blockRequests' });
		const call = await callTrigger(setup, {
			body: { client_id: '1001' },
			query: { token: TOKEN, step: 'order' },
		});
		expect(call.items).toEqual([
			{ body: { client_id: '1001' }, query: { step: 'order' }, receivedAt: expect.any(String) },
		]);
		expect(JSON.stringify(call.items)).not.toContain(TOKEN);
	});

	test("the credential's Test checks the token without calling anything", async () => {
		const { nodeType } = await trigger11({});
		const { testedBy } = nodeType.description.credentials.find(
			(c) => c.name === 'mavibotTriggerApi',
		);
		const test = (token) =>
			nodeType.methods.credentialTest[testedBy].call(
				{},
				{ id: '1', name: 'x', type: 'mavibotTriggerApi', data: { token } },
			);
		await expect(test(TOKEN)).resolves.toEqual({ status: 'OK', message: expect.any(String) });
		await expect(test('short')).resolves.toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/shorter than 16/),
		});
		await expect(test(PLACEHOLDER)).resolves.toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/placeholder/),
		});
	});
});

describe('version 1 keeps working unchanged', () => {
	test('the Token parameter is checked as before', async () => {
		const setup = await buildTriggerWorkflow({ token: TOKEN });
		expect((await callTrigger(setup, { body: event(), query: { token: TOKEN } })).runs).toBe(true);
		expect(
			(await callTrigger(setup, { body: event(), query: { token: 'wrong-token-0000000000' } }))
				.answer.status,
		).toBe(401);
		await expect(runWebhookMethod(setup, 'checkExists')).resolves.toBe(true);
	});

	test("activation refuses the first example's placeholder token", async () => {
		const setup = await buildTriggerWorkflow({ token: PLACEHOLDER });
		await expect(runWebhookMethod(setup, 'checkExists')).rejects.toThrow(/placeholder/);
	});
});
