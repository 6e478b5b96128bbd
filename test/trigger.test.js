/**
 * Mavibot Trigger, in process: the node is loaded from the built package through n8n-core's PackageDirectoryLoader,
 * webhook() runs in n8n-core's WebhookContext, checkExists/create/delete in its HookContext, and the webhook
 * description is evaluated as n8n does to tell what n8n answers (test/harness/webhook.js).
 */
const crypto = require('node:crypto');
const path = require('node:path');

const { loadPackage, shutdownN8n } = require('./harness/n8n');
const {
	buildTriggerWorkflow,
	callTrigger,
	echoNode,
	productionUrl,
	runWebhookMethod,
	serveTrigger,
	WEBHOOK_ID,
} = require('./harness/webhook');
const { createSandbox } = require('./sandbox/server');

const PACKAGE_DIR = process.env.MAVIBOT_PACKAGE_DIR ?? path.resolve(__dirname, '..');
const triggerModule = (name) =>
	require(path.join(PACKAGE_DIR, 'dist', 'nodes', 'MavibotTrigger', `${name}.js`));

const TOKEN = 'k3y-For-Tests_0123456789';
const ACCEPTED = { status: 'ok' };

// Message IDs are unique across the file: the trigger remembers IDs to skip repeated deliveries.
let nextMessageId = 900000;

/** A message event as documented (API reference §6); `overrides` replace top-level fields, `client` merges. */
function messageEvent(overrides = {}) {
	const { client = {}, ...rest } = overrides;
	return {
		id: nextMessageId++,
		client: {
			id: 1001,
			recepient: '146467928',
			client_type: 1,
			name: 'Ann Petrova',
			avatar: 'https://cdn.example.com/avatars/ann.jpg',
			created_at: '2024-03-01 10:00:00',
			tag: 'spring_promo',
			group: 'mavi_test_bot',
			...client,
		},
		message: 'Hello!',
		attachments: [],
		message_id: 390,
		project_id: 77,
		is_input: 1,
		delivered: 1,
		error_message: '',
		...rest,
	};
}

function without(object, key) {
	const copy = { ...object };
	delete copy[key];
	return copy;
}

/** A trigger for message events with a token, plus any parameters given. */
async function messageTrigger(parameters = {}, extra = {}) {
	return await buildTriggerWorkflow({ token: TOKEN, ...parameters }, extra);
}

async function post(setup, body, { query = { token: TOKEN }, ...request } = {}) {
	return await callTrigger(setup, { body, query, ...request });
}

/** The trigger ran nothing and n8n answers the platform with the small fixed body. */
function expectSkipped(call) {
	expect(call.runs).toBe(false);
	expect(call.result.workflowData).toBeUndefined();
	expect(call.answer).toEqual({ status: 200, body: ACCEPTED });
}

function expectRefused(call, status, reasonPattern) {
	expect(call.runs).toBe(false);
	expect(call.result).toEqual({ noWebhookResponse: true });
	expect(call.response.sent).toBe(true);
	expect(call.answer.status).toBe(status);
	expect(call.answer.body.status).toBe('error');
	expect(call.answer.body.message).toMatch(reasonPattern);
}

let triggerType;

beforeAll(async () => {
	const pkg = await loadPackage();
	triggerType = pkg.nodeTypes.getByNameAndVersion('n8n-nodes-mavibot.mavibotTrigger', 1);
});

afterAll(async () => {
	await shutdownN8n();
});

