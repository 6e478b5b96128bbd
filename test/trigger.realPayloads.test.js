/**
 * The Mavibot Trigger on message events in the shapes real traffic shows (shared/reference/real-world-shapes.md):
 * each fixture of test/fixtures/messageEvents/ is posted to a version 1.1 trigger (token in the credential) in n8n's
 * WebhookContext, and the clean event must carry what the payload carries, with nothing under "raw" needed.
 */
const { loadPackage, shutdownN8n } = require('./harness/n8n');
const { buildTriggerWorkflow, callTrigger } = require('./harness/webhook');
const { fixtures, payload } = require('./fixtures/messageEvents');

const TOKEN = 'real-payload-token-0123456789';

/** Every shape real-world-shapes.md lists for the webhook message event, and the fixture that shows it. */
const SHAPES = {
	'message ID over 2^31': 'amocrmBridge',
	'no client_type': 'amocrmBridge',
	'client.variables with tg_username and UTM tags': 'amocrmBridge',
	internal_id: 'amocrmBridge',
	'internal_id null': 'internalIdNull',
	'client.custom_answer': 'customAnswer',
	'client.operator_start_dialog': 'customAnswer',
	'null message (media without a caption)': 'nullMessage',
	'operator message: is_input 0, message_id null': 'operatorMessage',
	'bot-funnel message: is_input 0, block ID in message_id': 'botFunnelMessage',
	'attachments: JSON list of URL strings': 'attachmentsUrlList',
	'attachments: list of objects url/file/name/type': 'attachmentsObjects',
	'attachments: list of objects attachment_url/attachment_type': 'attachmentsAttachmentUrl',
	'attachments: null': 'attachmentsNull',
	'attachments: a string holding a Python-style list': 'attachmentsPythonString',
	'client.created_at: text without an offset': 'createdAtText',
	'client.created_at: text with an offset': 'createdAtTextWithOffset',
	'client.created_at: unix seconds': 'createdAtUnixSeconds',
	'service event new_chat_member': 'serviceEventNewChatMember',
	'service event left_chat_member': 'serviceEventLeftChatMember',
	'a top-level field the docs do not list (a future Mavibot addition)': 'unknownTopLevelField',
};

// Message IDs are unique across the file: the trigger remembers IDs to skip repeated deliveries.
let nextId = 33000000000;

async function trigger(parameters = {}) {
	return await buildTriggerWorkflow(
		{ direction: 'both', ...parameters },
		{ typeVersion: 1.1, credentials: { mavibotTriggerApi: { token: TOKEN } } },
	);
}

/** The clean event the trigger outputs for a fixture (a fresh message ID each time). */
async function eventFor(name, parameters) {
	const body = payload(name, nextId++);
	const call = await callTrigger(await trigger(parameters), { body, query: { token: TOKEN } });
	expect(call.answer).toEqual({ status: 200, body: { status: 'ok' } });
	return { body, item: call.items?.[0] };
}

beforeAll(async () => {
	await loadPackage();
});

afterAll(async () => {
	await shutdownN8n();
});

test('every shape has a fixture, and every fixture says what it shows and where it was seen', () => {
	for (const [shape, name] of Object.entries(SHAPES)) {
		expect(fixtures[name]).toBeDefined();
		expect(fixtures[name].shapes).toContain(shape);
	}
	for (const [name, fixture] of Object.entries(fixtures)) {
		expect(Object.values(SHAPES)).toContain(name);
		expect(fixture.source).toEqual(expect.any(String));
		expect(fixture.payload).toEqual(expect.any(Object));
	}
});

test('each fixture runs the workflow, raw or not', async () => {
	for (const name of Object.keys(fixtures)) {
		const { body, item } = await eventFor(name);
		expect(item).toBeDefined();
		expect(item.raw).toEqual(body);
		const { item: lean } = await eventFor(name, { options: { includeRaw: false } });
		expect(lean.raw).toBeUndefined();
	}
});

test('the amoCRM bridge payload: an ID over 2^31, no client_type, the variables and internal_id in the clean event', async () => {
	const { body, item } = await eventFor('amocrmBridge');
	expect(body.id).toBeGreaterThan(2 ** 31);
	expect(item.messageId).toBe(body.id);
	expect(item.messengerMessageId).toBe('123456789');
	expect(item.client).toMatchObject({
		id: 836058546,
		platformId: '6253651200',
		messenger: null,
		messengerTypeId: null,
		bot: 'ElAuthBot',
		// Keys and values untouched, nulls and Cyrillic included.
		variables: fixtures.amocrmBridge.payload.client.variables,
	});
	expect(item.client.variables.utm_source).toBe('telegram_ads');
	expect(item.client.variables.tg_username).toBe('@ivan_sm');
	expect(item.client).not.toHaveProperty('customAnswer');
	expect(item.client).not.toHaveProperty('operatorStartDialog');
	expect(item.attachments).toEqual([]);
	expect(item.attachmentDetails).toEqual([]);
	expect(item.otherFields).toEqual({});
	expect(item.client.otherFields).toEqual({});
});

test('internal_id null stays null; a number is written out as text', async () => {
	expect((await eventFor('internalIdNull')).item.messengerMessageId).toBeNull();
	const body = payload('internalIdNull', nextId++);
	body.internal_id = 4412;
	const call = await callTrigger(await trigger(), { body, query: { token: TOKEN } });
	expect(call.items[0].messengerMessageId).toBe('4412');
});

