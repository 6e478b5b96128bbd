/**
 * Message → Send and Wait for Response through n8n's engine: the execution waits with n8n's signed resume links in
 * the message the sandbox received; opening them runs the node's waiting webhook (n8n-core's WebhookContext) and the
 * answer resumes the execution (harness/waiting.js); the wait limit resumes it with "timedOut".
 */
const {
	startExecution,
	openLink,
	resumeAfterLimit,
	EXECUTION_ID,
	WAITING_BASE,
} = require('./harness/waiting');
const { mavibotNode, startNode } = require('./harness/workflows');
const { useSandbox, SEED } = require('./harness/sandbox');

const { ann, boris } = SEED.clients;
const env = useSandbox();
const NODE_ID = 'mavibot-node';
const LINK = new RegExp(
	`^${WAITING_BASE}/${EXECUTION_ID}/${NODE_ID}\\?(approved=(true|false)&)?signature=[0-9a-f]{64}$`,
);

/** Start → Mavibot (send and wait) → "After" (a Mavibot send that quotes the answer, proving the run went on). */
function workflow(parameters, { items = [{ order: 'A-1024' }] } = {}) {
	const after = mavibotNode(
		{
			resource: 'message',
			operation: 'send',
			clientId: String(ann),
			text: '=after: {{ JSON.stringify($json) }}',
		},
		{ id: 'after-node', name: 'After', position: [440, 0] },
	);
	return {
		name: 'send and wait',
		nodes: [
			startNode(items),
			mavibotNode({ resource: 'message', operation: 'sendAndWait', ...parameters }),
			after,
		],
		connections: {
			Start: { main: [[{ node: 'Mavibot', type: 'main', index: 0 }]] },
			Mavibot: { main: [[{ node: 'After', type: 'main', index: 0 }]] },
		},
	};
}

const start = (parameters, options) =>
	startExecution(workflow(parameters, options), { credentials: env.credentials() });
const sent = () => env.sandbox.requestsFor('message').map(({ body }) => body);
const afterText = () =>
	JSON.parse(
		sent()
			.at(-1)
			.message.replace(/^after: /, ''),
	);
const buttonsOf = (body) => body.buttons.buttons.map((button) => [button.text, button.url]);