describe('description', () => {
	test('is a trigger fed by one POST webhook, its only credential the token of version 1.1, not usable as a tool', () => {
		const { description } = triggerType;
		expect(description).toMatchObject({
			name: 'mavibotTrigger',
			displayName: 'Mavibot Trigger',
			group: ['trigger'],
			inputs: [],
			outputs: ['main'],
		});
		expect(description.usableAsTool).toBeUndefined();
		expect(description.credentials).toEqual([
			{
				name: 'mavibotTriggerApi',
				required: true,
				testedBy: 'mavibotTriggerTokenTest',
				displayOptions: { show: { '@version': [1.1], verifyToken: [true] } },
			},
		]);
		expect(description.webhooks).toHaveLength(1);
		expect(description.webhooks[0]).toMatchObject({
			name: 'default',
			httpMethod: 'POST',
			path: 'mavibot',
		});
		expect(Object.keys(triggerType.webhookMethods.default).sort()).toEqual([
			'checkExists',
			'create',
			'delete',
		]);
	});

	test('the Production URL is unique to the node: /webhook/<webhookId>/mavibot', async () => {
		const setup = await messageTrigger();
		expect(productionUrl(setup)).toBe(`http://127.0.0.1:5678/webhook/${WEBHOOK_ID}/mavibot`);
	});

	test('the notice gives the steps: which URL to paste, with the token, where, and that one project feeds one URL', () => {
		const notice = triggerType.description.properties.find((p) => p.name === 'messageEventsNotice');
		expect(notice.type).toBe('notice');
		expect(notice.displayOptions).toEqual({ show: { source: ['messageEvents'] } });
		expect(notice.displayName).toContain('Project settings → Webhook URL');
		expect(notice.displayName).toContain(
			'Production URL above (Webhook URLs) to copy it, and add ?token=',
		);
		expect(notice.displayName).toContain('One project feeds one URL');
		expect(notice.displayName.match(/<li>\d\. /g)).toHaveLength(3);
	});

	test('the bot block notice explains the API request and the Saved values mapping', () => {
		const notice = triggerType.description.properties.find((p) => p.name === 'blockRequestsNotice');
		expect(notice.displayOptions).toEqual({ show: { source: ['blockRequests'] } });
		expect(notice.displayName).toContain('POST-json');
		expect(notice.displayName).toContain('Saved values');
		expect(notice.displayName).toContain('reply -> answer_from_n8n');
		expect(notice.displayName).toContain('order|status -> order_status');
		expect(notice.displayName).toMatch(/Respond to Webhook node cannot be used/);
		expect(notice.displayName.match(/<li>\d\. /g)).toHaveLength(4);
	});

	test('the token is a required password field shown while Verify Token is on', () => {
		const token = triggerType.description.properties.find((p) => p.name === 'token');
		expect(token).toMatchObject({
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		});
		expect(token.displayOptions).toEqual({ show: { '@version': [1], verifyToken: [true] } });
		const verify = triggerType.description.properties.find((p) => p.name === 'verifyToken');
		expect(verify).toMatchObject({ type: 'boolean', default: true });
	});
});

describe('checkExists / create / delete (manual registration)', () => {
	test('answer true: the URL is pasted into Mavibot by hand, there is nothing to register or remove', async () => {
		const setup = await messageTrigger();
		await expect(runWebhookMethod(setup, 'checkExists')).resolves.toBe(true);
		await expect(runWebhookMethod(setup, 'create')).resolves.toBe(true);
		await expect(runWebhookMethod(setup, 'delete')).resolves.toBe(true);
	});

	test.each([
		['empty', '', /"Token" parameter is empty/],
		['too short', 'short-token', /shorter than 16 characters/],
		['not URL-safe', 'has spaces & symbols!!', /may only contain letters, digits/],
	])('activation fails with a clear error when the token is %s', async (_case, token, message) => {
		const setup = await buildTriggerWorkflow({ token });
		const failure = runWebhookMethod(setup, 'checkExists');
		await expect(failure).rejects.toThrow(message);
		await expect(failure).rejects.toMatchObject({
			description: expect.stringContaining('openssl rand -hex 24'),
		});
		await expect(runWebhookMethod(setup, 'create')).rejects.toThrow(message);
	});

	test('activation needs no token when verification is off', async () => {
		const setup = await buildTriggerWorkflow({ verifyToken: false });
		await expect(runWebhookMethod(setup, 'checkExists')).resolves.toBe(true);
	});
});

