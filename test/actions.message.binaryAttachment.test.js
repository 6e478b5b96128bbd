/**
 * Attachment Source: Binary File on Message → Send, Send to WhatsApp Number and Broadcast, run through n8n's engine:
 * a file made in the workflow (n8n-core's prepareBinaryData, filesystem binary mode) is sent as n8n's signed link,
 * the sandbox downloads that link as Mavibot would (from a loopback stand-in of n8n's /rest/binary-data/signed that
 * checks the token with n8n-core's own BinaryDataService) and must get the same bytes, type and name.
 */
const crypto = require('node:crypto');

const { runWorkflow } = require('./harness/n8n');
const { useSandbox, SEED } = require('./harness/sandbox');
const {
	useBinaryDataMode,
	startSignedEndpoint,
	mavibotFileWorkflow,
} = require('./harness/binaryData');

const env = useSandbox();
let endpoint;
beforeAll(async () => {
	await useBinaryDataMode('filesystem');
	endpoint = await startSignedEndpoint();
});
afterAll(() => endpoint.stop());
afterEach(() => useBinaryDataMode('filesystem'));

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const sha256 = (buffer) => crypto.createHash('sha256').update(buffer).digest('hex');
const jwtPayload = (url) =>
	JSON.parse(
		Buffer.from(new URL(url).searchParams.get('token').split('.')[1], 'base64url').toString(),
	);

/** Start (items) → Make File (the PDF above unless `file` says otherwise) → Mavibot. */
const workflow = (parameters, { file = {}, ...options } = {}) =>
	mavibotFileWorkflow(
		{ resource: 'message', requestOptions: { maxParallelRequests: 1 }, ...parameters },
		{
			...options,
			file: {
				content: PDF.toString('base64'),
				fileName: 'Счёт №5.pdf',
				mimeType: 'application/pdf',
				...file,
			},
		},
	);

const run = (parameters, options = {}, runOptions = {}) =>
	runWorkflow(workflow(parameters, options), {
		credentials: env.credentials(),
		restApiUrl: endpoint.restApiUrl,
		...runOptions,
	});
const send = (additionalFields = {}) => ({
	operation: 'send',
	clientId: String(SEED.clients.ann),
	text: 'Your invoice',
	additionalFields: { attachmentSource: 'binary', ...additionalFields },
});
const bodies = (action) => env.sandbox.requestsFor(action).map((request) => request.body);

