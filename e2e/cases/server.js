'use strict';
// The part of the tier that needs a running n8n (`n8n start`): the package as the editor sees it, the credential
// test through the REST API, and the Mavibot Trigger (message events fired by the sandbox, bot-block requests) on
// published workflows: version 1.1 (token in the "Mavibot Trigger API" credential, which must never show in an exported
// workflow or an execution) for message events, version 1 (token as a node parameter) for bot-block requests.

const { workflow, mavibot, mavibotTrigger, MAVIBOT_TRIGGER } = require('../lib/workflow');
const { nodeOutput } = require('../lib/n8n');
const { http, sleep, waitUntil } = require('../lib/util');
const { CREDENTIALS } = require('./credentials');
const { wire } = require('./execute');
const files = require('./files');

const OWNER = {
	email: 'e2e@example.com',
	password: 'E2e-Passw0rd!',
	firstName: 'End',
	lastName: 'ToEnd',
};
const TOKEN = 'e2e-token-2b7f9c1d4e6a8b0c'; // the Token parameter of version 1 triggers

const good = CREDENTIALS.sandbox;
const triggerCredential = CREDENTIALS.trigger;
const CREDENTIAL_TOKEN = triggerCredential.data.token;

// ---- trigger workflows (imported only when the package has the Mavibot Trigger) ----

const ECHO = { id: 'E2eTriggerEcho01', webhookId: '5e0c1d2a-7b3f-4c8e-9a10-2b3c4d5e6f70' };
const BLOCK = { id: 'E2eTriggerBlock1', webhookId: '6f1d2e3b-8c40-4d9f-8b21-3c4d5e6f7081' };

function triggerWorkflows() {
	const echo = workflow({
		id: ECHO.id,
		name: 'e2e: Mavibot Trigger → reply',
		nodes: [
			mavibotTrigger({ webhookId: ECHO.webhookId, credential: triggerCredential }),
			mavibot(
				'Reply',
				{
					resource: 'message',
					operation: 'send',
					clientId: '={{ $json.client.id }}',
					text: '={{ "You wrote: " + $json.text }}',
				},
				good,
			),
		],
		connections: [['Mavibot Trigger', 'Reply']],
	});
	const block = workflow({
		id: BLOCK.id,
		name: 'e2e: bot block request → answer',
		nodes: [
			{
				name: 'Mavibot Trigger',
				type: MAVIBOT_TRIGGER,
				webhookId: BLOCK.webhookId,
				parameters: {
					source: 'blockRequests',
					responseMode: 'lastNode',
					verifyToken: true,
					token: TOKEN,
				},
			},
			mavibot(
				'Get Variables',
				{
					resource: 'variable',
					operation: 'get',
					clientId: '={{ $json.body.client_id }}',
					output: 'flat',
				},
				good,
			),
			{
				name: 'Answer',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				parameters: {
					mode: 'manual',
					assignments: {
						assignments: [
							{
								id: 'a1',
								name: 'reply',
								type: 'string',
								value: '={{ "Hi " + $json.name + " from " + $json.city }}',
							},
							{ id: 'a2', name: 'order|status', type: 'string', value: 'shipped' },
						],
					},
					includeOtherFields: false,
					options: {},
				},
			},
		],
		connections: [
			['Mavibot Trigger', 'Get Variables'],
			['Get Variables', 'Answer'],
		],
	});
	return [echo, block];
}

// ---- Send and Wait for Response, free text (also the page the browser check screenshots) ----

const FREE_TEXT = {
	id: 'E2eSendWaitText1',
	webhookId: '7a2e3f4c-9d51-4e0a-8c32-4d5e6f708192',
	path: 'e2e-send-and-wait-text',
};

function sendAndWaitWorkflow() {
	return workflow({
		id: FREE_TEXT.id,
		name: 'e2e: ask a free-text question and wait',
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: FREE_TEXT.webhookId,
				parameters: { httpMethod: 'POST', path: FREE_TEXT.path, options: {} },
			},
			mavibot(
				'Ask',
				{
					resource: 'message',
					operation: 'sendAndWait',
					clientId: '1001',
					message: '={{ "What should we change in order " + $json.body.order + "?" }}',
					responseType: 'freeText',
					options: {
						messageButtonLabel: 'Answer',
						responseFormTitle: '={{ "Order " + $json.body.order }}',
					},
				},
				good,
			),
		],
		connections: [['Webhook', 'Ask']],
	});
}