describe('secret token', () => {
	test('the right token runs the workflow and n8n answers {"status":"ok"} at once', async () => {
		const setup = await messageTrigger();
		const call = await post(setup, messageEvent());
		expect(call.responseMode).toBe('onReceived');
		expect(call.responseData).toEqual(ACCEPTED);
		expect(call.runs).toBe(true);
		expect(call.answer).toEqual({ status: 200, body: ACCEPTED });
		expect(call.items).toHaveLength(1);
	});

	test.each([
		['a wrong token', { token: 'k3y-For-Tests_0123456788' }, /token in the URL is wrong/],
		['no token', {}, /URL has no token/],
		['an empty token', { token: '' }, /URL has no token/],
		['the token twice', { token: [TOKEN, TOKEN] }, /token in the URL is wrong/],
		['a prefix of the token', { token: TOKEN.slice(0, -1) }, /token in the URL is wrong/],
	])('%s: 401 and nothing runs', async (_case, query, message) => {
		const setup = await messageTrigger();
		const call = await post(setup, messageEvent(), { query });
		expectRefused(call, 401, message);
	});

	test('the token is checked before the body: a wrong token with a malformed body is still 401', async () => {
		const setup = await messageTrigger();
		expectRefused(
			await post(setup, 'not json', { query: {}, contentType: 'text/plain' }),
			401,
			/no token/,
		);
	});

	test('with verification off, requests without a token run', async () => {
		const setup = await buildTriggerWorkflow({ verifyToken: false });
		const call = await post(setup, messageEvent(), { query: {} });
		expect(call.runs).toBe(true);
		expect(call.answer).toEqual({ status: 200, body: ACCEPTED });
	});

	test('a trigger whose token is unusable refuses every request with 500 and runs nothing', async () => {
		const setup = await buildTriggerWorkflow({ token: '' });
		expectRefused(
			await post(setup, messageEvent(), { query: { token: '' } }),
			500,
			/"Token" parameter is empty/,
		);
	});

	test('the comparison is constant-time: timingSafeEqual on two SHA-256 digests', async () => {
		const spy = jest.spyOn(crypto, 'timingSafeEqual');
		try {
			const setup = await messageTrigger();
			await post(setup, messageEvent(), { query: { token: 'x' } });
			await post(setup, messageEvent(), { query: { token: TOKEN } });
			expect(spy).toHaveBeenCalledTimes(2);
			for (const [given, expected] of spy.mock.calls) {
				expect(given).toHaveLength(32);
				expect(expected).toHaveLength(32);
				expect(
					Buffer.from(expected).equals(crypto.createHash('sha256').update(TOKEN).digest()),
				).toBe(true);
			}
			expect(spy.mock.results.map((r) => r.value)).toEqual([false, true]);
		} finally {
			spy.mockRestore();
		}
	});

	test('the token never reaches the output', async () => {
		const setup = await messageTrigger({ source: 'blockRequests' });
		const call = await post(
			setup,
			{ question: 'hi' },
			{ query: { token: TOKEN, campaign: 'spring' } },
		);
		expect(call.items[0].query).toEqual({ campaign: 'spring' });
		expect(JSON.stringify(call.items)).not.toContain(TOKEN);
		const events = await messageTrigger();
		expect(JSON.stringify((await post(events, messageEvent())).items)).not.toContain(TOKEN);
	});
});

describe('the clean event', () => {
	test('is built from the documented payload, with the raw payload under "raw"', async () => {
		const setup = await messageTrigger();
		const event = messageEvent({
			attachments: ['https://files.example.com/a.jpg'],
			message_id: 391,
		});
		const before = Date.now();
		const call = await post(setup, event);
		expect(call.items).toEqual([
			{
				messageId: event.id,
				direction: 'incoming',
				text: 'Hello!',
				isSystemNotification: false,
				client: {
					id: 1001,
					platformId: '146467928',
					messenger: 'Telegram (Bot)',
					messengerTypeId: 1,
					name: 'Ann Petrova',
					avatar: 'https://cdn.example.com/avatars/ann.jpg',
					tag: 'spring_promo',
					bot: 'mavi_test_bot',
					createdAt: '2024-03-01 10:00:00',
				},
				attachments: ['https://files.example.com/a.jpg'],
				delivered: true,
				deliveryError: null,
				blockId: 391,
				projectId: 77,
				receivedAt: expect.any(String),
				raw: event,
			},
		]);
		expect(Date.parse(call.items[0].receivedAt)).toBeGreaterThanOrEqual(before - 1000);
	});

	test('numbers sent as strings, flags as booleans, nulls and a failed delivery', async () => {
		const setup = await messageTrigger({ direction: 'both' });
		const event = messageEvent({
			id: String(nextMessageId++),
			client: {
				id: '1002',
				recepient: 79991234567,
				client_type: '6',
				name: null,
				avatar: null,
				tag: null,
				group: 'wa',
			},
			message: null,
			is_input: false,
			delivered: '0',
			error_message: 'The client blocked the bot',
			message_id: null,
			project_id: '77',
		});
		const [item] = (await post(setup, event)).items;
		expect(item).toMatchObject({
			messageId: Number(event.id),
			direction: 'outgoing',
			text: '',
			client: {
				id: 1002,
				platformId: '79991234567',
				messenger: 'WhatsApp',
				messengerTypeId: 6,
				name: null,
				bot: 'wa',
			},
			delivered: false,
			deliveryError: 'The client blocked the bot',
			blockId: null,
			projectId: 77,
		});
	});

	test('an undocumented client_type keeps its number and gets no messenger name', async () => {
		const setup = await messageTrigger();
		const [item] = (await post(setup, messageEvent({ client: { client_type: 17 } }))).items;
		expect(item.client).toMatchObject({ messengerTypeId: 17, messenger: null });
	});

	test('the "Include Raw Payload" option off leaves "raw" out', async () => {
		const setup = await messageTrigger({ options: { includeRaw: false } });
		const [item] = (await post(setup, messageEvent())).items;
		expect(item).not.toHaveProperty('raw');
		expect(item.messageId).toEqual(expect.any(Number));
	});

	test('the output runs on through the workflow (WorkflowExecute) into the next node', async () => {
		const setup = await messageTrigger(
			{},
			{
				nodes: [
					echoNode(
						'Greeting',
						'={{ { "to": $json.client.platformId, "text": "You wrote: " + $json.text } }}',
					),
				],
				connections: {
					'Mavibot Trigger': { main: [[{ node: 'Greeting', type: 'main', index: 0 }]] },
				},
			},
		);
		const call = await post(setup, messageEvent({ message: 'Where is my order?' }));
		const run = await call.execute();
		expect(run.error).toBeUndefined();
		expect(run.output('Greeting')).toEqual([
			{ to: '146467928', text: 'You wrote: Where is my order?' },
		]);
		// Message events were answered before the run: the answer stays the small body.
		expect(call.answer).toEqual({ status: 200, body: ACCEPTED });
	});
});