describe('Message → Send with Attachment Source: Binary File', () => {
	test('sends n8n signed link of the file; the sandbox downloads the same bytes, type and name', async () => {
		const started = Math.floor(Date.now() / 1000);
		const result = await run(send());
		expect(result.error).toBeUndefined();
		const [body] = bodies('message');
		expect(body).toEqual({
			client_id: SEED.clients.ann,
			message: 'Your invoice',
			attachment_url: expect.stringMatching(
				/^http:\/\/127\.0\.0\.1:\d+\/rest\/binary-data\/signed\?token=[\w-]+\.[\w-]+\.[\w-]+&filename=%D0%A1%D1%87%D1%91%D1%82%20%E2%84%965\.pdf$/,
			),
			attachment_type: 'file',
		});
		expect(body.attachment_url.startsWith(`${endpoint.restApiUrl}/binary-data/signed?`)).toBe(true);
		// n8n's default lifetime, a day.
		const { exp, iat, id } = jwtPayload(body.attachment_url);
		expect(exp - iat).toBe(86400);
		expect(iat).toBeGreaterThanOrEqual(started);
		expect(id).toMatch(/^filesystem(-v2)?:/);

		const [fetched] = await env.sandbox.attachmentsSettled();
		expect(fetched).toMatchObject({
			action: 'message',
			ok: true,
			status: 200,
			contentType: 'application/pdf',
			fileName: 'Счёт №5.pdf',
			size: PDF.length,
			sha256: sha256(PDF),
		});
		const [output] = result.output('Mavibot');
		expect(output).toEqual({
			status: 'success',
			client_id: SEED.clients.ann,
			attachment: {
				attachment_type: 'file',
				fileName: 'Счёт №5.pdf',
				mimeType: 'application/pdf',
				linkExpiresAt: expect.any(String),
			},
		});
		expect(Math.abs(Date.parse(output.attachment.linkExpiresAt) / 1000 - exp)).toBeLessThan(2);
		// The link is in the request only: the output does not carry the token.
		expect(JSON.stringify(result.output('Mavibot'))).not.toContain('token=');
	});

	test('attachment_type follows the MIME type unless Attachment Type is set; a shorter lifetime is kept', async () => {
		const items = [
			{ mime: 'image/png', name: 'a.png' },
			{ mime: 'audio/ogg', name: 'voice.ogg' },
			{ mime: 'video/mp4', name: 'clip.mp4' },
			{ mime: 'image/svg+xml', name: 'logo.svg' },
			{ mime: 'text/csv', name: 'report.csv' },
		];
		const result = await run(send({ attachmentLinkLifetime: 30 }), {
			items,
			file: { mimeType: '={{ $json.mime }}', fileName: '={{ $json.name }}' },
		});
		expect(result.error).toBeUndefined();
		const sent = bodies('message');
		expect(sent.map((body) => body.attachment_type)).toEqual([
			'image',
			'audio',
			'video',
			'file',
			'file',
		]);
		expect(sent.map((body) => jwtPayload(body.attachment_url)).map((p) => p.exp - p.iat)).toEqual([
			1800, 1800, 1800, 1800, 1800,
		]);
		const fetched = await env.sandbox.attachmentsSettled();
		expect(fetched.map((f) => [f.fileName, f.contentType])).toEqual(
			items.map((item) => [item.name, item.mime]),
		);

		env.sandbox.reset();
		await run(send({ attachmentType: 'image' }));
		expect(bodies('message')[0].attachment_type).toBe('image');
	});

	test('Send to WhatsApp Number and Broadcast send the file the same way', async () => {
		const result = await run({
			operation: 'sendToWhatsApp',
			phone: '+7 (999) 123-45-67',
			whatsAppChannel: { __rl: true, mode: 'id', value: String(SEED.bots.whatsapp.id) },
			text: '',
			additionalFields: { attachmentSource: 'binary' },
		});
		expect(result.error).toBeUndefined();
		const broadcast = await run({
			operation: 'broadcast',
			listId: String(SEED.lists.hotLeads),
			text: 'The price list',
			additionalFields: { attachmentSource: 'binary', attachmentBinaryField: 'data' },
		});
		expect(broadcast.error).toBeUndefined();
		expect([...bodies('whatsapp_message'), ...bodies('broadcast')]).toEqual([
			expect.objectContaining({ attachment_type: 'file', attachment_url: expect.any(String) }),
			expect.objectContaining({ attachment_type: 'file', attachment_url: expect.any(String) }),
		]);
		expect(broadcast.output('Mavibot')[0].attachment.fileName).toBe('Счёт №5.pdf');
		const fetched = await env.sandbox.attachmentsSettled();
		expect(fetched.map((f) => [f.action, f.ok, f.sha256])).toEqual([
			['whatsapp_message', true, sha256(PDF)],
			['broadcast', true, sha256(PDF)],
		]);
	});

	test('URL stays the default: without Attachment Source the request is as before', async () => {
		await run({
			operation: 'send',
			clientId: String(SEED.clients.ann),
			text: 'Your invoice',
			additionalFields: { attachmentUrl: 'https://example.com/a.pdf', attachmentType: 'file' },
		});
		expect(bodies('message')).toEqual([
			{
				client_id: SEED.clients.ann,
				message: 'Your invoice',
				attachment_url: 'https://example.com/a.pdf',
				attachment_type: 'file',
			},
		]);
		expect(await env.sandbox.attachmentsSettled()).toEqual([]);
	});
});

