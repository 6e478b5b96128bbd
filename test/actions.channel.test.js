/**
 * Channel resource: connected channels, WhatsApp number checks and bot blocks, run through n8n's engine against
 * the sandbox. Seed: telegram 23, whatsapp 34810 (running), vkontakte 33, viber 14, email 41; avito/ok/facebook empty;
 * blocks 390–394; 79995550000 is not on WhatsApp.
 */
const { runWorkflow } = require('./harness/n8n');
const { mavibotWorkflow } = require('./harness/workflows');
const { useSandbox, SEED } = require('./harness/sandbox');

const env = useSandbox();

const run = (parameters, options = {}) =>
	runWorkflow(mavibotWorkflow({ resource: 'channel', ...parameters }, options), {
		credentials: env.credentials(options.key),
	});

const sent = (action) =>
	env.sandbox.requestsFor(action).map(({ method, query, body }) => ({ method, query, body }));

const TELEGRAM = {
	messenger: 'telegram',
	id: 23,
	short_name: 'mavi_test_bot',
	name: 'Mavi Test Bot',
	enabled: true,
	group_id: 'mavi_test_bot',
};
const WHATSAPP = {
	messenger: 'whatsapp',
	id: 34810,
	name: 'Sales WhatsApp',
	phone: '79990000000',
	status: 1,
	group_id: SEED.bots.whatsapp.group_id,
};
const VK = { messenger: 'vkontakte', id: 33, group: '143414131', group_id: '143414131' };
const VIBER = {
	messenger: 'viber',
	id: 14,
	uri: 'mavishop',
	name: 'Mavi Shop Viber',
	enabled: true,
	group_id: 11,
};
const EMAIL = {
	messenger: 'email',
	id: 41,
	email: 'bot@shop.example',
	group_id: 'bot@shop.example',
};

describe('Channel → Get Many', () => {
	test('one item per connected channel, named by messenger', async () => {
		const result = await run({ operation: 'getMany' });
		expect(result.error).toBeUndefined();
		expect(sent('connected_channels')).toEqual([{ method: 'GET', query: {}, body: undefined }]);
		expect(result.output('Mavibot')).toEqual([TELEGRAM, WHATSAPP, VK, VIBER, EMAIL]);
		expect(result.items('Mavibot').every((item) => item.pairedItem.item === 0)).toBe(true);
	});

	test('filters by messenger', async () => {
		const result = await run({ operation: 'getMany', messengers: ['whatsapp', 'email'] });
		expect(result.output('Mavibot')).toEqual([WHATSAPP, EMAIL]);
	});

	test('a messenger without channels outputs nothing; "vkontakte" also matches a host that answers "vk"', async () => {
		const empty = await run({ operation: 'getMany', messengers: ['avito', 'facebook'] });
		expect(empty.output('Mavibot')).toEqual([]);

		const channels = env.sandbox.state.channels;
		channels.vk = channels.vkontakte;
		delete channels.vkontakte;
		const vk = await run({ operation: 'getMany', messengers: ['vkontakte'] });
		expect(vk.output('Mavibot')).toEqual([{ ...VK, messenger: 'vk' }]);
	});

	test('an expression may give a messenger key that is not in the list', async () => {
		env.sandbox.state.channels.instagram = [{ id: 77, name: 'shop.insta', group_id: 'shop.insta' }];
		const result = await run({ operation: 'getMany', messengers: '={{ ["instagram"] }}' });
		expect(result.output('Mavibot')).toEqual([
			{ messenger: 'instagram', id: 77, name: 'shop.insta', group_id: 'shop.insta' },
		]);
	});
});