/** Starts the free-text workflow (published) and returns the answer link of the message the sandbox received. */
async function askFreeText({ n8n, sandbox }, order = 'A-7') {
	await sandbox.reset();
	const res = await http('POST', `${n8n.baseUrl}/webhook/${FREE_TEXT.path}`, { body: { order } });
	if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${res.text}`);
	const message = await waitUntil(async () => wire(await sandbox.requests(), 'message')[0], {
		what: 'the question',
	});
	const [button] = message.body.buttons.buttons;
	return { message, link: button.url };
}

function workflows(ctx) {
	return [
		...(ctx.features.has('trigger') ? triggerWorkflows() : []),
		...(ctx.features.has('trigger') ? [files.triggerWorkflow()] : []),
		...(ctx.features.has('message.sendAndWait') ? [sendAndWaitWorkflow()] : []),
	];
}

/**
 * The Production URL n8n shows for a Mavibot Trigger node: <base>/webhook/<webhookId>/mavibot (the node's webhook
 * path is "mavibot", not a full path). Resolves once n8n has registered it (pitfall 9).
 */
async function triggerUrl(n8n, webhookId) {
	const route = `${webhookId}/mavibot`;
	await n8n.waitForWebhook(route, { timeoutMs: 30000 });
	return `${n8n.baseUrl}/webhook/${route}`;
}

async function run(ctx) {
	const { n8n, sandbox, report, prefix, features } = ctx;
	const check = (name, fn) => report.check(`${prefix}${name}`, fn);
	const examples = ctx.examples.filter((e) => e.needs.every((n) => features.has(n)));

	// Activate while n8n is stopped (update:workflow on 1.x must run then; publish:workflow on 2.x works either way).
	const toActivate = [
		...examples.filter((e) => e.activate).map((e) => e.workflow.id),
		...(features.has('trigger') ? [ECHO.id, BLOCK.id, files.TRIGGER.id] : []),
		...(features.has('message.sendAndWait') ? [FREE_TEXT.id] : []),
	];
	if (toActivate.length) {
		await check(
			`activate ${toActivate.length} workflow(s) (${n8n.spec.activation === 'publish' ? 'publish:workflow' : 'update:workflow --active'})`,
			async () => {
				for (const id of toActivate) await n8n.activate(id);
			},
		);
	}

	const started = await check('n8n start: the editor answers', async () => {
		await n8n.start();
		return true;
	});
	if (!started) return {};

	await check('no error while loading the community package', async (assert) => {
		const log = n8n.output();
		assert.ok(
			!/n8n-nodes-mavibot[^\n]*(error|failed|could not)/i.test(log),
			`log mentions a problem:\n${log.slice(-3000)}`,
		);
	});

	const owner = await check('owner set up through the REST API', async () => {
		await n8n.setupOwner(OWNER);
		return true;
	});

	if (owner) {
		await check('the editor knows the node types n8n-nodes-mavibot.*', async (assert) => {
			const res = await n8n.get('types/nodes.json');
			assert.equal(res.status, 200);
			const names = res.body.map((t) => t.name);
			assert.ok(names.includes('n8n-nodes-mavibot.mavibot'), 'n8n-nodes-mavibot.mavibot listed');
			if (features.has('trigger'))
				assert.ok(names.includes('n8n-nodes-mavibot.mavibotTrigger'), 'mavibotTrigger listed');
			const creds = await n8n.get('types/credentials.json');
			assert.ok(
				creds.body.some((c) => c.name === 'mavibotApi'),
				'credential type mavibotApi listed',
			);
		});

		// The editor's "Test" button for a credential pointed at the sandbox.
		const testAgainstSandbox = ({ id, name, data }) =>
			n8n.testCredential({
				id,
				name,
				type: 'mavibotApi',
				data: { apiKey: data.apiKey, baseUrl: sandbox.url },
			});

		await check('credential test (REST): the right key passes', async (assert) => {
			await sandbox.reset();
			const result = await testAgainstSandbox(good);
			assert.equal(result.status, 'OK', JSON.stringify(result));
			const calls = wire(await sandbox.requests(), 'connected_channels');
			assert.equal(calls.length, 1, 'one connected_channels request');
			assert.equal(calls[0].method, 'GET');
			assert.equal(calls[0].key, good.data.apiKey);
		});
		await check(
			'credential test (REST): a wrong key fails with a clear message',
			async (assert) => {
				await sandbox.reset();
				const wrong = CREDENTIALS.wrongKey;
				const result = await testAgainstSandbox(wrong);
				assert.equal(result.status, 'Error', JSON.stringify(result));
				assert.match(result.message, /key/i);
				assert.ok(!result.message.includes(wrong.data.apiKey), 'the key is not in the message');
				assert.equal(
					wire(await sandbox.requests(), 'connected_channels')[0].key,
					wrong.data.apiKey,
				);
			},
		);
	}

	if (features.has('trigger')) {
		await triggerChecks(ctx, { check, owner });
		await files.triggerChecks(ctx, { check, owner, triggerUrl });
	} else report.skip(`${prefix}Mavibot Trigger checks`, 'the package has no Mavibot Trigger yet');

	if (features.has('message.sendAndWait')) await freeTextChecks(ctx, { check, owner });

	for (const example of examples) {
		if (example.serverChecks) await example.serverChecks({ ...ctx, check, owner });
	}
	return { owner: owner ? OWNER : undefined };
}

async function triggerChecks(ctx, { check, owner }) {
	const { n8n, sandbox } = ctx;
	const echoUrl = await check(
		'Mavibot Trigger (message events): production webhook registered',
		() => triggerUrl(n8n, ECHO.webhookId),
	);
	if (echoUrl) {
		await check(
			'message event with the right token → {status: ok}, workflow replies through the API',
			async (assert) => {
				await sandbox.reset();
				// The sandbox's event carries what real payloads do beyond the docs (real-world-shapes.md):
				// client.variables, internal_id; here also custom_answer, unix seconds, attachment objects, a new field.
				const fired = await sandbox.fireWebhook(`${echoUrl}?token=${CREDENTIAL_TOKEN}`, {
					client_id: 1002,
					message: 'Do you ship to Kazan?',
					internal_id: '5512',
					client: { custom_answer: '{"ok":1}', created_at: 1729073759 },
					attachments: [
						{
							url: 'https://files.example.com/contract.pdf',
							name: 'contract.pdf',
							type: 'document',
						},
					],
					reply_to: 22563045580,
				});
				assert.equal(fired.result.status, 200, JSON.stringify(fired.result));
				assert.deepEqual(fired.result.body, { status: 'ok' });
				if (owner) {
					const [execution] = await n8n.waitForExecutions(ECHO.id, 1);
					assert.equal(execution.status, 'success');
					const [event] = nodeOutput(execution.data.resultData.runData, 'Mavibot Trigger');
					assert.equal(event.client.id, 1002);
					assert.equal(event.text, 'Do you ship to Kazan?');
					assert.equal(event.direction, 'incoming');
					assert.deepEqual(event.client.variables, { city: 'Kazan', source: 'site' });
					assert.equal(event.messengerMessageId, '5512');
					assert.equal(event.client.customAnswer, '{"ok":1}');
					assert.equal(event.client.operatorStartDialog, null);
					assert.equal(event.client.createdAtIso, '2024-10-16T10:15:59.000Z');
					assert.deepEqual(event.attachments, ['https://files.example.com/contract.pdf']);
					assert.deepEqual(event.attachmentDetails, [
						{
							url: 'https://files.example.com/contract.pdf',
							name: 'contract.pdf',
							type: 'document',
						},
					]);
					assert.deepEqual(event.otherFields, { reply_to: 22563045580 });
				}
				const sent = await waitForRequests(sandbox, 'message', 1);
				assert.deepEqual(sent[0].body, {
					client_id: 1002,
					message: 'You wrote: Do you ship to Kazan?',
				});
			},
		);
		if (owner) {
			await check(
				'Mavibot Trigger 1.1: its token is in no exported workflow and no execution',
				async (assert) => {
					const workflowIds = [
						ECHO.id,
						...ctx.examples
							.filter((e) => usesTriggerCredential(e.workflow))
							.map((e) => e.workflow.id),
					];
					assert.ok(
						workflowIds.length >= 2,
						'the e2e workflow and the incoming-message example use the credential',
					);
					for (const id of workflowIds) {
						// What the editor's Download and n8n export:workflow write: the stored workflow.
						const stored = JSON.stringify(await n8n.restOk('GET', `workflows/${id}`));
						assert.ok(
							stored.includes(triggerCredential.id),
							`workflow ${id} references the credential`,
						);
						assert.ok(!stored.includes(CREDENTIAL_TOKEN), `the token is not in workflow ${id}`);
					}
					const exported = (await n8n.cliOk(['export:workflow', `--id=${ECHO.id}`])).stdout;
					assert.ok(exported.includes(ECHO.id), 'n8n export:workflow printed the workflow');
					assert.ok(!exported.includes(CREDENTIAL_TOKEN), 'n8n export:workflow has no token');
					const executions = await n8n.executions(ECHO.id);
					assert.ok(executions.length > 0, 'the trigger ran');
					for (const { id } of executions) {
						const raw = await n8n.rest('GET', `executions/${id}`);
						assert.ok(!raw.text.includes(CREDENTIAL_TOKEN), `the token is not in execution ${id}`);
					}
				},
			);
		}
		await check(
			"the editor's /schemas route finds the trigger's output schema for versions 1 and 1.1",
			async (assert) => {
				for (const version of ['1.0.0', '1.1.0']) {
					const res = await http(
						'GET',
						`${n8n.baseUrl}/schemas/n8n-nodes-mavibot.mavibotTrigger/${version}.json`,
					);
					assert.equal(res.status, 200, `schema of ${version}: ${res.status}`);
					const schema = JSON.parse(res.text);
					assert.ok(
						schema.properties.messengerMessageId,
						`${version} describes messengerMessageId`,
					);
					assert.ok(
						schema.properties.client.properties.variables,
						`${version} describes variables`,
					);
				}
			},
		);
		await check('message event with a wrong token → 401 and no execution', async (assert) => {
			const before = owner ? (await n8n.executions(ECHO.id)).length : 0;
			await sandbox.reset();
			const fired = await sandbox.fireWebhook(`${echoUrl}?token=wrong-token-0000000000`, {
				client_id: 1002,
			});
			assert.equal(fired.result.status, 401);
			const noToken = await sandbox.fireWebhook(echoUrl, { client_id: 1002 });
			assert.equal(noToken.result.status, 401);
			await new Promise((r) => setTimeout(r, 1000));
			if (owner) assert.equal((await n8n.executions(ECHO.id)).length, before, 'no new execution');
			assert.equal(wire(await sandbox.requests(), 'message').length, 0, 'nothing sent');
		});
		await check(
			'outgoing message event (is_input 0) is filtered out: answered, no execution',
			async (assert) => {
				const before = owner ? (await n8n.executions(ECHO.id)).length : 0;
				await sandbox.reset();
				const fired = await sandbox.fireWebhook(`${echoUrl}?token=${CREDENTIAL_TOKEN}`, {
					client_id: 1001,
					is_input: 0,
					message: 'Bot says hi',
				});
				assert.equal(fired.result.status, 200);
				await new Promise((r) => setTimeout(r, 1000));
				if (owner) assert.equal((await n8n.executions(ECHO.id)).length, before, 'no new execution');
			},
		);
	}

	const blockUrl = await check(
		'Mavibot Trigger (bot block requests): production webhook registered',
		() => triggerUrl(n8n, BLOCK.webhookId),
	);
	if (blockUrl) {
		await check("bot block request → the answer is the last node's JSON", async (assert) => {
			await sandbox.reset();
			const res = await http('POST', `${blockUrl}?token=${TOKEN}`, {
				body: { client_id: '1001', question: 'Where is my order?' },
			});
			assert.equal(res.status, 200, res.text);
			assert.deepEqual(res.body, {
				reply: 'Hi Ann Petrova from Moscow',
				'order|status': 'shipped',
			});
			const read = wire(await sandbox.requests(), 'get_variables');
			assert.equal(read.length, 1);
			assert.deepEqual(read[0].query, { client_id: '1001' });
		});
		await check('bot block request with a wrong token → 401, nothing runs', async (assert) => {
			await sandbox.reset();
			const res = await http('POST', `${blockUrl}?token=nope-nope-nope-nope`, {
				body: { client_id: '1001' },
			});
			assert.equal(res.status, 401);
			assert.equal((await sandbox.requests()).length, 0);
		});
	}
}

async function freeTextChecks(ctx, { check, owner }) {
	const { n8n, sandbox } = ctx;
	await check(
		'send and wait (free text): the form page, a refused empty answer, the answer resumes; a second click and a tampered link change nothing',
		async (assert) => {
			const { message, link } = await askFreeText(ctx);
			assert.equal(message.body.client_id, 1001);
			assert.equal(message.body.message, 'What should we change in order A-7?');
			assert.match(
				link,
				new RegExp(`^${n8n.baseUrl}/webhook-waiting/\\d+/[^?]+\\?signature=[0-9a-f]{64}$`),
			);
			assert.equal(message.body.buttons.hint, `Answer: ${link}`);

			const page = await http('GET', link);
			assert.equal(page.status, 200, page.text);
			assert.match(page.headers.get('content-type'), /text\/html/);
			assert.match(page.text, /<h1>Order A-7<\/h1>/);
			assert.match(page.text, /<textarea id="text" name="text" required>/);

			const empty = await http('POST', link, { form: { text: ' ' } });
			assert.equal(empty.status, 400);
			assert.match(empty.text, /Please fill in this field\./);
			const tampered = await http('POST', link.replace(/signature=[0-9a-f]{4}/, 'signature=0000'), {
				form: { text: 'forged' },
			});
			assert.notEqual(tampered.status, 200);
			if (owner)
				assert.equal((await n8n.executions(FREE_TEXT.id))[0].status, 'waiting', 'still waiting');

			const answered = await http('POST', link, { form: { text: 'Deliver on Friday, please' } });
			assert.equal(answered.status, 200, answered.text);
			assert.match(answered.text, /Your answer has been recorded\./);
			if (owner) {
				const id = await waitUntil(
					async () => {
						const [newest] = await n8n.executions(FREE_TEXT.id);
						return newest?.status === 'success' && newest.id;
					},
					{ what: 'the execution to finish' },
				);
				const execution = await n8n.execution(id);
				const [answer] = nodeOutput(execution.data.resultData.runData, 'Ask');
				assert.deepEqual(answer.data, { text: 'Deliver on Friday, please' });
				assert.equal(answer.timedOut, false);
				assert.ok(
					Math.abs(Date.now() - Date.parse(answer.answeredAt)) < 120000,
					'answeredAt is the time of the answer',
				);

				const again = await http('POST', link, { form: { text: 'Changed my mind' } });
				assert.notEqual(again.status, 500);
				await sleep(1000);
				const after = await n8n.execution(id);
				assert.deepEqual(nodeOutput(after.data.resultData.runData, 'Ask')[0].data, {
					text: 'Deliver on Friday, please',
				});
				assert.equal((await n8n.executions(FREE_TEXT.id))[0].id, id, 'no new execution');
			}
			assert.equal(wire(await sandbox.requests(), 'message').length, 1, 'one message sent');
		},
	);
}

/** Whether a workflow has a Mavibot Trigger that reads its token from the "Mavibot Trigger API" credential. */
function usesTriggerCredential(workflow) {
	return workflow.nodes.some(
		(node) =>
			node.type === MAVIBOT_TRIGGER && node.credentials && node.credentials.mavibotTriggerApi,
	);
}

/** The sandbox's requests of an action once there are at least `count` (the workflow runs after the answer). */
async function waitForRequests(sandbox, action, count, timeoutMs = 20000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = wire(await sandbox.requests(), action);
		if (found.length >= count) return found;
		if (Date.now() > deadline)
			throw new Error(`Expected ${count} "${action}" request(s), got ${found.length}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

module.exports = {
	workflows,
	run,
	waitForRequests,
	triggerUrl,
	usesTriggerCredential,
	askFreeText,
	sendAndWaitWorkflow,
	FREE_TEXT,
	OWNER,
	TOKEN,
	CREDENTIAL_TOKEN,
	ECHO,
	BLOCK,
};