describe('refusals: nothing is sent, the error says why and how to fix it', () => {
	test("memory mode (n8n 1.x's default) names N8N_DEFAULT_BINARY_DATA_MODE=filesystem", async () => {
		await useBinaryDataMode('default');
		const result = await run(send());
		expect(result.error.message).toMatch(
			/^"Attachment Binary Field" holds a file that n8n keeps in memory.*\[item 0\]$/,
		);
		expect(result.error.description).toContain('N8N_DEFAULT_BINARY_DATA_MODE=filesystem');
		expect(env.sandbox.requests).toEqual([]);
	});

	test('a Send At or a delay after the link expires is refused; one before it is sent', async () => {
		const inTwoDays = new Date(Date.now() + 2 * 86400_000).toISOString();
		const late = await run(send({ sendAt: inTwoDays }));
		expect(late.error.message).toMatch(
			/^"Send At" sends the message at .* but the file's link expires at .*\[item 0\]$/,
		);
		expect(late.error.description).toMatch(/at most 1435 minutes ahead/);
		const delayed = await run(send({ delaySeconds: 3600, attachmentLinkLifetime: 60 }));
		expect(delayed.error.message).toMatch(/^"Delay \(Seconds\)" sends the message at /);
		expect(delayed.error.description).toMatch(/at most 55 minutes ahead/);
		// Wall-clock Send At in a time zone: 2 hours ahead in Moscow is fine with the default day.
		const inTwoHours = new Date(Date.now() + 2 * 3600_000);
		const moscow = new Intl.DateTimeFormat('sv-SE', {
			timeZone: 'Europe/Moscow',
			dateStyle: 'short',
			timeStyle: 'medium',
		}).format(inTwoHours);
		const soon = await run(send({ sendAt: moscow, timeZone: 'Europe/Moscow' }));
		expect(soon.error).toBeUndefined();
		expect(env.sandbox.requestsFor('message')).toHaveLength(1);
		// …but not with a one-hour link.
		const short = await run(
			send({ sendAt: moscow, timeZone: 'Europe/Moscow', attachmentLinkLifetime: 60 }),
		);
		expect(short.error.message).toMatch(/^"Send At" sends the message at /);
		expect(env.sandbox.requestsFor('message')).toHaveLength(1);
	});

	test('executions n8n does not keep (their files go with them) are refused', async () => {
		const unsaved = await run(
			send(),
			{},
			{
				mode: 'trigger',
				settings: { saveDataSuccessExecution: 'none' },
			},
		);
		expect(unsaved.error.message).toMatch(
			/does not save successful production executions, and n8n deletes the files/,
		);
		expect(unsaved.error.description).toMatch(/Save successful production executions/);
		const manual = await run(send(), {}, { settings: { saveManualExecutions: false } });
		expect(manual.error.message).toMatch(/does not save manual executions/);
		// A saved production execution is fine.
		const saved = await run(
			send(),
			{},
			{
				mode: 'trigger',
				settings: { saveDataSuccessExecution: 'all' },
			},
		);
		expect(saved.error).toBeUndefined();
		expect(env.sandbox.requestsFor('message')).toHaveLength(1);
	});

	test('a missing binary field fails its item only under Continue On Fail; bad lifetimes are refused', async () => {
		const result = await run(send({ attachmentBinaryField: '={{ $json.field }}' }), {
			items: [{ field: 'data' }, { field: 'invoice' }],
			extra: { continueOnFail: true },
		});
		expect(result.error).toBeUndefined();
		const [first, second] = result.output('Mavibot');
		expect(first.status).toBe('success');
		expect(second.error).toBe(
			'"Attachment Binary Field" is "invoice", but the input item has no binary field of that name (it has: data) [item 1]',
		);
		expect(env.sandbox.requestsFor('message')).toHaveLength(1);

		const tooLong = await run(send({ attachmentLinkLifetime: 2000 }));
		expect(tooLong.error.message).toBe('"Attachment Link Lifetime" is "2000" [item 0]');
		expect(tooLong.error.description).toMatch(/from 5 to 1440/);
	});
});