describe('filters', () => {
	const passes = async (parameters, event) =>
		(await post(await messageTrigger(parameters), event)).runs;

	test("direction: From Client by default, so the bot's own replies do not start the workflow", async () => {
		const setup = await messageTrigger();
		expect((await post(setup, messageEvent({ is_input: 1 }))).runs).toBe(true);
		const skipped = await post(setup, messageEvent({ is_input: 0 }));
		expectSkipped(skipped);
		// With n8n's own fallback the platform would get {"message":"Webhook call received"}: the node sets the body.
		expect(skipped.result.webhookResponse).toEqual(ACCEPTED);
	});

	test('direction: From Bot or Operator, and Both', async () => {
		expect(await passes({ direction: 'outgoing' }, messageEvent({ is_input: 0 }))).toBe(true);
		expect(await passes({ direction: 'outgoing' }, messageEvent({ is_input: 1 }))).toBe(false);
		expect(await passes({ direction: 'both' }, messageEvent({ is_input: 0 }))).toBe(true);
		expect(await passes({ direction: 'both' }, messageEvent({ is_input: 1 }))).toBe(true);
	});

	test('messengers (client_type)', async () => {
		const filters = { messengerTypes: [6, 16] };
		expect(await passes({ filters }, messageEvent({ client: { client_type: 6 } }))).toBe(true);
		expect(await passes({ filters }, messageEvent({ client: { client_type: '16' } }))).toBe(true);
		expect(await passes({ filters }, messageEvent({ client: { client_type: 1 } }))).toBe(false);
		expect(await passes({ filters }, messageEvent({ client: { client_type: null } }))).toBe(false);
		expect(
			await passes(
				{ filters: { messengerTypes: [] } },
				messageEvent({ client: { client_type: 1 } }),
			),
		).toBe(true);
	});

	test('bots (client.group), comma- or newline-separated, ignoring case and a leading @', async () => {
		const filters = { bots: '@Mavi_Test_Bot,\n 143414131 ' };
		expect(await passes({ filters }, messageEvent({ client: { group: 'mavi_test_bot' } }))).toBe(
			true,
		);
		expect(await passes({ filters }, messageEvent({ client: { group: '143414131' } }))).toBe(true);
		expect(await passes({ filters }, messageEvent({ client: { group: 'other_bot' } }))).toBe(false);
		expect(await passes({ filters }, messageEvent({ client: { group: null } }))).toBe(false);
	});

	test('delivery status', async () => {
		const both = { direction: 'both' };
		expect(
			await passes(
				{ ...both, filters: { deliveryStatus: 'failed' } },
				messageEvent({ delivered: 0 }),
			),
		).toBe(true);
		expect(
			await passes(
				{ ...both, filters: { deliveryStatus: 'failed' } },
				messageEvent({ delivered: 1 }),
			),
		).toBe(false);
		expect(
			await passes(
				{ ...both, filters: { deliveryStatus: 'delivered' } },
				messageEvent({ delivered: 1 }),
			),
		).toBe(true);
		expect(
			await passes(
				{ ...both, filters: { deliveryStatus: 'delivered' } },
				messageEvent({ delivered: 0 }),
			),
		).toBe(false);
		expect(
			await passes({ ...both, filters: { deliveryStatus: 'any' } }, messageEvent({ delivered: 0 })),
		).toBe(true);
	});

	const notifications = [
		'crm_state_changed Sales funnel:Paid',
		'link_was_pressed https://shop.example.com/promo',
		'new_chat_member',
		'new_task_added_callback task_id:15, task_name:Call back',
		'Task edited by Ann: edit_task_callback task_id:15, task_name:Call back',
	];

	test.each(notifications)(
		'system notification "%s" is recognised and can be excluded',
		async (text) => {
			const setup = await messageTrigger({ filters: { systemNotifications: 'exclude' } });
			expectSkipped(await post(setup, messageEvent({ message: text })));
			const [item] = (await post(await messageTrigger(), messageEvent({ message: text }))).items;
			expect(item.isSystemNotification).toBe(true);
		},
	);

	test('system notifications: Include (default), Exclude, Only', async () => {
		const notice = () => messageEvent({ message: 'crm_state_changed Sales funnel:Paid' });
		const person = () =>
			messageEvent({ message: 'my callback number is 123, new_chat_member soon' });
		expect(await passes({}, notice())).toBe(true);
		expect(await passes({}, person())).toBe(true);
		expect(await passes({ filters: { systemNotifications: 'exclude' } }, person())).toBe(true);
		expect(await passes({ filters: { systemNotifications: 'only' } }, notice())).toBe(true);
		expect(await passes({ filters: { systemNotifications: 'only' } }, person())).toBe(false);
	});

	test('filters combine: every one must pass', async () => {
		const parameters = {
			direction: 'incoming',
			filters: { messengerTypes: [1], bots: 'mavi_test_bot' },
		};
		expect(await passes(parameters, messageEvent())).toBe(true);
		expect(await passes(parameters, messageEvent({ client: { group: 'x' } }))).toBe(false);
		expect(await passes(parameters, messageEvent({ is_input: 0 }))).toBe(false);
	});
});