test('custom_answer and operator_start_dialog come through as sent', async () => {
	const { item } = await eventFor('customAnswer');
	expect(item.client.customAnswer).toBe(fixtures.customAnswer.payload.client.custom_answer);
	expect(item.client.operatorStartDialog).toBe('2025-03-14 10:02:11');
});

test('a null message is an empty text; its attachment is kept', async () => {
	const { item } = await eventFor('nullMessage');
	expect(item.text).toBe('');
	expect(item.isSystemNotification).toBe(false);
	expect(item.attachments).toHaveLength(1);
});

test('an operator message (is_input 0, message_id null) and a bot-funnel message (block ID)', async () => {
	const operator = (await eventFor('operatorMessage')).item;
	expect(operator).toMatchObject({
		direction: 'outgoing',
		blockId: null,
		messengerMessageId: '4412',
	});
	const funnel = (await eventFor('botFunnelMessage')).item;
	expect(funnel).toMatchObject({ direction: 'outgoing', blockId: 39012 });
	// The default direction (From Client) leaves both out.
	const body = payload('operatorMessage', nextId++);
	const call = await callTrigger(
		await buildTriggerWorkflow(
			{},
			{ typeVersion: 1.1, credentials: { mavibotTriggerApi: { token: TOKEN } } },
		),
		{ body, query: { token: TOKEN } },
	);
	expect(call.runs).toBe(false);
});

test('attachments stay a list of URLs; attachmentDetails adds name and type where Mavibot gave them', async () => {
	const urls = (await eventFor('attachmentsUrlList')).item;
	expect(urls.attachments).toEqual(fixtures.attachmentsUrlList.payload.attachments);
	expect(urls.attachmentDetails).toEqual(
		urls.attachments.map((url) => ({ url, name: null, type: null })),
	);

	const objects = (await eventFor('attachmentsObjects')).item;
	expect(objects.attachments).toEqual([
		'https://files.salebot.pro/uploads/message_attachments/424757/contract.pdf',
		'https://files.salebot.pro/uploads/message_attachments/424757/voice.ogg',
	]);
	expect(objects.attachmentDetails).toEqual([
		{ url: objects.attachments[0], name: 'contract.pdf', type: 'document' },
		{ url: objects.attachments[1], name: 'voice.ogg', type: 'audio' },
	]);

	const history = (await eventFor('attachmentsAttachmentUrl')).item;
	expect(history.attachmentDetails).toEqual([
		{
			url: 'https://files.salebot.pro/uploads/message_attachments/424757/scan.jpg',
			name: null,
			type: 'image',
		},
	]);

	const none = (await eventFor('attachmentsNull')).item;
	expect([none.attachments, none.attachmentDetails]).toEqual([[], []]);

	const python = (await eventFor('attachmentsPythonString')).item;
	expect(python.attachments).toEqual([
		'https://files.salebot.pro/uploads/message_attachments/424757/c.jpg',
		'https://files.salebot.pro/uploads/message_attachments/424757/d.jpg',
	]);
	expect(python.attachmentDetails.map((detail) => detail.url)).toEqual(python.attachments);
});

test('client.created_at keeps its value; unix seconds and text with an offset get an ISO twin, text without one does not', async () => {
	const text = (await eventFor('createdAtText')).item.client;
	expect(text).toMatchObject({ createdAt: '2024-10-16 13:15:59', createdAtIso: null });
	const offset = (await eventFor('createdAtTextWithOffset')).item.client;
	expect(offset).toMatchObject({
		createdAt: '2024-10-16T13:15:59+03:00',
		createdAtIso: '2024-10-16T10:15:59.000Z',
	});
	const unix = (await eventFor('createdAtUnixSeconds')).item.client;
	expect(unix).toMatchObject({ createdAt: '1729073759', createdAtIso: '2024-10-16T10:15:59.000Z' });
});

test('service events are system notifications: the filter excludes them or keeps only them', async () => {
	for (const name of ['serviceEventNewChatMember', 'serviceEventLeftChatMember']) {
		expect((await eventFor(name)).item.isSystemNotification).toBe(true);
		const excluded = await callTrigger(
			await trigger({ filters: { systemNotifications: 'exclude' } }),
			{ body: payload(name, nextId++), query: { token: TOKEN } },
		);
		expect(excluded.runs).toBe(false);
	}
	const only = await callTrigger(await trigger({ filters: { systemNotifications: 'only' } }), {
		body: payload('amocrmBridge', nextId++),
		query: { token: TOKEN },
	});
	expect(only.runs).toBe(false);
});

test('a top-level field the docs do not list lands under otherFields, as sent', async () => {
	const { item } = await eventFor('unknownTopLevelField');
	expect(item.otherFields).toEqual({
		channel_info: { kind: 'group', title: 'Buyers' },
		reply_to: 22563045580,
	});
	const body = payload('createdAtText', nextId++);
	body.client.language = 'ru';
	const call = await callTrigger(await trigger(), { body, query: { token: TOKEN } });
	expect(call.items[0].client.otherFields).toEqual({ language: 'ru' });
});