describe('Message → Send and Wait for Response', () => {
	test('approval: the execution waits with signed approve/decline links; the answer resumes it once', async () => {
		const execution = await start({
			clientId: String(ann),
			message: '=Confirm order {{ $json.order }}?',
			approvalOptions: {
				values: { approvalType: 'double', approveLabel: 'Yes', disapproveLabel: 'No' },
			},
		});
		expect(execution.run.waitTill).toEqual(new Date('3000-01-01T00:00:00.000Z'));
		expect(execution.output('After')).toEqual([]);
		const [message] = sent();
		expect(message).toMatchObject({ client_id: ann, message: 'Confirm order A-1024?' });
		const [[yes, yesUrl], [no, noUrl]] = buttonsOf(message);
		expect([yes, no]).toEqual(['Yes', 'No']);
		expect(yesUrl).toMatch(LINK);
		expect(new URL(yesUrl).searchParams.get('approved')).toBe('true');
		expect(new URL(noUrl).searchParams.get('approved')).toBe('false');
		expect(message.buttons.buttons.map((button) => button.type)).toEqual(['inline', 'inline']);
		expect(message.buttons.hint).toBe(`Yes: ${yesUrl}\nNo: ${noUrl}`);

		// Opening the link only shows the choice (link previews must not answer); the execution keeps waiting.
		const page = await openLink(execution, noUrl);
		expect(page).toMatchObject({ status: 200, resumed: false });
		expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(page.body).toContain('<form method="post">');
		expect(page.body).toContain('>No</button>');
		expect(page.body).toContain('Confirm order A-1024?');

		const answered = await openLink(execution, noUrl, { method: 'POST' });
		expect(answered.resumed).toBe(true);
		expect(answered.body).toContain('Your answer has been recorded.');
		expect(execution.finished).toBe(true);
		const [output] = execution.output('Mavibot');
		expect(output).toEqual({
			data: { approved: false },
			timedOut: false,
			answeredAt: expect.any(String),
		});
		expect(Date.now() - Date.parse(output.answeredAt)).toBeLessThan(60_000);
		expect(afterText()).toEqual(output);

		// A second click: n8n answers its "no action required" page; nothing runs again.
		const again = await openLink(execution, yesUrl, { method: 'POST' });
		expect(again.resumed).toBe(false);
		expect(sent()).toHaveLength(2);
	});

	test('approve only: approved=true; a changed answer or execution in the link is refused', async () => {
		const execution = await start({ clientId: String(ann), message: 'Approve the refund?' });
		const [[label, url]] = buttonsOf(sent()[0]);
		expect(label).toBe('Approve');

		const tampered = new URL(url);
		tampered.searchParams.set('approved', 'false');
		expect(await openLink(execution, tampered.toString(), { method: 'POST' })).toMatchObject({
			status: 401,
			resumed: false,
		});
		const otherExecution = url.replace(`/${EXECUTION_ID}/`, `/${Number(EXECUTION_ID) + 1}/`);
		expect((await openLink(execution, otherExecution, { method: 'POST' })).resumed).toBe(false);
		const unsigned = url.replace(/[?&]signature=.*$/, '');
		expect(await openLink(execution, unsigned, { method: 'POST' })).toMatchObject({
			status: 401,
			resumed: false,
		});
		expect(execution.finished).toBe(false);

		await openLink(execution, url, { method: 'POST' });
		expect(execution.output('Mavibot')).toEqual([
			{ data: { approved: true }, timedOut: false, answeredAt: expect.any(String) },
		]);
	});

	test('free text: the link opens a form page in the language of the labels; the text comes out', async () => {
		const execution = await start({
			clientId: String(ann),
			message: 'Что изменить в заказе?',
			responseType: 'freeText',
			options: { messageButtonLabel: 'Ответить', responseFormButtonLabel: 'Отправить' },
		});
		const [[label, url]] = buttonsOf(sent()[0]);
		expect(label).toBe('Ответить');
		expect(url).toMatch(LINK);

		const page = await openLink(execution, url);
		expect(page.body).toContain('<html lang="ru">');
		expect(page.body).toContain('<textarea id="text" name="text" required>');
		expect(page.body).toContain('>Отправить</button>');

		const empty = await openLink(execution, url, { method: 'POST', form: { text: '  ' } });
		expect(empty).toMatchObject({ status: 400, resumed: false });
		expect(empty.body).toContain('Заполните это поле.');

		const answered = await openLink(execution, url, {
			method: 'POST',
			form: { text: 'Доставка в пятницу <b>' },
		});
		expect(answered.body).toContain('Ваш ответ записан.');
		expect(execution.output('Mavibot')).toEqual([
			{ data: { text: 'Доставка в пятницу <b>' }, timedOut: false, answeredAt: expect.any(String) },
		]);
	});

	test('custom form: fields defined in the node, checked on submit, named by their labels', async () => {
		const execution = await start({
			clientId: String(ann),
			message: 'When shall we deliver?',
			responseType: 'customForm',
			formFields: {
				values: [
					{ fieldLabel: 'Delivery date', fieldType: 'date', requiredField: true },
					{
						fieldLabel: 'Time',
						fieldType: 'dropdown',
						fieldOptions: 'Morning, Evening',
						requiredField: true,
					},
					{ fieldLabel: 'Floor', fieldType: 'number' },
					{ fieldLabel: 'Note', fieldType: 'textarea', placeholder: 'e.g. ring twice' },
				],
			},
			options: { responseFormTitle: 'Delivery', thankYouText: 'See you soon!' },
		});
		const [[, url]] = buttonsOf(sent()[0]);
		const page = await openLink(execution, url);
		expect(page.body).toContain('<h1>Delivery</h1>');
		expect(page.body).toContain(
			'<input id="field-0" name="field-0" type="date" value="" required>',
		);
		expect(page.body).toContain('<option>Morning</option><option>Evening</option>');

		const wrong = await openLink(execution, url, {
			method: 'POST',
			form: { 'field-0': '2026-05-01', 'field-1': 'Midnight', 'field-2': 'three', injected: 'x' },
		});
		expect(wrong).toMatchObject({ status: 400, resumed: false });
		expect(wrong.body).toContain('Please choose one of the options.');
		expect(wrong.body).toContain('Please enter a number.');

		const answered = await openLink(execution, url, {
			method: 'POST',
			form: { 'field-0': '2026-05-01', 'field-1': 'Evening', 'field-2': '3', injected: 'x' },
		});
		expect(answered.body).toContain('See you soon!');
		expect(execution.output('Mavibot')).toEqual([
			{
				data: { 'Delivery date': '2026-05-01', Time: 'Evening', Floor: 3, Note: null },
				timedOut: false,
				answeredAt: expect.any(String),
			},
		]);
	});

	test('limit wait time: the execution waits until the limit and then goes on with "timedOut"', async () => {
		const before = Date.now();
		const execution = await start({
			clientId: String(ann),
			message: 'Approve?',
			options: {
				limitWaitTime: {
					values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'hours' },
				},
			},
		});
		const waitTill = execution.run.waitTill.getTime();
		expect(waitTill - before).toBeGreaterThanOrEqual(2 * 3_600_000);
		expect(waitTill - before).toBeLessThan(2 * 3_600_000 + 60_000);

		await resumeAfterLimit(execution);
		expect(execution.finished).toBe(true);
		const expected = [{ data: {}, timedOut: true, waitLimit: new Date(waitTill).toISOString() }];
		expect(execution.output('Mavibot')).toEqual(expected);
		expect(afterText()).toEqual(expected[0]);
		// The link of the expired wait changes nothing.
		const [[, url]] = buttonsOf(sent()[0]);
		expect((await openLink(execution, url, { method: 'POST' })).resumed).toBe(false);
	});

	test('at a specified time; a time in the past is refused before anything is sent', async () => {
		const at = { limitType: 'atSpecifiedTime', maxDateAndTime: '2099-03-01T10:00:00' };
		const execution = await start({
			clientId: String(ann),
			message: 'Approve?',
			options: { limitWaitTime: { values: at } },
		});
		expect(execution.run.waitTill.toISOString()).toBe('2099-03-01T10:00:00.000Z');

		env.sandbox.reset();
		const past = { limitType: 'atSpecifiedTime', maxDateAndTime: '2020-01-01T00:00:00Z' };
		const failed = await start({
			clientId: String(ann),
			message: 'Approve?',
			options: { limitWaitTime: { values: past } },
		});
		expect(failed.data.resultData.error.message).toBe(
			'"Limit Wait Time → Max Date and Time" is in the past [item 0]',
		);
		expect(sent()).toEqual([]);
	});

	test('by WhatsApp phone: client looked up, links written into the text (no link buttons in WhatsApp)', async () => {
		const execution = await start({
			sendTo: 'whatsApp',
			phone: '+7 999 123-45-67',
			message: 'Confirm?',
		});
		expect(env.sandbox.requestsFor('whatsapp_client_id').map(({ query }) => query)).toEqual([
			{ phone: '79991234567' },
		]);
		const [message] = sent();
		expect(message.client_id).toBe(boris);
		expect(message.buttons).toBeUndefined();
		const [, line] = message.message.split('\n\n');
		expect(line).toMatch(
			/^Approve: http:\/\/127\.0\.0\.1:5678\/webhook-waiting\/4711\/mavibot-node\?approved=true&signature=/,
		);
		expect(execution.output('Mavibot')).toEqual([
			expect.objectContaining({ status: 'waiting', client_id: boris }),
		]);
	});

	test('by Telegram user + bot: client looked up; one message for several items', async () => {
		await start(
			{
				sendTo: 'telegram',
				telegramUserId: '146467928',
				telegramBot: { __rl: true, mode: 'id', value: SEED.bots.telegram.group_id },
				message: 'Confirm?',
			},
			{ items: [{ n: 1 }, { n: 2 }, { n: 3 }] },
		);
		expect(
			env.sandbox.requestsFor('find_client_id_by_platform_id').map(({ body }) => body),
		).toEqual([{ platform_ids: ['146467928'], group_id: SEED.bots.telegram.group_id }]);
		expect(sent().map((body) => body.client_id)).toEqual([ann]);
	});

	test('runs once per execution: several items send one message and wait with one item, paired with the first', async () => {
		const execution = await start(
			{
				clientId: String(ann),
				message: 'Approve all three orders?',
				options: {
					limitWaitTime: {
						values: { limitType: 'afterTimeInterval', resumeAmount: 1, resumeUnit: 'hours' },
					},
				},
			},
			{ items: [{ n: 1 }, { n: 2 }, { n: 3 }] },
		);
		expect(sent()).toHaveLength(1);
		const [waiting] = execution.data.resultData.runData.Mavibot;
		expect(waiting.data.main[0]).toEqual([
			{
				json: expect.objectContaining({ status: 'waiting', client_id: ann }),
				pairedItem: { item: 0 },
			},
		]);

		await resumeAfterLimit(execution);
		expect(execution.output('Mavibot')).toEqual([
			{ data: {}, timedOut: true, waitLimit: expect.any(String) },
		]);
		expect(sent()).toHaveLength(2); // the question, then the "After" node's one message
	});

	test('bad input names the parameter and sends nothing', async () => {
		const noFields = await start({
			clientId: String(ann),
			message: 'Form',
			responseType: 'customForm',
		});
		expect(noFields.data.resultData.error.message).toBe('"Form Fields" is empty [item 0]');
		const unknownPhone = await start({ sendTo: 'whatsApp', phone: '79990001122', message: 'Hi' });
		expect(unknownPhone.data.resultData.error.message).toBe(
			'No Mavibot client has the WhatsApp number 79990001122 [item 0]',
		);
		expect(sent()).toEqual([]);
	});
});