describe('repeated deliveries', () => {
	test('the same message ID twice runs the workflow once; n8n answers both alike', async () => {
		const setup = await messageTrigger({}, { workflowId: 'RepeatWorkflow01' });
		const event = messageEvent();
		const first = await post(setup, event);
		const second = await post(setup, { ...event });
		expect(first.runs).toBe(true);
		expectSkipped(second);
		expect(second.answer).toEqual(first.answer);
	});

	test('different message IDs both run', async () => {
		const setup = await messageTrigger({}, { workflowId: 'RepeatWorkflow02' });
		expect((await post(setup, messageEvent())).runs).toBe(true);
		expect((await post(setup, messageEvent())).runs).toBe(true);
	});

	test('the ID as a string and as a number is the same message', async () => {
		const setup = await messageTrigger({}, { workflowId: 'RepeatWorkflow03' });
		const event = messageEvent();
		expect((await post(setup, event)).runs).toBe(true);
		expect((await post(setup, { ...event, id: String(event.id) })).runs).toBe(false);
	});

	test('each trigger node has its own memory, and test runs are apart from production', async () => {
		const event = messageEvent();
		const a = await messageTrigger({}, { workflowId: 'RepeatWorkflow04', nodeId: 'node-a' });
		const b = await messageTrigger({}, { workflowId: 'RepeatWorkflow04', nodeId: 'node-b' });
		expect((await post(a, event)).runs).toBe(true);
		expect((await post(b, event)).runs).toBe(true);
		expect(
			(await callTrigger(a, { body: event, query: { token: TOKEN } }, { mode: 'manual' })).runs,
		).toBe(true);
		expect((await post(a, event)).runs).toBe(false);
	});

	test('the "Ignore Repeated Deliveries" option off runs every delivery', async () => {
		const setup = await messageTrigger(
			{ options: { ignoreRepeats: false } },
			{ workflowId: 'RepeatWorkflow05' },
		);
		const event = messageEvent();
		expect((await post(setup, event)).runs).toBe(true);
		expect((await post(setup, event)).runs).toBe(true);
	});

	test('a refused request (wrong token, malformed body) is not remembered', async () => {
		const setup = await messageTrigger({}, { workflowId: 'RepeatWorkflow06' });
		const event = messageEvent();
		expect((await post(setup, event, { query: { token: 'wrong-token-0000000000' } })).runs).toBe(
			false,
		);
		expect((await post(setup, { ...event, is_input: 'maybe' })).runs).toBe(false);
		expect((await post(setup, event)).runs).toBe(true);
	});

	test('the memory forgets after its time window and stays bounded', () => {
		const { RecentMessages } = triggerModule('sources/messageEvents/recentMessages');
		const memory = new RecentMessages(1000, 3, 2);
		expect(memory.seenBefore('t', '1', 0)).toBe(false);
		expect(memory.seenBefore('t', '1', 999)).toBe(true);
		expect(memory.seenBefore('t', '1', 1000)).toBe(false); // expired, remembered afresh
		for (const id of ['2', '3', '4']) memory.seenBefore('t', id, 1001);
		expect(memory.size('t', 1001)).toBe(3);
		expect(memory.seenBefore('t', '1', 1002)).toBe(false); // pushed out by the bound of 3
		memory.seenBefore('u', '1', 1002);
		memory.seenBefore('v', '1', 1002); // a third trigger: the least recently used one ('t') is dropped
		expect(memory.size('t', 1002)).toBe(0);
		expect(memory.size('v', 1002)).toBe(1);
	});
});