describe('Channel → Check WhatsApp', () => {
	test('outputs the answer for each number', async () => {
		const result = await run(
			{ operation: 'checkWhatsApp', phone: '={{ $json.phone }}' },
			{ items: [{ phone: '+7 (999) 123-45-67' }, { phone: '79995550000' }] },
		);
		expect(result.error).toBeUndefined();
		expect(sent('check_whatsapp')).toEqual([
			{ method: 'GET', query: { phone: '+7 (999) 123-45-67' }, body: undefined },
			{ method: 'GET', query: { phone: '79995550000' }, body: undefined },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ status: 'success', phone: '79991234567', exists: true },
			{ status: 'success', phone: '79995550000', exists: false },
		]);
	});

	test('keeps the phone as given when the answer has none', async () => {
		env.sandbox.misbehave({
			action: 'check_whatsapp',
			kind: 'status',
			status: 200,
			body: { status: 'success', exists: true },
		});
		const result = await run({ operation: 'checkWhatsApp', phone: '8 999 123 45 67' });
		expect(result.output('Mavibot')).toEqual([
			{ phone: '8 999 123 45 67', status: 'success', exists: true },
		]);
	});

	test('refuses a value that is not a phone number before sending; Continue On Fail goes on', async () => {
		const result = await run(
			{ operation: 'checkWhatsApp', phone: '={{ $json.phone }}' },
			{
				items: [{ phone: 'ask Boris' }, { phone: '' }, { phone: '123' }, { phone: '79991234567' }],
				extra: { onError: 'continueRegularOutput' },
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Mavibot')).toEqual([
			expect.objectContaining({
				error: '"Phone" is "ask Boris", which is not a phone number [item 0]',
			}),
			expect.objectContaining({ error: '"Phone" is empty [item 1]' }),
			expect.objectContaining({ error: '"Phone" is "123", which is not a phone number [item 2]' }),
			{ status: 'success', phone: '79991234567', exists: true },
		]);
		expect(sent('check_whatsapp').map((request) => request.query.phone)).toEqual(['79991234567']);
	});

	test('without a running WhatsApp channel the API reason is shown', async () => {
		env.sandbox.state.channels.whatsapp[0].status = 3;
		const result = await run({ operation: 'checkWhatsApp', phone: '79991234567' });
		expect(result.error.message).toBe(
			'Mavibot "check_whatsapp" failed: No connected WhatsApp channel [item 0]',
		);
	});
});

describe('Channel → Get Bot Blocks', () => {
	const blocks = () => structuredClone(env.sandbox.state.blocks);

	test('Return All outputs every block as Mavibot gives it', async () => {
		const result = await run({ operation: 'getBotBlocks', returnAll: true });
		expect(sent('get_messages')).toEqual([{ method: 'GET', query: {}, body: undefined }]);
		expect(result.output('Mavibot')).toEqual(blocks());
		expect(result.output('Mavibot').map((block) => block.id)).toEqual(Object.values(SEED.blocks));
	});

	test('Limit keeps the first blocks (50 by default)', async () => {
		const two = await run({ operation: 'getBotBlocks', limit: 2 });
		expect(two.output('Mavibot')).toEqual(blocks().slice(0, 2));
		const byDefault = await run({ operation: 'getBotBlocks' });
		expect(byDefault.output('Mavibot')).toHaveLength(5);
	});

	test('Search matches the condition or the description, ignoring case, before the limit', async () => {
		const byDescription = await run({
			operation: 'getBotBlocks',
			returnAll: true,
			search: 'PRICE',
		});
		expect(byDescription.output('Mavibot').map((block) => block.id)).toEqual([
			SEED.blocks.priceList,
		]);
		const byCondition = await run({
			operation: 'getBotBlocks',
			returnAll: true,
			search: 'webinar_st',
		});
		expect(byCondition.output('Mavibot').map((block) => block.id)).toEqual([SEED.blocks.webinar]);
		// "w" matches blocks 392 and 393 only: the limit applies to the matches, not to the first blocks.
		const matches = await run({ operation: 'getBotBlocks', returnAll: true, search: 'w' });
		expect(matches.output('Mavibot').map((block) => block.id)).toEqual([
			SEED.blocks.webinar,
			SEED.blocks.lead,
		]);
		const limited = await run({ operation: 'getBotBlocks', limit: 1, search: 'w' });
		expect(limited.output('Mavibot').map((block) => block.id)).toEqual([SEED.blocks.webinar]);
		const none = await run({ operation: 'getBotBlocks', returnAll: true, search: 'no such block' });
		expect(none.output('Mavibot')).toEqual([]);
		// The answer text is not searched.
		const answerOnly = await run({
			operation: 'getBotBlocks',
			returnAll: true,
			search: 'attached',
		});
		expect(answerOnly.output('Mavibot')).toEqual([]);
	});

	test('a limit below 1 is refused before sending', async () => {
		const result = await run({ operation: 'getBotBlocks', limit: '={{ 0 }}' });
		expect(result.error.message).toBe(
			'"Limit" is "0", which is not a whole number of 1 or more [item 0]',
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});
});
