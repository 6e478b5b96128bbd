/**
 * Client Search: every lookup through n8n's engine against the sandbox. Single lookups output one item with
 * `found`, multi lookups one item per client (and nothing when none match); the exact query string / body on the wire.
 */
const { runWorkflow } = require('./harness/n8n');
const { mavibotWorkflow } = require('./harness/workflows');
const { useSandbox, KEYS, SEED } = require('./harness/sandbox');

const C = SEED.clients;
const WA_GROUP = SEED.bots.whatsapp.group_id;
const TG_GROUP = SEED.bots.telegram.group_id;
const VK_GROUP = SEED.bots.vkontakte.group_id;

const env = useSandbox();

/** Runs Start → Mavibot (Client Search). One request at a time, so the order of requests is the order of items. */
const run = (parameters, options = {}) =>
	runWorkflow(
		mavibotWorkflow(
			{ resource: 'clientSearch', requestOptions: { maxParallelRequests: 1 }, ...parameters },
			options,
		),
		{ credentials: env.credentials(options.key) },
	);

/** What went over the wire for an action: method, query string and body of each request. */
const wire = (action) =>
	env.sandbox.requestsFor(action).map(({ method, query, body }) => ({ method, query, body }));

const byId = (mode, value) => ({ __rl: true, mode, value });