describe('malformed bodies get 400 with the reason, and nothing runs', () => {
	test.each([
		[
			'text that is not JSON',
			{ body: 'id=1&client=2', contentType: 'text/plain' },
			/body is not valid JSON/,
		],
		[
			'no content type and broken JSON',
			{ body: undefined, rawBody: Buffer.from('{"id": 1,'), contentType: undefined },
			/body is not valid JSON/,
		],
		[
			'an empty request',
			{ body: undefined, rawBody: Buffer.alloc(0), contentType: undefined },
			/the request has no body/,
		],
		['a JSON array', { body: [messageEvent()] }, /body must be a JSON object, got an array/],
		[
			'a JSON string',
			{ body: '"hello"', contentType: 'text/plain' },
			/body must be a JSON object, got a string/,
		],
		[
			'no message ID',
			{ body: messageEvent({ id: undefined }) },
			/field "id" \(the message ID\) is missing/,
		],
		[
			'a message ID that is an object',
			{ body: messageEvent({ id: { value: 1 } }) },
			/field "id" .* must be a whole number, got an object/,
		],
		['no client', { body: without(messageEvent(), 'client') }, /field "client" .* is missing/],
		[
			'a null client',
			{ body: { ...messageEvent(), client: null } },
			/field "client" .* is missing/,
		],
		[
			'a client that is not an object',
			{ body: { ...messageEvent(), client: 'Ann' } },
			/field "client" must be an object, got a string/,
		],
		[
			'a client without ID',
			{ body: messageEvent({ client: { id: null } }) },
			/field "client.id" \(the client ID\) is missing/,
		],
		[
			'a client_type that is text',
			{ body: messageEvent({ client: { client_type: 'telegram' } }) },
			/field "client.client_type" must be a whole number/,
		],
		[
			'a client name that is an object',
			{ body: messageEvent({ client: { name: { first: 'Ann' } } }) },
			/field "client.name" must be text, got an object/,
		],
		[
			'no is_input',
			{ body: messageEvent({ is_input: undefined }) },
			/field "is_input" .* is missing/,
		],
		[
			'an is_input that is not a flag',
			{ body: messageEvent({ is_input: 'maybe' }) },
			/field "is_input" must be 1 or 0, got a string/,
		],
		[
			'a message that is a list',
			{ body: messageEvent({ message: ['Hi'] }) },
			/field "message" must be text, got an array/,
		],
		[
			'a delivered flag of 2',
			{ body: messageEvent({ delivered: 2 }) },
			/field "delivered" must be 1 or 0, got a number/,
		],
	])('%s', async (_case, request, reason) => {
		const setup = await messageTrigger();
		const call = await callTrigger(setup, { query: { token: TOKEN }, ...request });
		expectRefused(call, 400, reason);
		expect(call.answer.body.message).toMatch(
			/^(The body is not valid JSON|Not a Mavibot message event: )/,
		);
	});

	test('JSON sent as text/plain, or with no content type, is read', async () => {
		const setup = await messageTrigger();
		const event = messageEvent();
		const asText = await callTrigger(setup, {
			body: JSON.stringify(event),
			contentType: 'text/plain',
			query: { token: TOKEN },
		});
		expect(asText.items[0].messageId).toBe(event.id);
		const second = messageEvent();
		const untyped = await callTrigger(setup, {
			body: undefined,
			rawBody: Buffer.from(JSON.stringify(second)),
			contentType: undefined,
			query: { token: TOKEN },
		});
		expect(untyped.items[0].messageId).toBe(second.id);
	});

	test('odd but valid values do not crash the trigger', async () => {
		const setup = await messageTrigger({ direction: 'both' });
		const oddities = [
			messageEvent({ attachments: 42 }),
			messageEvent({ attachments: { nested: { deeper: [{ url: 'https://x.example/1.png' }] } } }),
			messageEvent({ message: 12345, error_message: null, delivered: null }),
			messageEvent({
				extra_field: { anything: true },
				client: { custom_answer: 'x', operator_start_dialog: null },
			}),
		];
		for (const event of oddities) {
			const call = await post(setup, event);
			expect(call.runs).toBe(true);
		}
	});
});

