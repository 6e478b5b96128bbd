/**
 * Message resource: Send (message), Send to WhatsApp Number (whatsapp_message) and Broadcast (broadcast), run through
 * n8n's engine against the sandbox. Send and Wait for Response has its own file.
 */
const { runWorkflow } = require('./harness/n8n');
const { mavibotWorkflow } = require('./harness/workflows');
const { useSandbox, KEYS, SEED } = require('./harness/sandbox');

const { ann, boris, carol, elena, hanna } = SEED.clients;
const NEW_CLIENT = SEED.firstRuntimeClientId;
const TG_BOT = SEED.bots.telegram.group_id;

const env = useSandbox();

// One item at a time, so that the order of the recorded requests is the order of the items.
const run = (parameters, options = {}) =>
	runWorkflow(
		mavibotWorkflow(
			{ resource: 'message', requestOptions: { maxParallelRequests: 1 }, ...parameters },
			options,
		),
		{ credentials: env.credentials(options.key) },
	);
const locator = (value, mode = 'list') => ({ __rl: true, mode, value });
const requests = (action) =>
	env.sandbox.requestsFor(action).map(({ method, body }) => ({ method, body }));
const deliveredTo = () => env.sandbox.deliveries.map((delivery) => delivery.clientId);

describe('Message → Send', () => {
	// With the node's default Max Parallel Requests, unlike the other tests of this file.
	const run = (parameters, options = {}) =>
		runWorkflow(mavibotWorkflow(parameters, options), {
			credentials: env.credentials(options.key),
		});

	test('sends text to each client and outputs one item per input item', async () => {
		const result = await run(
			{
				resource: 'message',
				operation: 'send',
				clientId: '={{ $json.id }}',
				text: '=Hello {{ $json.name }}',
			},
			{
				items: [
					{ id: ann, name: 'Ann' },
					{ id: boris, name: 'Boris' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		const sent = env.sandbox.requestsFor('message');
		expect(sent.map(({ method, body, key }) => ({ method, body, key }))).toEqual([
			{ method: 'POST', body: { client_id: ann, message: 'Hello Ann' }, key: KEYS.full },
			{ method: 'POST', body: { client_id: boris, message: 'Hello Boris' }, key: KEYS.full },
		]);
		expect(result.output('Mavibot')).toEqual([
			expect.objectContaining({ status: 'success', client_id: ann }),
			expect.objectContaining({ status: 'success', client_id: boris }),
		]);
		expect(result.items('Mavibot').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
	});

	test('sends an attachment, a bot block, buttons and a schedule', async () => {
		await run({
			resource: 'message',
			operation: 'send',
			clientId: String(ann),
			text: 'Your invoice',
			additionalFields: {
				attachmentUrl: 'https://example.com/a.pdf',
				attachmentType: 'file',
				botBlock: { __rl: true, mode: 'list', value: String(SEED.blocks.paidOk) },
				buttons: {
					button: [
						{ text: 'Pay', type: 'url', url: 'https://example.com/pay', line: 0, indexInLine: 0 },
						{ text: 'Later', type: 'inline', line: 0, indexInLine: 1, oneTime: false },
					],
				},
				buttonsHint: 'Reply 1 to pay',
				sendAt: '2026-12-01T06:30:00Z',
				timeZone: 'Europe/Moscow',
			},
		});
		expect(env.sandbox.requestsFor('message')[0].body).toEqual({
			client_id: ann,
			message: 'Your invoice',
			message_id: SEED.blocks.paidOk,
			attachment_url: 'https://example.com/a.pdf',
			attachment_type: 'file',
			buttons: {
				hint: 'Reply 1 to pay',
				buttons: [
					{
						text: 'Pay',
						type: 'inline',
						url: 'https://example.com/pay',
						line: 0,
						index_in_line: 0,
					},
					{ text: 'Later', type: 'inline', line: 0, index_in_line: 1 },
				],
			},
			send_time: '2026-12-01 09:30:00',
		});
	});

	test('a delay is sent as time_shift next to send_time (Mavibot lets the delay win)', async () => {
		await run({
			resource: 'message',
			operation: 'send',
			clientId: String(ann),
			text: 'Soon',
			additionalFields: { sendAt: '2026-12-01 09:30:00', delaySeconds: 90 },
		});
		expect(env.sandbox.requestsFor('message')[0].body).toMatchObject({
			send_time: '2026-12-01 09:30:00',
			time_shift: 90,
		});
	});

	test('an attachment URL without a type is refused before sending, naming the field and the item', async () => {
		const result = await run(
			{
				resource: 'message',
				operation: 'send',
				clientId: '={{ $json.id }}',
				text: 'x',
				additionalFields: { attachmentUrl: '={{ $json.url }}' },
			},
			{ items: [{ id: ann }, { id: boris, url: 'https://example.com/a.png' }] },
		);
		expect(result.error.message).toBe(
			'"Attachment Type" is missing while "Attachment URL" is set [item 1]',
		);
		expect(result.error.description).toMatch(/Choose the attachment type/);
		// The run stopped at item 1: item 0 went out once, item 1 never.
		expect(env.sandbox.requestsFor('message').map((request) => request.body.client_id)).toEqual([
			ann,
		]);
	});

	test('an invalid Send At names the field', async () => {
		const result = await run({
			resource: 'message',
			operation: 'send',
			clientId: String(ann),
			text: 'x',
			additionalFields: { sendAt: 'next tuesday' },
		});
		expect(result.error.message).toBe(
			'"Send At" is "next tuesday", which is not a date and time [item 0]',
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('with Continue On Fail, bad items become error items and the others are sent once', async () => {
		const result = await run(
			{
				resource: 'message',
				operation: 'send',
				clientId: '={{ $json.id }}',
				text: '={{ $json.text }}',
			},
			{
				items: [
					{ id: ann, text: 'one' },
					{ id: boris, text: '' },
					{ id: 999999, text: 'three' },
					{ id: boris, text: 'four' },
				],
				extra: { onError: 'continueRegularOutput' },
			},
		);
		expect(result.error).toBeUndefined();
		const output = result.output('Mavibot');
		expect(output).toHaveLength(4);
		expect(output[0]).toMatchObject({ status: 'success', client_id: ann });
		expect(output[1].error).toBe(
			'"Text" is empty and there is no attachment or bot block to send [item 1]',
		);
		expect(output[2].error).toBe('Mavibot "message" failed: client_not_found [item 2]');
		expect(output[3]).toMatchObject({ status: 'success', client_id: boris });
		expect(result.items('Mavibot').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(env.sandbox.requestsFor('message').map((request) => request.body.message)).toEqual([
			'one',
			'three',
			'four',
		]);
	});
});

describe('Message → Send to WhatsApp Number (whatsapp_message)', () => {
	test('sends text, an attachment, a bot block and a delay through the picked channel', async () => {
		const result = await run({
			operation: 'sendToWhatsApp',
			phone: '+7 (999) 123-45-67',
			whatsAppChannel: locator(String(SEED.bots.whatsapp.id)),
			text: 'Your invoice',
			additionalFields: {
				attachmentUrl: 'https://example.com/a.pdf',
				attachmentType: 'file',
				botBlock: locator(String(SEED.blocks.priceList)),
				delaySeconds: 120,
			},
		});
		expect(result.error).toBeUndefined();
		expect(requests('whatsapp_message')).toEqual([
			{
				method: 'POST',
				body: {
					phone: '79991234567',
					whatsapp_bot_id: 34810,
					message: 'Your invoice',
					message_id: SEED.blocks.priceList,
					attachment_url: 'https://example.com/a.pdf',
					attachment_type: 'file',
					time_shift: 120,
				},
			},
		]);
		expect(result.output('Mavibot')).toEqual([
			{ status: 'success', client_id: boris, phone: '79991234567' },
		]);
		expect(env.sandbox.deliveries).toEqual([
			expect.objectContaining({
				action: 'whatsapp_message',
				clientId: boris,
				text: 'Your invoice',
				timeShift: 120,
			}),
		]);
	});

	test('without a channel the request has no whatsapp_bot_id; a new number gets a new client', async () => {
		const result = await run({ operation: 'sendToWhatsApp', phone: '79161112233', text: 'Hello' });
		expect(requests('whatsapp_message')).toEqual([
			{ method: 'POST', body: { phone: '79161112233', message: 'Hello' } },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ status: 'success', client_id: NEW_CLIENT, phone: '79161112233' },
		]);
	});

	test('a bad phone or nothing to send is refused per item; Continue On Fail sends the good ones once', async () => {
		const result = await run(
			{
				operation: 'sendToWhatsApp',
				phone: '={{ $json.phone }}',
				text: '={{ $json.text }}',
				additionalFields: { attachmentUrl: '={{ $json.url }}' },
			},
			{
				items: [
					{ phone: '79991234567', text: 'one' },
					{ phone: 'call me', text: 'two' },
					{ phone: '', text: 'three' },
					{ phone: '79991234567', text: '' },
					{ phone: '79991234567', text: 'x', url: 'https://example.com/a.png' },
					{ phone: '79609879898', text: 'six' },
				],
				extra: { onError: 'continueRegularOutput' },
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Mavibot').map((item) => item.error ?? item.status)).toEqual([
			'success',
			'"Phone" is "call me", which is not a phone number [item 1]',
			'"Phone" is empty [item 2]',
			'"Text" is empty and there is no attachment or bot block to send [item 3]',
			'"Attachment Type" is missing while "Attachment URL" is set [item 4]',
			'success',
		]);
		expect(requests('whatsapp_message').map((request) => request.body)).toEqual([
			{ phone: '79991234567', message: 'one' },
			{ phone: '79609879898', message: 'six' },
		]);
	});
});

describe('Message → Broadcast (broadcast)', () => {
	test('to a client list, with a pause between messages and Send At', async () => {
		const result = await run({
			operation: 'broadcast',
			sendTo: 'list',
			listId: String(SEED.lists.hotLeads),
			text: 'The sale starts today',
			additionalFields: { shift: 1.5, sendAt: '2026-12-01 09:30:00' },
		});
		expect(result.error).toBeUndefined();
		expect(requests('broadcast')).toEqual([
			{
				method: 'POST',
				body: {
					list: SEED.lists.hotLeads,
					message: 'The sale starts today',
					shift: 1.5,
					send_time: '2026-12-01 09:30:00',
				},
			},
		]);
		expect(result.output('Mavibot')).toEqual([
			{ status: 'success', sent: 3, audience: 'list', list: SEED.lists.hotLeads },
		]);
		expect(deliveredTo()).toEqual([ann, boris, hanna]);
		expect(env.sandbox.deliveries[0]).toMatchObject({ broadcast: true, shift: 1.5 });
	});

	test('to client IDs (any form, duplicates dropped), with buttons and a bot block; no pause means the API default', async () => {
		const result = await run(
			{
				operation: 'broadcast',
				sendTo: 'clients',
				clientIds: '={{ $json.ids }}',
				text: 'Pick one',
				additionalFields: {
					botBlock: locator(String(SEED.blocks.webinar)),
					buttons: {
						button: [
							{ text: 'Yes', type: 'reply' },
							{ text: 'No', type: 'reply', line: 1 },
						],
					},
					buttonsHint: 'Reply Yes or No',
				},
			},
			{ items: [{ ids: [ann, `${carol}`, ann, [elena]] }] },
		);
		expect(result.error).toBeUndefined();
		expect(requests('broadcast')).toEqual([
			{
				method: 'POST',
				body: {
					clients: [ann, carol, elena],
					message: 'Pick one',
					message_id: SEED.blocks.webinar,
					buttons: {
						hint: 'Reply Yes or No',
						buttons: [
							{ text: 'Yes', type: 'reply', line: 0, index_in_line: 0 },
							{ text: 'No', type: 'reply', line: 1, index_in_line: 0 },
						],
					},
				},
			},
		]);
		expect(result.output('Mavibot')).toEqual([
			{ status: 'success', sent: 3, audience: 'clients', audienceSize: 3 },
		]);
		expect(env.sandbox.deliveries[0]).toMatchObject({ shift: 0.2 });
	});

	test('to platform IDs of one bot, numbers and strings kept as given', async () => {
		const result = await run(
			{
				operation: 'broadcast',
				sendTo: 'platformIds',
				platformIds: '={{ $json.ids }}',
				bot: locator(TG_BOT),
				text: 'Webinar in 10 minutes',
			},
			{ items: [{ ids: [146467928, '5566778899', 'nobody-here'] }] },
		);
		expect(requests('broadcast')).toEqual([
			{
				method: 'POST',
				body: {
					platform_ids: [146467928, '5566778899', 'nobody-here'],
					group_id: TG_BOT,
					message: 'Webinar in 10 minutes',
				},
			},
		]);
		expect(result.output('Mavibot')).toEqual([
			{
				status: 'success',
				sent: 2,
				not_found: ['nobody-here'],
				audience: 'platformIds',
				audienceSize: 3,
				group_id: TG_BOT,
			},
		]);
		expect(deliveredTo()).toEqual([ann, hanna]);
	});

	test.each([
		['an empty list ID', { sendTo: 'list', listId: '={{ "" }}' }, '"List ID" is empty [item 0]'],
		[
			'a list name instead of its ID',
			{ sendTo: 'list', listId: 'Hot leads' },
			'"List ID" is "Hot leads", which is not a list ID [item 0]',
		],
		[
			'no client IDs',
			{ sendTo: 'clients', clientIds: '={{ [] }}' },
			'"Client IDs" is empty [item 0]',
		],
		[
			'a client ID that is not a number',
			{ sendTo: 'clients', clientIds: '1001, ann' },
			'"Client IDs" contains "ann", which is not a numeric ID [item 0]',
		],
		[
			'no platform IDs',
			{ sendTo: 'platformIds', platformIds: '={{ "" }}', bot: locator(TG_BOT) },
			'"Platform IDs" is empty [item 0]',
		],
		[
			'platform IDs without a bot',
			{ sendTo: 'platformIds', platformIds: '146467928', bot: locator('={{ "" }}') },
			'"Bot" is empty [item 0]',
		],
		[
			'no content',
			{ sendTo: 'clients', clientIds: '1001', text: '' },
			'"Text" is empty and there is no attachment or bot block to send [item 0]',
		],
		[
			'a negative pause',
			{ sendTo: 'clients', clientIds: '1001', additionalFields: { shift: '={{ -1 }}' } },
			'"Seconds Between Messages" is "-1" [item 0]',
		],
	])('%s is refused before sending', async (_name, parameters, message) => {
		const result = await run({ operation: 'broadcast', text: 'Hi', ...parameters });
		expect(result.error.message).toBe(message);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('an unknown list is an API error; with Continue On Fail the next item still goes out', async () => {
		const result = await run(
			{ operation: 'broadcast', sendTo: 'list', listId: '={{ $json.list }}', text: 'Hi' },
			{
				items: [{ list: 999 }, { list: SEED.lists.newsletter }],
				extra: { onError: 'continueRegularOutput' },
			},
		);
		expect(result.output('Mavibot')).toEqual([
			expect.objectContaining({ error: 'Mavibot "broadcast" failed: List 999 not found [item 0]' }),
			{ status: 'success', sent: 2, audience: 'list', list: SEED.lists.newsletter },
		]);
		expect(requests('broadcast').map((request) => request.body.list)).toEqual([
			999,
			SEED.lists.newsletter,
		]);
	});
});