describe('Client Search → Find by Phone (find_client_id_by_phone)', () => {
	test('finds WhatsApp clients and phone variables; an unknown number is found: false', async () => {
		const result = await run(
			{ operation: 'findByPhone', phone: '={{ $json.phone }}' },
			{ items: [{ phone: '79991234567' }, { phone: ' 79995556677 ' }, { phone: '70000000000' }] },
		);
		expect(result.error).toBeUndefined();
		expect(wire('find_client_id_by_phone')).toEqual([
			{ method: 'GET', query: { phone: '79991234567' }, body: undefined },
			{ method: 'GET', query: { phone: '79995556677' }, body: undefined },
			{ method: 'GET', query: { phone: '70000000000' }, body: undefined },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ found: true, client_id: C.boris, phone: '79991234567' },
			{ found: true, client_id: C.elena, phone: '79995556677' },
			{ found: false, client_id: null, phone: '70000000000' },
		]);
		expect(result.items('Mavibot').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	test('an empty or digit-less phone is refused before sending', async () => {
		const empty = await run({ operation: 'findByPhone', phone: '={{ $json.missing }}' });
		expect(empty.error.message).toBe('"Phone" is empty [item 0]');
		expect(empty.error.description).toMatch(/country code/);
		const letters = await run(
			{ operation: 'findByPhone', phone: '={{ $json.p }}' },
			{ items: [{ p: '79991234567' }, { p: 'call me' }] },
		);
		expect(letters.error.message).toBe(
			'"Phone" is "call me", which is not a phone number [item 1]',
		);
		expect(wire('find_client_id_by_phone')).toEqual([
			{ method: 'GET', query: { phone: '79991234567' }, body: undefined },
		]);
	});

	test('other failures are errors, not "not found"; with Continue On Fail they become error items', async () => {
		env.sandbox.misbehave({
			action: 'find_client_id_by_phone',
			kind: 'status',
			status: 500,
			body: { status: 'error', message: 'Internal failure' },
		});
		const result = await run(
			{ operation: 'findByPhone', phone: '={{ $json.phone }}' },
			{
				items: [{ phone: '79991234567' }, { phone: '79609879898' }],
				extra: { onError: 'continueRegularOutput' },
			},
		);
		expect(result.error).toBeUndefined();
		const output = result.output('Mavibot');
		expect(output[0].error).toBe(
			'Mavibot "find_client_id_by_phone" failed: Internal failure [item 0]',
		);
		expect(output[1]).toEqual({ found: true, client_id: C.farid, phone: '79609879898' });
	});
});

describe('Client Search → Find by Email (find_client_id_by_email)', () => {
	test('found and not found', async () => {
		const result = await run(
			{ operation: 'findByEmail', email: '={{ $json.email }}' },
			{ items: [{ email: 'carol@example.com' }, { email: 'nobody@example.com' }] },
		);
		expect(wire('find_client_id_by_email')).toEqual([
			{ method: 'GET', query: { email: 'carol@example.com' }, body: undefined },
			{ method: 'GET', query: { email: 'nobody@example.com' }, body: undefined },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ found: true, client_id: C.carol, email: 'carol@example.com' },
			{ found: false, client_id: null, email: 'nobody@example.com' },
		]);
	});

	test('a text without @ is refused', async () => {
		const result = await run({ operation: 'findByEmail', email: 'carol' });
		expect(result.error.message).toBe(
			'"Email" is "carol", which is not an e-mail address [item 0]',
		);
		expect(env.sandbox.requests).toHaveLength(0);
	});
});

describe('Client Search → Find by WhatsApp Phone (whatsapp_client_id)', () => {
	test('finds the WhatsApp client, optionally within one WhatsApp bot (its group_id)', async () => {
		const result = await run(
			{
				operation: 'findByWhatsAppPhone',
				phone: '={{ $json.phone }}',
				bot: byId('id', '={{ $json.bot }}'),
			},
			{
				items: [
					{ phone: '79991234567', bot: '' },
					{ phone: '79609879898', bot: WA_GROUP },
					{ phone: '79609879898', bot: TG_GROUP },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(wire('whatsapp_client_id')).toEqual([
			{ method: 'GET', query: { phone: '79991234567' }, body: undefined },
			{ method: 'GET', query: { phone: '79609879898', group_id: WA_GROUP }, body: undefined },
			{ method: 'GET', query: { phone: '79609879898', group_id: TG_GROUP }, body: undefined },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ found: true, client_id: C.boris, phone: '79991234567' },
			{ found: true, client_id: C.farid, phone: '79609879898', group_id: WA_GROUP },
			{ found: false, client_id: null, phone: '79609879898', group_id: TG_GROUP },
		]);
	});

	test('the bot picked from the list is sent as group_id', async () => {
		const result = await run({
			operation: 'findByWhatsAppPhone',
			phone: '79991234567',
			bot: byId('list', WA_GROUP),
		});
		expect(wire('whatsapp_client_id')[0].query).toEqual({
			phone: '79991234567',
			group_id: WA_GROUP,
		});
		expect(result.output('Mavibot')).toEqual([
			{ found: true, client_id: C.boris, phone: '79991234567', group_id: WA_GROUP },
		]);
	});

	test('Mavibot answers HTTP 404 for an unknown number: found is false, not an error', async () => {
		// Elena's phone is only a variable: whatsapp_client_id looks at WhatsApp clients only.
		const result = await run({ operation: 'findByWhatsAppPhone', phone: '79995556677' });
		expect(env.sandbox.requestsFor('whatsapp_client_id').map((r) => r.status)).toEqual([404]);
		expect(result.error).toBeUndefined();
		expect(result.output('Mavibot')).toEqual([
			{ found: false, client_id: null, phone: '79995556677' },
		]);
	});

	test('an HTML 404 page (wrong base URL) is an error, not "not found"', async () => {
		env.sandbox.misbehave({ action: 'whatsapp_client_id', kind: 'html', status: 404 });
		const result = await run({ operation: 'findByWhatsAppPhone', phone: '79991234567' });
		expect(result.error.message).toBe(
			'Mavibot "whatsapp_client_id" failed: answered HTTP 404 with an HTML page instead of JSON [item 0]',
		);
	});
});

describe('Client Search → Find by Variable (find_client_id_by_var)', () => {
	test('searches client variables, deal variables, and one bot', async () => {
		const result = await run(
			{
				operation: 'findByVariable',
				variable: '={{ $json.var }}',
				value: '={{ $json.val }}',
				searchIn: '={{ $json.in }}',
				bot: byId('id', '={{ $json.bot }}'),
			},
			{
				items: [
					{ var: 'city', val: 'Novosibirsk', in: 'client', bot: '' },
					{ var: 'product', val: 'pro', in: 'order', bot: '' },
					{ var: 'city', val: 'Moscow', in: 'client', bot: VK_GROUP },
					{ var: 'city', val: 'Paris', in: 'client', bot: '' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(wire('find_client_id_by_var')).toEqual([
			{ method: 'GET', query: { var: 'city', val: 'Novosibirsk' }, body: undefined },
			{ method: 'GET', query: { var: 'product', val: 'pro', search_in: 'order' }, body: undefined },
			{ method: 'GET', query: { var: 'city', val: 'Moscow', group_id: VK_GROUP }, body: undefined },
			{ method: 'GET', query: { var: 'city', val: 'Paris' }, body: undefined },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ found: true, client_id: C.igor, var: 'city', val: 'Novosibirsk' },
			{ found: true, client_id: C.boris, var: 'product', val: 'pro', search_in: 'order' },
			{ found: true, client_id: C.dmitry, var: 'city', val: 'Moscow', group_id: VK_GROUP },
			{ found: false, client_id: null, var: 'city', val: 'Paris' },
		]);
	});

	test('an empty variable name or value is refused before sending', async () => {
		const noName = await run({ operation: 'findByVariable', variable: ' ', value: 'x' });
		expect(noName.error.message).toBe('"Variable" is empty [item 0]');
		const noValue = await run({
			operation: 'findByVariable',
			variable: 'city',
			value: '={{ $json.missing }}',
		});
		expect(noValue.error.message).toBe('"Value" is empty [item 0]');
		expect(noValue.error.description).toMatch(/use the Search operation/);
		expect(env.sandbox.requests).toHaveLength(0);
	});
});

describe('Client Search → Find Latest by Variable (find_latest_client_id_by_var)', () => {
	test('the most recently created match, in client or deal variables; none is found: false', async () => {
		const result = await run(
			{
				operation: 'findLatestByVariable',
				variable: '={{ $json.var }}',
				value: '={{ $json.val }}',
			},
			{
				items: [
					{ var: 'city', val: 'Kazan' },
					{ var: 'product', val: 'starter' },
					{ var: 'city', val: 'Paris' },
				],
			},
		);
		expect(wire('find_latest_client_id_by_var')).toEqual([
			{ method: 'GET', query: { var: 'city', val: 'Kazan' }, body: undefined },
			{ method: 'GET', query: { var: 'product', val: 'starter' }, body: undefined },
			{ method: 'GET', query: { var: 'city', val: 'Paris' }, body: undefined },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ found: true, client_id: C.farid, var: 'city', val: 'Kazan' },
			{ found: true, client_id: C.ann, var: 'product', val: 'starter' },
			{ found: false, client_id: null, var: 'city', val: 'Paris' },
		]);
	});
});

describe('Client Search → Find All by Variable (find_all_client_id_by_var)', () => {
	test('one item per client, paired with its input item; no match gives no item', async () => {
		const result = await run(
			{ operation: 'findAllByVariable', variable: 'city', value: '={{ $json.city }}' },
			{ items: [{ city: 'Moscow' }, { city: 'Paris' }, { city: 'Minsk' }] },
		);
		expect(wire('find_all_client_id_by_var')).toEqual([
			{ method: 'GET', query: { var: 'city', val: 'Moscow' }, body: undefined },
			{ method: 'GET', query: { var: 'city', val: 'Paris' }, body: undefined },
			{ method: 'GET', query: { var: 'city', val: 'Minsk' }, body: undefined },
		]);
		expect(result.output('Mavibot')).toEqual([
			{ client_id: C.ann },
			{ client_id: C.dmitry },
			{ client_id: C.kirill },
		]);
		expect(result.items('Mavibot').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 2 },
		]);
	});

	test('no match at all: no output, or one empty item with "Always Output Data"', async () => {
		const none = await run({ operation: 'findAllByVariable', variable: 'city', value: 'Paris' });
		expect(none.error).toBeUndefined();
		expect(none.output('Mavibot')).toEqual([]);
		const always = await run(
			{ operation: 'findAllByVariable', variable: 'city', value: 'Paris' },
			{ extra: { alwaysOutputData: true } },
		);
		expect(always.output('Mavibot')).toEqual([{}]);
	});

	test('a "client_not_found" answer is treated as no match', async () => {
		env.sandbox.misbehave({
			action: 'find_all_client_id_by_var',
			kind: 'status',
			status: 200,
			body: { status: 'client_not_found' },
		});
		const result = await run({ operation: 'findAllByVariable', variable: 'city', value: 'Moscow' });
		expect(result.error).toBeUndefined();
		expect(result.output('Mavibot')).toEqual([]);
	});
});

describe('Client Search → Find All by Variables (find_all_client_id_by_several_vars)', () => {
	test('the name/value pairs are the query string itself', async () => {
		const result = await run({
			operation: 'findAllByVariables',
			variables: {
				variable: [
					{ name: 'city', value: 'Kazan' },
					{ name: ' source ', value: 'site' },
				],
			},
		});
		expect(wire('find_all_client_id_by_several_vars')).toEqual([
			{ method: 'GET', query: { city: 'Kazan', source: 'site' }, body: undefined },
		]);
		expect(result.output('Mavibot')).toEqual([{ client_id: C.boris }]);
	});

	test('more than the three pairs the docs show are sent as given', async () => {
		const result = await run({
			operation: 'findAllByVariables',
			variables: {
				variable: [
					{ name: 'city', value: 'Moscow' },
					{ name: 'source', value: 'telegram_ads' },
					{ name: 'quiz_score', value: '7' },
					{ name: 'tg_username', value: '@ann_p' },
				],
			},
		});
		expect(wire('find_all_client_id_by_several_vars')[0].query).toEqual({
			city: 'Moscow',
			source: 'telegram_ads',
			quiz_score: '7',
			tg_username: '@ann_p',
		});
		expect(result.output('Mavibot')).toEqual([{ client_id: C.ann }]);
	});

	test('as JSON; no match gives no item', async () => {
		const result = await run(
			{
				operation: 'findAllByVariables',
				variablesInput: 'json',
				variablesJson: '={{ $json.vars }}',
			},
			{ items: [{ vars: { city: 'Moscow' } }, { vars: { city: 'Moscow', quiz_score: 9 } }] },
		);
		expect(wire('find_all_client_id_by_several_vars').map((r) => r.query)).toEqual([
			{ city: 'Moscow' },
			{ city: 'Moscow', quiz_score: '9' },
		]);
		expect(result.output('Mavibot')).toEqual([{ client_id: C.ann }, { client_id: C.dmitry }]);
		expect(result.items('Mavibot').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
		]);
	});

	test.each([
		[{ variables: {} }, '"Variables" is empty [item 0]'],
		[
			{ variables: { variable: [{ name: '', value: 'x' }] } },
			'"Variables" has a variable 1 without a name [item 0]',
		],
		[
			{ variables: { variable: [{ name: 'city', value: '' }] } },
			'"Variables" has no value for "city" [item 0]',
		],
		[
			{
				variables: {
					variable: [
						{ name: 'city', value: 'Kazan' },
						{ name: 'city', value: 'Moscow' },
					],
				},
			},
			'"Variables" has the variable "city" twice [item 0]',
		],
		[{ variablesInput: 'json', variablesJson: '{}' }, '"Variables (JSON)" is empty [item 0]'],
		[
			{ variablesInput: 'json', variablesJson: '["city"]' },
			'"Variables (JSON)" is not an object [item 0]',
		],
		[
			{ variablesInput: 'json', variablesJson: '{"city": ["Kazan"]}' },
			'"Variables (JSON)" has a list or an object as the value of "city" [item 0]',
		],
		[
			{ variablesInput: 'json', variablesJson: '{"city": "Kazan", "city": "Moscow"}' },
			'"Variables (JSON)" has the variable "city" twice [item 0]',
		],
	])('refuses %j before sending', async (parameters, message) => {
		const result = await run({ operation: 'findAllByVariables', ...parameters });
		expect(result.error.message).toBe(message);
		expect(env.sandbox.requests).toHaveLength(0);
	});
});

describe('Client Search → Search (find_clients)', () => {
	const search = (parameters, options) => run({ operation: 'search', ...parameters }, options);
	const conditions = (...rows) => ({
		condition: rows.map(([variable, operator, value]) => ({ variable, operator, value })),
	});

	test.each([
		[
			'Equals',
			conditions(['city', 'equals', 'Kazan']),
			'all',
			{ city: 'Kazan' },
			[C.boris, C.farid],
		],
		[
			'Is One Of (comma and new-line text)',
			conditions(['city', 'in', 'Kazan, Minsk\nLondon']),
			'all',
			{ city: { _in: ['Kazan', 'Minsk', 'London'] } },
			[C.boris, C.carol, C.farid, C.kirill],
		],
		[
			'Is One Of (array expression, values with commas)',
			conditions([
				'city',
				'in',
				'={{ ["Saint Petersburg", "Novosibirsk, Russia", "Novosibirsk"] }}',
			]),
			'all',
			{ city: { _in: ['Saint Petersburg', 'Novosibirsk, Russia', 'Novosibirsk'] } },
			[C.elena, C.igor],
		],
		[
			'Is Not One Of and Equals, all conditions',
			conditions(['city', 'notIn', 'Moscow, Kazan'], ['source', 'equals', 'site']),
			'all',
			{ city: { _not_in: ['Moscow', 'Kazan'] }, source: 'site' },
			[C.george],
		],
		[
			'Is Not and Equals, all conditions',
			conditions(['source', 'not', 'site'], ['city', 'equals', 'Kazan']),
			'all',
			{ source: { _not: 'site' }, city: 'Kazan' },
			[C.farid],
		],
		[
			'any condition',
			conditions(['city', 'equals', 'Minsk'], ['source', 'equals', 'newsletter']),
			'any',
			{ city: 'Minsk', source: 'newsletter' },
			[C.carol, C.kirill],
		],
		[
			'a number from an expression is sent as a number',
			conditions(['quiz_score', 'equals', '={{ 7 }}']),
			'all',
			{ quiz_score: 7 },
			[C.ann],
		],
	])('%s', async (_name, conds, match, q, ids) => {
		const result = await search({ conditions: conds, match });
		expect(result.error).toBeUndefined();
		expect(wire('find_clients')).toEqual([
			{ method: 'POST', query: {}, body: { q, include_all: match === 'all' } },
		]);
		expect(result.output('Mavibot')).toEqual(ids.map((id) => ({ client_id: id })));
	});

	test('in deal variables (search_in=order)', async () => {
		const result = await search({
			conditions: conditions(['product', 'in', 'pro, webinar']),
			searchIn: 'order',
		});
		expect(wire('find_clients')[0].body).toEqual({
			q: { product: { _in: ['pro', 'webinar'] } },
			search_in: 'order',
			include_all: true,
		});
		expect(result.output('Mavibot')).toEqual([{ client_id: C.boris }, { client_id: C.elena }]);
	});

	test('no match gives no item', async () => {
		const result = await search({ conditions: conditions(['city', 'equals', 'Paris']) });
		expect(result.error).toBeUndefined();
		expect(result.output('Mavibot')).toEqual([]);
	});

	test('JSON query, as text or from an expression, is sent as written', async () => {
		const result = await search(
			{ queryInput: 'json', queryJson: '={{ $json.q }}', match: 'any' },
			{
				items: [
					{ q: '{"city": {"_in": ["Moscow"]}, "source": "vk_ads"}' },
					{ q: { name: { _not_in: ['x'] }, city: 'Minsk' } },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(wire('find_clients').map((r) => r.body)).toEqual([
			{ q: { city: { _in: ['Moscow'] }, source: 'vk_ads' }, include_all: false },
			{ q: { name: { _not_in: ['x'] }, city: 'Minsk' }, include_all: false },
		]);
		const output = result.output('Mavibot');
		expect(output.slice(0, 2)).toEqual([{ client_id: C.ann }, { client_id: C.dmitry }]);
		expect(output.length).toBeGreaterThan(2);
	});

	test('Mavibot\'s {"status":"fail"} answer is an error with its message', async () => {
		// The docs: number comparison fails when a client holds text in that variable.
		const result = await search({ conditions: conditions(['city', 'equals', '={{ 5 }}']) });
		expect(wire('find_clients')[0].body).toEqual({ q: { city: 5 }, include_all: true });
		expect(result.error.message).toBe(
			'Mavibot "find_clients" failed: Something went wrong [item 0]',
		);
	});

	describe('several conditions on one variable', () => {
		test('Equals and Is One Of merge into one _in list with Match: Any Condition', async () => {
			const result = await search({
				conditions: conditions(
					['city', 'equals', 'Kazan'],
					['city', 'in', 'Minsk, Kazan'],
					['source', 'equals', 'newsletter'],
				),
				match: 'any',
			});
			expect(wire('find_clients')[0].body).toEqual({
				q: { city: { _in: ['Kazan', 'Minsk'] }, source: 'newsletter' },
				include_all: false,
			});
			expect(result.output('Mavibot')).toEqual(
				[C.boris, C.carol, C.farid, C.kirill].map((id) => ({ client_id: id })),
			);
		});

		test('Is Not and Is Not One Of merge into one _not_in list with Match: All Conditions', async () => {
			const result = await search({
				conditions: conditions(
					['city', 'not', 'Moscow'],
					['city', 'notIn', 'Kazan\nMinsk'],
					['source', 'equals', 'site'],
				),
			});
			expect(wire('find_clients')[0].body).toEqual({
				q: { city: { _not_in: ['Moscow', 'Kazan', 'Minsk'] }, source: 'site' },
				include_all: true,
			});
			expect(result.output('Mavibot')).toEqual([{ client_id: C.george }]);
		});

		test.each([
			[
				'two Equals with Match: All Conditions',
				[
					['city', 'equals', 'Kazan'],
					['source', 'equals', 'x'],
					['city', 'equals', 'Moscow'],
				],
				'all',
				'conditions 1 and 3',
			],
			[
				'Is Not One Of twice with Match: Any Condition',
				[
					['city', 'notIn', 'Kazan'],
					['city', 'notIn', 'Moscow'],
				],
				'any',
				'conditions 1 and 2',
			],
			[
				'Equals and Is Not',
				[
					['city', 'equals', 'Kazan'],
					['city', 'not', 'Moscow'],
					['city', 'in', 'Minsk'],
				],
				'any',
				'conditions 1, 2 and 3',
			],
		])('%s is refused before sending', async (_name, rows, match, which) => {
			const result = await search({ conditions: conditions(...rows), match });
			expect(result.error.message).toBe(
				`"Conditions" has ${rows.filter((r) => r[0] === 'city').length} conditions on the variable "city" (${which}) [item 0]`,
			);
			expect(result.error.description).toMatch(/holds each variable once/);
			expect(env.sandbox.requests).toHaveLength(0);
		});
	});

	test.each([
		[{ conditions: {} }, '"Conditions" is empty [item 0]'],
		[
			{ conditions: conditions(['', 'equals', 'x']) },
			'"Conditions" has a condition 1 without a variable [item 0]',
		],
		[
			{ conditions: conditions(['city', 'in', ' , \n']) },
			'"Conditions" has no values in condition 1 (Is One Of) [item 0]',
		],
		[
			{ conditions: conditions(['city', 'equals', 'Kazan'], ['quiz_score', '={{ "_gt" }}', '5']) },
			'"Conditions" has the unknown operator "_gt" in condition 2 [item 0]',
		],
		[
			{ conditions: conditions(['city', 'equals', '={{ ["Kazan", "Minsk"] }}']) },
			'"Conditions" has a list or an object as the value of condition 1 (Equals) [item 0]',
		],
		[
			{ queryInput: 'json', queryJson: '{"city": ' },
			/^"Query \(JSON\)" is not valid JSON \(.+\) \[item 0\]$/,
		],
		[
			{ queryInput: 'json', queryJson: '[{"city": "Kazan"}]' },
			'"Query (JSON)" is not an object [item 0]',
		],
		[{ queryInput: 'json', queryJson: '{}' }, '"Query (JSON)" has no conditions [item 0]'],
		[{ queryInput: 'json', queryJson: '' }, '"Query (JSON)" is empty [item 0]'],
		[
			{ queryInput: 'json', queryJson: '{"result": "ok", "var": "home", "var": "60"}' },
			'"Query (JSON)" has the key "var" twice in one object [item 0]',
		],
	])('refuses %j before sending', async (parameters, message) => {
		const result = await search(parameters);
		if (message instanceof RegExp) expect(result.error.message).toMatch(message);
		else expect(result.error.message).toBe(message);
		expect(env.sandbox.requests).toHaveLength(0);
	});

	test('with Continue On Fail a bad item becomes an error item and the others are searched', async () => {
		const result = await search(
			{
				conditions: {
					condition: [
						{ variable: 'city', operator: '={{ $json.op }}', value: '={{ $json.value }}' },
					],
				},
			},
			{
				items: [
					{ op: 'equals', value: 'Minsk' },
					{ op: 'in', value: '' },
					{ op: 'equals', value: 'Paris' },
					{ op: 'equals', value: 'Novosibirsk' },
				],
				extra: { onError: 'continueRegularOutput' },
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Mavibot')).toEqual([
			{ client_id: C.kirill },
			{
				error: '"Conditions" has no values in condition 1 (Is One Of) [item 1]',
				description: expect.any(String),
			},
			{ client_id: C.igor },
		]);
		expect(result.items('Mavibot').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 3 },
		]);
		expect(wire('find_clients').map((r) => r.body.q)).toEqual([
			{ city: 'Minsk' },
			{ city: 'Paris' },
			{ city: 'Novosibirsk' },
		]);
	});
});

describe('Client Search → Find by Messenger IDs (find_client_id_by_platform_id)', () => {
	test('one item per client object, with client_id added; IDs are sent as text', async () => {
		const result = await run({
			operation: 'findByPlatformIds',
			platformIds: '146467928, 5566778899\n999999',
			bot: byId('list', TG_GROUP),
		});
		expect(wire('find_client_id_by_platform_id')).toEqual([
			{
				method: 'POST',
				query: {},
				body: { platform_ids: ['146467928', '5566778899', '999999'], group_id: TG_GROUP },
			},
		]);
		const output = result.output('Mavibot');
		expect(output).toHaveLength(2);
		expect(output[0]).toEqual({
			client_id: C.ann,
			id: C.ann,
			tag: 'spring_promo',
			created_at: expect.any(Number),
			name: 'Ann Petrova',
			avatar: 'https://cdn.example.com/avatars/ann.jpg',
			platform_id: '146467928',
			group: TG_GROUP,
			variables: { tg_username: '@ann_p', city: 'Moscow', quiz_score: '7', source: 'telegram_ads' },
		});
		expect(output[1]).toMatchObject({
			client_id: C.hanna,
			id: C.hanna,
			name: 'Hanna Müller',
			platform_id: '5566778899',
		});
	});

	test('the same messenger ID in another bot is another client; an array expression is sent as text', async () => {
		const result = await run({
			operation: 'findByPlatformIds',
			platformIds: '={{ [146467928, "146467928"] }}',
			bot: byId('id', VK_GROUP),
		});
		expect(wire('find_client_id_by_platform_id')[0].body).toEqual({
			platform_ids: ['146467928'],
			group_id: VK_GROUP,
		});
		expect(result.output('Mavibot')).toEqual([
			expect.objectContaining({ client_id: C.igor, name: 'Igor Volkov' }),
		]);
	});

	test('no match gives no item', async () => {
		const result = await run({
			operation: 'findByPlatformIds',
			platformIds: '123',
			bot: byId('id', TG_GROUP),
		});
		expect(result.error).toBeUndefined();
		expect(wire('find_client_id_by_platform_id')).toHaveLength(1);
		expect(result.output('Mavibot')).toEqual([]);
	});

	test('messenger IDs and the bot are required', async () => {
		const noIds = await run({
			operation: 'findByPlatformIds',
			platformIds: '={{ " , " }}',
			bot: byId('id', TG_GROUP),
		});
		expect(noIds.error.message).toBe('"Messenger IDs" is empty [item 0]');
		const noBot = await run({
			operation: 'findByPlatformIds',
			platformIds: '146467928',
			bot: byId('id', '={{ $json.missing }}'),
		});
		expect(noBot.error.message).toBe('"Bot" is empty [item 0]');
		expect(env.sandbox.requests).toHaveLength(0);
	});
});

describe('Client Search → Find by Website Chat (online_chat_client_id)', () => {
	test('finds the website-chat client; tag and name are sent along', async () => {
		const result = await run(
			{
				operation: 'findByOnlineChat',
				recipient: 'chat-7f3a9c',
				additionalFields: { tag: '={{ $json.tag }}', name: '={{ $json.name }}' },
			},
			{ items: [{}, { tag: 'pricing_page', name: 'Visitor' }] },
		);
		expect(result.error).toBeUndefined();
		expect(wire('online_chat_client_id')).toEqual([
			{ method: 'GET', query: { recipient: 'chat-7f3a9c' }, body: undefined },
			{
				method: 'GET',
				query: { recipient: 'chat-7f3a9c', tag: 'pricing_page', name: 'Visitor' },
				body: undefined,
			},
		]);
		expect(result.output('Mavibot')).toEqual([
			{ found: true, client_id: C.webVisitor, recipient: 'chat-7f3a9c' },
			{
				found: true,
				client_id: C.webVisitor,
				recipient: 'chat-7f3a9c',
				tag: 'pricing_page',
				name: 'Visitor',
			},
		]);
	});

	test('a "client_not_found" answer is found: false', async () => {
		env.sandbox.misbehave({
			action: 'online_chat_client_id',
			kind: 'status',
			status: 200,
			body: { status: 'client_not_found' },
		});
		const result = await run({ operation: 'findByOnlineChat', recipient: 'chat-unknown' });
		expect(result.error).toBeUndefined();
		expect(result.output('Mavibot')).toEqual([
			{ found: false, client_id: null, recipient: 'chat-unknown' },
		]);
	});

	test('a key without the modify permission is an error naming the permission', async () => {
		const result = await run(
			{ operation: 'findByOnlineChat', recipient: 'chat-7f3a9c' },
			{ key: KEYS.readonly },
		);
		expect(result.error.message).toMatch(
			/^Mavibot "online_chat_client_id" failed: Access denied.* \[item 0\]$/,
		);
		expect(result.error.description).toMatch(/"Permission to modify\/delete client information"/);
	});

	test('an empty recipient is refused', async () => {
		const result = await run({ operation: 'findByOnlineChat', recipient: '={{ $json.missing }}' });
		expect(result.error.message).toBe('"Recipient" is empty [item 0]');
		expect(env.sandbox.requests).toHaveLength(0);
	});
});