describe('attachments', () => {
	const { parseAttachments } = triggerModule('sources/messageEvents/attachments');

	test.each([
		['null', null, []],
		['an empty string', '', []],
		['an empty array', [], []],
		[
			'an array of URLs',
			['https://f.example/a.jpg', 'https://f.example/b.pdf'],
			['https://f.example/a.jpg', 'https://f.example/b.pdf'],
		],
		[
			'an array of objects (url / file / link / attachment_url)',
			[
				{ url: 'https://f.example/1.jpg', name: 'photo', type: 'image' },
				{ file: 'https://f.example/2.ogg' },
				{ link: 'https://f.example/3.mp4' },
				{ attachment_url: 'https://f.example/4.pdf', attachment_type: 'file' },
			],
			[
				'https://f.example/1.jpg',
				'https://f.example/2.ogg',
				'https://f.example/3.mp4',
				'https://f.example/4.pdf',
			],
		],
		[
			'a dictionary of links',
			[{ small: 'https://f.example/s.jpg', big: 'https://f.example/b.jpg', width: 100 }],
			['https://f.example/s.jpg', 'https://f.example/b.jpg'],
		],
		[
			'a JSON string',
			'["https://f.example/a.jpg", {"url": "https://f.example/b.jpg"}]',
			['https://f.example/a.jpg', 'https://f.example/b.jpg'],
		],
		[
			'a Python list string',
			"['https://f.example/a.jpg', 'https://f.example/b,c.pdf']",
			['https://f.example/a.jpg', 'https://f.example/b,c.pdf'],
		],
		[
			'a Python list of dicts',
			"[{'url': 'https://f.example/a.jpg', 'type': 'image', 'size': None}, {'file': \"https://f.example/it's.pdf\"}]",
			['https://f.example/a.jpg', "https://f.example/it's.pdf"],
		],
		['a single URL', ' https://f.example/a.jpg ', ['https://f.example/a.jpg']],
		[
			'several URLs in one string',
			'https://f.example/a.jpg, https://f.example/b.jpg',
			['https://f.example/a.jpg', 'https://f.example/b.jpg'],
		],
		[
			'a broken list string',
			"['https://f.example/a.jpg', 'https://f.example/b.jpg'",
			['https://f.example/a.jpg', 'https://f.example/b.jpg'],
		],
		[
			'repeated links',
			['https://f.example/a.jpg', { url: 'https://f.example/a.jpg' }],
			['https://f.example/a.jpg'],
		],
		['a number', 7, []],
	])('%s', (_case, value, expected) => {
		expect(parseAttachments(value)).toEqual(expected);
	});

	test('arrive parsed in the event whatever form they take', async () => {
		const setup = await messageTrigger();
		const call = await post(
			setup,
			messageEvent({ attachments: "['https://f.example/a.jpg', 'https://f.example/b.pdf']" }),
		);
		expect(call.items[0].attachments).toEqual([
			'https://f.example/a.jpg',
			'https://f.example/b.pdf',
		]);
		expect(call.items[0].raw.attachments).toBe(
			"['https://f.example/a.jpg', 'https://f.example/b.pdf']",
		);
	});
});

describe('bot block requests', () => {
	const replyWorkflow = {
		nodes: [
			echoNode(
				'Reply',
				'={{ { "reply": "Order " + $json.body.order_id + " ships today", "status_code": 1 } }}',
			),
		],
		connections: { 'Mavibot Trigger': { main: [[{ node: 'Reply', type: 'main', index: 0 }]] } },
	};

	test("n8n answers with the last node's first item (When Last Node Finishes, the default)", async () => {
		const setup = await messageTrigger({ source: 'blockRequests' }, replyWorkflow);
		const call = await post(
			setup,
			{ client_id: '1001', order_id: '40632' },
			{ query: { token: TOKEN, step: 'order' } },
		);
		expect(call.responseMode).toBe('lastNode');
		expect(call.responseData).toBe('firstEntryJson');
		expect(call.runs).toBe(true);
		expect(call.items).toEqual([
			{
				body: { client_id: '1001', order_id: '40632' },
				query: { step: 'order' },
				receivedAt: expect.any(String),
			},
		]);
		const run = await call.execute();
		expect(run.error).toBeUndefined();
		expect(call.answer).toEqual({
			status: 200,
			body: { reply: 'Order 40632 ships today', status_code: 1 },
		});
	});

	test('Respond: Immediately answers {"status":"ok"} and still runs the workflow', async () => {
		const setup = await messageTrigger(
			{ source: 'blockRequests', responseMode: 'onReceived' },
			replyWorkflow,
		);
		const call = await post(setup, { order_id: '7' });
		expect(call.responseMode).toBe('onReceived');
		expect(call.responseData).toEqual(ACCEPTED);
		expect(call.answer).toEqual({ status: 200, body: ACCEPTED });
		const run = await call.execute();
		expect(run.output('Reply')).toEqual([{ reply: 'Order 7 ships today', status_code: 1 }]);
		expect(call.answer).toEqual({ status: 200, body: ACCEPTED });
	});

	test('are not filtered nor de-duplicated: the same call twice runs twice', async () => {
		const setup = await messageTrigger({ source: 'blockRequests', direction: 'outgoing' });
		const body = { id: 5, is_input: 1 };
		expect((await post(setup, body)).runs).toBe(true);
		expect((await post(setup, body)).runs).toBe(true);
	});

	test('a block without JSON parameters gives an empty body', async () => {
		const setup = await messageTrigger({ source: 'blockRequests' });
		const call = await callTrigger(setup, {
			body: undefined,
			rawBody: Buffer.alloc(0),
			contentType: undefined,
			query: { token: TOKEN },
		});
		expect(call.items[0].body).toEqual({});
	});

	test('a body that is not a JSON object gets 400; a wrong token 401', async () => {
		const setup = await messageTrigger({ source: 'blockRequests' });
		expectRefused(await post(setup, [1, 2]), 400, /Not a bot block request: .* got an array/);
		expectRefused(await post(setup, '{oops', { contentType: 'text/plain' }), 400, /not valid JSON/);
		expectRefused(await post(setup, { a: 1 }, { query: { token: 'nope' } }), 401, /wrong/);
	});
});

