/**
 * Callback resource: the seven callback actions run through n8n's engine against the sandbox. Each test checks the
 * exact request Mavibot gets and the output items; validation errors name the field and the item and send nothing.
 */
const { runWorkflow } = require('./harness/n8n');
const { mavibotWorkflow } = require('./harness/workflows');
const { useSandbox, SEED } = require('./harness/sandbox');

const { ann, boris, carol, dmitry, elena, farid } = SEED.clients;
const NEW_CLIENT = SEED.firstRuntimeClientId;
const TG_BOT = SEED.bots.telegram.group_id;

const env = useSandbox();

// One item at a time, so that the order of the recorded requests is the order of the items.
const run = (parameters, options = {}) =>
	runWorkflow(
		mavibotWorkflow(
			{ resource: 'callback', requestOptions: { maxParallelRequests: 1 }, ...parameters },
			options,
		),
		{ credentials: env.credentials(options.key) },
	);
const locator = (value, mode = 'list') => ({ __rl: true, mode, value });
const requests = (action) =>
	env.sandbox.requestsFor(action).map(({ method, body }) => ({ method, body }));
const historyTexts = (clientId) => env.sandbox.state.history.get(clientId).map((item) => item.text);

describe('Callback → Send (callback)', () => {
	test('by client ID, with variables to save, Resume Bot and a delay', async () => {
		const result = await run({
			operation: 'send',
			clientId: String(farid),
			callbackText: ' paid_ok ',
			additionalFields: {
				resumeBot: true,
				delaySeconds: 60,
				variablesToSave: {
					variable: [
						{ name: 'order_sum', value: '1500' },
						{ name: ' plan ', value: 'starter' },
					],
				},
			},
		});
		expect(result.error).toBeUndefined();
		expect(requests('callback')).toEqual([
			{
				method: 'POST',
				body: {
					client_id: farid,
					message: 'paid_ok',
					resume_bot: true,
					time_shift: 60,
					order_sum: '1500',
					plan: 'starter',
				},
			},
		]);
		expect(result.output('Mavibot')).toEqual([
			{
				status: 'success',
				client_id: farid,
				callback_text: 'paid_ok',
				variables: { order_sum: '1500', plan: 'starter' },
			},
		]);
		// Mavibot saved the variables, un-paused the bot, and the bot answered the callback.
		const client = env.sandbox.state.clients.get(farid);
		expect(client.variables).toMatchObject({ order_sum: '1500', plan: 'starter' });
		expect(client.bot_paused).toBe(false);
		expect(historyTexts(farid).slice(-2)).toEqual([
			'paid_ok',
			'Thank you, your payment was received.',
		]);
	});

	test('by phone (sent as typed) and by e-mail, with Send At in the project time zone', async () => {
		const schedule = { sendAt: '2026-12-01T06:30:00Z', timeZone: 'Europe/Moscow' };
		const byPhone = await run({
			operation: 'send',
			identifyClientBy: 'phone',
			clientPhone: '+7 (999) 123-45-67',
			callbackText: 'webinar_started',
			additionalFields: schedule,
		});
		const byEmail = await run({
			operation: 'send',
			identifyClientBy: 'email',
			clientEmail: 'carol@example.com',
			callbackText: 'webinar_started',
			additionalFields: schedule,
		});
		expect(requests('callback')).toEqual([
			{
				method: 'POST',
				body: {
					client_phone: '+7 (999) 123-45-67',
					message: 'webinar_started',
					send_time: '2026-12-01 09:30:00',
				},
			},
			{
				method: 'POST',
				body: {
					client_email: 'carol@example.com',
					message: 'webinar_started',
					send_time: '2026-12-01 09:30:00',
				},
			},
		]);
		expect(byPhone.output('Mavibot')).toEqual([
			{
				status: 'success',
				client_id: boris,
				client_phone: '+7 (999) 123-45-67',
				callback_text: 'webinar_started',
			},
		]);
		expect(byEmail.output('Mavibot')).toEqual([
			{
				status: 'success',
				client_id: carol,
				client_email: 'carol@example.com',
				callback_text: 'webinar_started',
			},
		]);
	});

	test('validation errors name the field and the item; with Continue On Fail the good items are sent once', async () => {
		const result = await run(
			{
				operation: 'send',
				clientId: '={{ $json.id }}',
				callbackText: '={{ $json.text }}',
				additionalFields: {
					variablesToSave: {
						variable: [{ name: '={{ $json.varName }}', value: '={{ $json.varValue }}' }],
					},
				},
			},
			{
				items: [
					{ id: ann, text: 'paid_ok', varName: 'coupon', varValue: 'SPRING' },
					{ id: ann, text: '  ', varName: 'coupon', varValue: 'x' },
					{ id: ann, text: 'paid_ok', varName: 'message', varValue: 'x' },
					{ id: ann, text: 'paid_ok', varName: 'value_client_id', varValue: 'x' },
					{ id: ann, text: 'paid_ok', varName: '', varValue: 'x' },
					{ id: '', text: 'paid_ok', varName: 'a', varValue: 'b' },
					{ id: 424242, text: 'paid_ok', varName: 'a', varValue: 'b' },
				],
				extra: { onError: 'continueRegularOutput' },
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Mavibot').map((item) => item.error ?? item.status)).toEqual([
			'success',
			'"Callback Text" is empty [item 1]',
			'"Variables to Save" has a variable named "message", which is a parameter of "callback" [item 2]',
			'"Variables to Save" has a variable named "value_client_id", which is a parameter of "callback" [item 3]',
			'"Variables to Save" has a variable 1 without a name [item 4]',
			'"Client ID" is empty [item 5]',
			'Mavibot "callback" failed: client_not_found [item 6]',
		]);
		expect(result.output('Mavibot')[2].description).toMatch(/Rename the variable/);
		expect(result.items('Mavibot').map((item) => item.pairedItem.item)).toEqual([
			0, 1, 2, 3, 4, 5, 6,
		]);
		expect(requests('callback').map((request) => request.body)).toEqual([
			{ client_id: ann, message: 'paid_ok', coupon: 'SPRING' },
			{ client_id: 424242, message: 'paid_ok', a: 'b' },
		]);
	});

	test('an invalid phone or e-mail is refused before sending', async () => {
		const phone = await run({
			operation: 'send',
			identifyClientBy: 'phone',
			clientPhone: 'call me',
			callbackText: 'x',
		});
		expect(phone.error.message).toBe(
			'"Client Phone" is "call me", which is not a phone number [item 0]',
		);
		const email = await run({
			operation: 'send',
			identifyClientBy: 'email',
			clientEmail: 'carol.example.com',
			callbackText: 'x',
		});
		expect(email.error.message).toBe(
			'"Client E-Mail" is "carol.example.com", which is not an e-mail address [item 0]',
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('a repeated variable name stops the run before anything is sent', async () => {
		const result = await run({
			operation: 'send',
			clientId: String(ann),
			callbackText: 'paid_ok',
			additionalFields: {
				variablesToSave: {
					variable: [
						{ name: 'city', value: 'Riga' },
						{ name: 'city', value: 'Oslo' },
					],
				},
			},
		});
		expect(result.error.message).toBe('"Variables to Save" has the variable "city" twice [item 0]');
		expect(env.sandbox.requests).toHaveLength(0);
	});
});

describe('Callback → Send by Telegram ID (tg_callback)', () => {
	test('with the bot picked and without it', async () => {
		const result = await run(
			{
				operation: 'sendByTelegramId',
				userId: '={{ $json.user }}',
				bot: locator('={{ $json.bot }}', 'id'),
				callbackText: '/start',
				additionalFields: { variablesToSave: { variable: [{ name: 'utm_source', value: 'ads' }] } },
			},
			{
				items: [
					{ user: '146467928', bot: TG_BOT },
					{ user: 407184121, bot: '' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(requests('tg_callback')).toEqual([
			{
				method: 'POST',
				body: { user_id: 146467928, group_id: TG_BOT, message: '/start', utm_source: 'ads' },
			},
			{ method: 'POST', body: { user_id: 407184121, message: '/start', utm_source: 'ads' } },
		]);
		expect(result.output('Mavibot')).toEqual([
			{
				status: 'success',
				client_id: ann,
				user_id: 146467928,
				group_id: TG_BOT,
				callback_text: '/start',
				variables: { utm_source: 'ads' },
			},
			{
				status: 'success',
				client_id: elena,
				user_id: 407184121,
				callback_text: '/start',
				variables: { utm_source: 'ads' },
			},
		]);
	});

	test('the user ID and the text are required; group_id may not be a variable name', async () => {
		const base = { operation: 'sendByTelegramId', userId: '146467928', callbackText: '/start' };
		expect((await run({ ...base, userId: '={{ " " }}' })).error.message).toBe(
			'"Telegram User ID" is empty [item 0]',
		);
		expect((await run({ ...base, callbackText: '={{ "" }}' })).error.message).toBe(
			'"Callback Text" is empty [item 0]',
		);
		const reserved = await run({
			...base,
			additionalFields: {
				variablesToSave: { variable: [{ name: 'group_id', value: 'other_bot' }] },
			},
		});
		expect(reserved.error.message).toBe(
			'"Variables to Save" has a variable named "group_id", which is a parameter of "tg_callback" [item 0]',
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});
});

describe('Callback → Send by WhatsApp Phone (whatsapp_callback)', () => {
	test('normalises the phone, sends the channel ID as a number, the name and the text', async () => {
		const result = await run({
			operation: 'sendByWhatsAppPhone',
			phone: '+7 (999) 123-45-67',
			whatsAppChannel: locator(String(SEED.bots.whatsapp.id)),
			callbackText: 'lead_from_site',
			additionalFields: {
				clientName: ' Boris ',
				variablesToSave: { variable: [{ name: 'form', value: 'pricing' }] },
			},
		});
		expect(result.error).toBeUndefined();
		expect(requests('whatsapp_callback')).toEqual([
			{
				method: 'POST',
				body: {
					phone: '79991234567',
					bot_id: 34810,
					name: 'Boris',
					message: 'lead_from_site',
					form: 'pricing',
				},
			},
		]);
		expect(result.output('Mavibot')).toEqual([
			{
				status: 'success',
				client_id: boris,
				phone: '79991234567',
				bot_id: 34810,
				callback_text: 'lead_from_site',
				variables: { form: 'pricing' },
			},
		]);
	});

	test('without a text and a channel: the new client is only created', async () => {
		const result = await run({
			operation: 'sendByWhatsAppPhone',
			phone: '79161112233',
			additionalFields: { clientName: 'Zoe' },
		});
		expect(requests('whatsapp_callback')).toEqual([
			{ method: 'POST', body: { phone: '79161112233', name: 'Zoe' } },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ status: 'success', client_id: NEW_CLIENT, phone: '79161112233' },
		]);
		expect(env.sandbox.state.clients.get(NEW_CLIENT)).toMatchObject({
			client_type: 6,
			name: 'Zoe',
		});
	});

	test('a phone with letters or too few digits is refused', async () => {
		const letters = await run({
			operation: 'sendByWhatsAppPhone',
			phone: '7999-CALL-NOW',
			callbackText: 'x',
		});
		expect(letters.error.message).toBe(
			'"Phone" is "7999-CALL-NOW", which is not a phone number [item 0]',
		);
		const short = await run({
			operation: 'sendByWhatsAppPhone',
			phone: '12345',
			callbackText: 'x',
		});
		expect(short.error.message).toBe('"Phone" is "12345", which is not a phone number [item 0]');
		const reserved = await run({
			operation: 'sendByWhatsAppPhone',
			phone: '79991234567',
			additionalFields: { variablesToSave: { variable: [{ name: 'bot_id', value: '1' }] } },
		});
		expect(reserved.error.message).toMatch(
			/variable named "bot_id", which is a parameter of "whatsapp_callback"/,
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});
});

describe('Callback → Send by E-Mail (email_callback)', () => {
	test('creates the client of a new address and starts the e-mail bot', async () => {
		const result = await run({
			operation: 'sendByEmail',
			email: ' new.lead@example.com ',
			emailBot: locator(SEED.bots.email.group_id),
			callbackText: 'lead_from_site',
			additionalFields: { clientName: 'Nora', resumeBot: false, delaySeconds: 0 },
		});
		expect(result.error).toBeUndefined();
		expect(requests('email_callback')).toEqual([
			{
				method: 'POST',
				body: {
					email: 'new.lead@example.com',
					email_id_bot: 'bot@shop.example',
					name: 'Nora',
					message: 'lead_from_site',
				},
			},
		]);
		expect(result.output('Mavibot')).toEqual([
			{
				status: 'success',
				client_id: NEW_CLIENT,
				email: 'new.lead@example.com',
				email_id_bot: 'bot@shop.example',
				callback_text: 'lead_from_site',
			},
		]);
		expect(env.sandbox.state.clients.get(NEW_CLIENT)).toMatchObject({
			client_type: 14,
			name: 'Nora',
		});
	});

	test('the e-mail bot is required and the address is checked', async () => {
		const noBot = await run({
			operation: 'sendByEmail',
			email: 'a@example.com',
			emailBot: locator('={{ "" }}'),
			callbackText: 'x',
		});
		expect(noBot.error.message).toBe('"E-Mail Bot" is empty [item 0]');
		const badEmail = await run({
			operation: 'sendByEmail',
			email: 'ann at example.com',
			emailBot: locator('bot@shop.example'),
		});
		expect(badEmail.error.message).toBe(
			'"E-Mail" is "ann at example.com", which is not an e-mail address [item 0]',
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});
});

describe('Callback → Send by VK ID (vk_callback)', () => {
	test('sends the VK user and community', async () => {
		const result = await run({
			operation: 'sendByVkId',
			userId: '52734169',
			vkGroup: locator(SEED.bots.vkontakte.group_id),
			callbackText: '/start',
			additionalFields: { sendAt: '2026-12-01 09:30:00' },
		});
		expect(requests('vk_callback')).toEqual([
			{
				method: 'POST',
				body: {
					user_id: 52734169,
					group_id: '143414131',
					message: '/start',
					send_time: '2026-12-01 09:30:00',
				},
			},
		]);
		expect(result.output('Mavibot')).toEqual([
			{
				status: 'success',
				client_id: dmitry,
				user_id: 52734169,
				group_id: '143414131',
				callback_text: '/start',
			},
		]);
	});

	test('the community is required; an unknown VK user is an API error', async () => {
		const noGroup = await run({
			operation: 'sendByVkId',
			userId: '52734169',
			vkGroup: locator('={{ "" }}', 'id'),
			callbackText: 'x',
		});
		expect(noGroup.error.message).toBe('"VK Community" is empty [item 0]');
		expect(env.sandbox.requests).toHaveLength(0);
		const unknown = await run({
			operation: 'sendByVkId',
			userId: '1',
			vkGroup: locator('143414131', 'id'),
			callbackText: 'x',
		});
		expect(unknown.error.message).toBe('Mavibot "vk_callback" failed: client_not_found [item 0]');
	});
});

describe('Callback → Send by OK ID (ok_callback)', () => {
	test('sends the OK user, group, name and text', async () => {
		const result = await run({
			operation: 'sendByOkId',
			userId: '575384911234',
			okGroup: locator('70000001234567', 'id'),
			callbackText: '/start',
			additionalFields: {
				clientName: 'Olga',
				variablesToSave: { variable: [{ name: 'source', value: 'ok_ads' }] },
			},
		});
		expect(requests('ok_callback')).toEqual([
			{
				method: 'POST',
				body: {
					user_id: 575384911234,
					group_id: '70000001234567',
					name: 'Olga',
					message: '/start',
					source: 'ok_ads',
				},
			},
		]);
		expect(result.output('Mavibot')).toEqual([
			{
				status: 'success',
				client_id: NEW_CLIENT,
				user_id: 575384911234,
				group_id: '70000001234567',
				callback_text: '/start',
				variables: { source: 'ok_ads' },
			},
		]);
	});

	test('name is a parameter of ok_callback, not a variable', async () => {
		const result = await run({
			operation: 'sendByOkId',
			userId: '575384911234',
			okGroup: locator('70000001234567', 'id'),
			additionalFields: { variablesToSave: { variable: [{ name: 'name', value: 'Olga' }] } },
		});
		expect(result.error.message).toBe(
			'"Variables to Save" has a variable named "name", which is a parameter of "ok_callback" [item 0]',
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});
});

describe('Callback → Send to Many (send_callback_by_platform_id)', () => {
	// Fake messenger IDs that match no client, numbers and strings mixed.
	const fakeIds = (count) =>
		Array.from({ length: count }, (_, i) => (i % 2 ? `9100${i}` : 9200000 + i));
	const many = (ids, extra = {}) =>
		run(
			{
				operation: 'sendToMany',
				platformIds: '={{ $json.ids }}',
				bot: locator(TG_BOT),
				callbackText: 'webinar_started',
				...extra,
			},
			{ items: [{ ids }] },
		);

	test('301 IDs go out as 2 requests (300 + 1), in order, with one output item', async () => {
		const ids = [146467928, ...fakeIds(299), '407184121'];
		const result = await many(ids, { additionalFields: { delaySeconds: 30 } });
		expect(result.error).toBeUndefined();
		const sent = requests('send_callback_by_platform_id');
		expect(sent).toHaveLength(2);
		expect(sent[0]).toEqual({
			method: 'POST',
			body: {
				platform_ids: ids.slice(0, 300),
				group_id: TG_BOT,
				callback_text: 'webinar_started',
				time_shift: 30,
			},
		});
		expect(sent[1].body).toEqual({
			platform_ids: ['407184121'],
			group_id: TG_BOT,
			callback_text: 'webinar_started',
			time_shift: 30,
		});
		// Ann matched in the first request, Elena in the second.
		expect(result.output('Mavibot')).toEqual([
			{ status: 'success', platformIds: 301, requests: 2, sent: 2 },
		]);
		expect(result.items('Mavibot')[0].pairedItem).toEqual({ item: 0 });
		expect(historyTexts(ann).at(-2)).toBe('webinar_started');
		expect(historyTexts(elena).at(-2)).toBe('webinar_started');
	});

	test('exactly 300 IDs are one request', async () => {
		const result = await many(fakeIds(300));
		expect(requests('send_callback_by_platform_id')).toHaveLength(1);
		expect(requests('send_callback_by_platform_id')[0].body.platform_ids).toHaveLength(300);
		expect(result.output('Mavibot')).toEqual([
			{ status: 'success', platformIds: 300, requests: 1, sent: 0 },
		]);
	});

	test('text with commas and new lines gives strings; duplicates are sent once', async () => {
		const result = await run({
			operation: 'sendToMany',
			platformIds: '146467928\n5566778899, chat-x\n146467928',
			bot: locator(TG_BOT, 'id'),
			callbackText: '/start',
		});
		expect(requests('send_callback_by_platform_id')).toEqual([
			{
				method: 'POST',
				body: {
					platform_ids: ['146467928', '5566778899', 'chat-x'],
					group_id: TG_BOT,
					callback_text: '/start',
				},
			},
		]);
		expect(result.output('Mavibot')).toEqual([
			{ status: 'success', platformIds: 3, requests: 1, sent: 2 },
		]);
	});

	test('without a bot the callback goes to the clients of every bot with these IDs (group_id is optional)', async () => {
		// 146467928 is Ann's Telegram ID and Igor's VK ID.
		const result = await many(['146467928'], { bot: locator('') });
		expect(result.error).toBeUndefined();
		expect(requests('send_callback_by_platform_id')).toEqual([
			{ method: 'POST', body: { platform_ids: ['146467928'], callback_text: 'webinar_started' } },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ status: 'success', platformIds: 1, requests: 1, sent: 2 },
		]);
	});

	test('no IDs, no text or an object in the list are refused before sending', async () => {
		expect((await many([])).error.message).toBe('"Platform IDs" is empty [item 0]');
		expect((await many(' , \n')).error.message).toBe('"Platform IDs" is empty [item 0]');
		expect((await many([1], { callbackText: '={{ "" }}' })).error.message).toBe(
			'"Callback Text" is empty [item 0]',
		);
		expect((await many([1, { id: 2 }])).error.message).toBe(
			'"Platform IDs" contains {"id":2}, which is not a messenger ID [item 0]',
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('a failure after the first request says how many IDs were already handled', async () => {
		// The first request is answered normally, the second fails.
		env.sandbox.misbehave({ action: 'send_callback_by_platform_id', kind: 'delay', ms: 0 });
		env.sandbox.misbehave({
			action: 'send_callback_by_platform_id',
			kind: 'status',
			status: 500,
			body: { status: 'fail', message: 'Something went wrong' },
		});
		const ids = fakeIds(650);
		const result = await many(ids);
		expect(result.error.message).toBe(
			'Mavibot "send_callback_by_platform_id" failed: Something went wrong; 300 of 650 platform IDs were already handled by 1 earlier request [item 0]',
		);
		expect(result.error.description).toMatch(
			new RegExp(
				`^Do not send the first 300 platform IDs again: .* remaining 350 IDs only, starting with ID 301 \\("${ids[300]}"\\)`,
			),
		);
		// The third chunk was never sent.
		expect(requests('send_callback_by_platform_id')).toHaveLength(2);
	});

	test('a failure of the first request is reported as it is', async () => {
		env.sandbox.misbehave({
			action: 'send_callback_by_platform_id',
			kind: 'status',
			status: 500,
			body: { status: 'fail', message: 'Something went wrong' },
		});
		const result = await many(fakeIds(10));
		expect(result.error.message).toBe(
			'Mavibot "send_callback_by_platform_id" failed: Something went wrong [item 0]',
		);
	});

	test('without a count in the answer, "sent" is left out; Continue On Fail keeps the other items', async () => {
		env.sandbox.misbehave({
			action: 'send_callback_by_platform_id',
			kind: 'status',
			status: 200,
			body: { status: 'success' },
		});
		const result = await run(
			{
				operation: 'sendToMany',
				platformIds: '={{ $json.ids }}',
				bot: locator(TG_BOT),
				callbackText: 'x',
			},
			{
				items: [{ ids: '1, 2' }, { ids: '' }, { ids: [3] }],
				extra: { onError: 'continueRegularOutput' },
			},
		);
		expect(result.output('Mavibot')).toEqual([
			{ status: 'success', platformIds: 2, requests: 1 },
			expect.objectContaining({ error: '"Platform IDs" is empty [item 1]' }),
			{ status: 'success', platformIds: 1, requests: 1, sent: 0 },
		]);
		expect(
			requests('send_callback_by_platform_id').map((request) => request.body.platform_ids),
		).toEqual([['1', '2'], [3]]);
	});
});