describe('events from the sandbox (buildWebhookEvent / sendWebhook over HTTP)', () => {
	let sandbox;
	let server;
	let setup;

	beforeAll(async () => {
		sandbox = createSandbox();
		setup = await messageTrigger({ direction: 'both' }, { workflowId: 'SandboxWorkflow1' });
		server = await serveTrigger(setup);
	});

	afterAll(async () => {
		await server.stop();
	});

	test('a sandbox event is accepted and becomes a clean event of the seeded client', async () => {
		const event = sandbox.buildWebhookEvent({
			message: 'I want to order',
			attachments: "['https://cdn.example.com/f/1.jpg']",
		});
		const answer = await sandbox.sendWebhook(`${server.url}?token=${TOKEN}`, event);
		expect(answer).toEqual({ status: 200, body: ACCEPTED });
		const call = server.calls.at(-1);
		expect(call.items[0]).toMatchObject({
			messageId: event.id,
			direction: 'incoming',
			text: 'I want to order',
			client: {
				id: 1001,
				platformId: '146467928',
				messenger: 'Telegram (Bot)',
				bot: 'mavi_test_bot',
				name: 'Ann Petrova',
			},
			attachments: ['https://cdn.example.com/f/1.jpg'],
			blockId: 390,
			raw: event,
		});
	});

	test("a WhatsApp client's outgoing, undelivered message", async () => {
		const event = sandbox.buildWebhookEvent({
			client_id: 1002,
			is_input: 0,
			delivered: 0,
			error_message: 'Not on WhatsApp',
		});
		expect((await sandbox.sendWebhook(`${server.url}?token=${TOKEN}`, event)).status).toBe(200);
		expect(server.calls.at(-1).items[0]).toMatchObject({
			direction: 'outgoing',
			client: { id: 1002, messenger: 'WhatsApp', messengerTypeId: 6 },
			delivered: false,
			deliveryError: 'Not on WhatsApp',
		});
	});

	test('the platform retrying the same event runs the workflow once', async () => {
		const event = sandbox.buildWebhookEvent();
		const url = `${server.url}?token=${TOKEN}`;
		expect(await sandbox.sendWebhook(url, event)).toEqual({ status: 200, body: ACCEPTED });
		expect(await sandbox.sendWebhook(url, event)).toEqual({ status: 200, body: ACCEPTED });
		const forEvent = server.calls.filter(
			(call) => call.result.workflowData?.[0][0].json.messageId === event.id,
		);
		expect(forEvent).toHaveLength(1);
	});

	test('without the token: 401; a body that is not an event: 400', async () => {
		const unauthorised = await sandbox.sendWebhook(server.url, sandbox.buildWebhookEvent());
		expect(unauthorised.status).toBe(401);
		expect(unauthorised.body).toEqual({
			status: 'error',
			message: expect.stringMatching(/no token/),
		});
		const malformed = await sandbox.sendWebhook(`${server.url}?token=${TOKEN}`, { hello: 'world' });
		expect(malformed).toEqual({
			status: 400,
			body: { status: 'error', message: expect.stringMatching(/field "id"/) },
		});
	});
});
