/**
 * File → Download, run through n8n's engine against the sandbox's attachment files (test/sandbox/files.js). Every
 * socket stays on loopback (test/harness/networkGuard.js): private and metadata addresses are tried through the
 * address checks, with stubbed name resolution, never on the network.
 */
const crypto = require('node:crypto');
const { installNetworkGuard } = require('./harness/networkGuard');

const guard = installNetworkGuard();
guard.stubN8nResolver();

const { runWorkflow, loadPackage } = require('./harness/n8n');
const { mavibotWorkflow, MAVIBOT_NODE_TYPE } = require('./harness/workflows');
const { useSandbox, KEYS } = require('./harness/sandbox');
const { collectGarbageAfter } = require('./harness/gc');

const env = useSandbox();
const ALLOW = { allowPrivateNetwork: true };

/** File → Download for each of `urls` (one item each); no credential is given: the operation needs none. */
function download(urls, { options = ALLOW, extra = {}, binaryPropertyName } = {}) {
	const parameters = { resource: 'file', operation: 'download', url: '={{ $json.url }}', options };
	if (binaryPropertyName) parameters.binaryPropertyName = binaryPropertyName;
	const items = urls.map((url) => ({ url }));
	return runWorkflow(mavibotWorkflow(parameters, { items, extra }));
}

const sha256 = (binary) =>
	crypto.createHash('sha256').update(Buffer.from(binary.data, 'base64')).digest('hex');
const port = () => env.sandbox.url.split(':').pop();

describe('File → Download', () => {
	test('photos, a PDF and a voice note arrive whole, with their names and types, one item each', async () => {
		const names = ['photo.jpg', 'photo.png', 'invoice.pdf', 'voice.ogg'];
		const result = await download(names.map((name) => env.sandbox.fileUrl(name)));
		expect(result.error).toBeUndefined();
		const items = result.items('Mavibot');
		expect(items).toHaveLength(4);
		items.forEach((item, index) => {
			const file = env.sandbox.files[names[index]];
			expect(item.json).toEqual({
				url: env.sandbox.fileUrl(names[index]),
				finalUrl: env.sandbox.fileUrl(names[index]),
				fileName: names[index],
				mimeType: file.mimeType,
				bytes: file.length,
				binaryProperty: 'data',
			});
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.binary.data).toMatchObject({ fileName: names[index], mimeType: file.mimeType });
			expect(sha256(item.binary.data)).toBe(file.sha256());
		});
		// No Mavibot API request, and nothing of a credential reached the file host.
		expect(env.sandbox.requests).toEqual([]);
		for (const request of env.sandbox.fileRequests) {
			expect(request.headers.authorization).toBeUndefined();
			expect(JSON.stringify(request)).not.toContain(KEYS.full);
		}
	});

	test('the 50 MB video, streamed, with Max File Size raised to 60 MB', async () => {
		const file = env.sandbox.files['video.mp4'];
		const result = await download([env.sandbox.fileUrl('video.mp4')], {
			options: { ...ALLOW, maxFileSize: 60 },
		});
		expect(result.error).toBeUndefined();
		const [item] = result.items('Mavibot');
		expect(item.json).toMatchObject({
			fileName: 'video.mp4',
			mimeType: 'video/mp4',
			bytes: 50 * 1024 * 1024,
		});
		expect(sha256(item.binary.data)).toBe(file.sha256());
	});

	test('a name sent only as percent-encoded Cyrillic in Content-Disposition, into a binary field of choice', async () => {
		const result = await download([env.sandbox.fileUrl('download/7')], {
			binaryPropertyName: 'invoice',
		});
		const [item] = result.items('Mavibot');
		expect(item.json).toMatchObject({
			fileName: 'Счёт №5.pdf',
			mimeType: 'application/pdf',
			binaryProperty: 'invoice',
		});
		expect(Object.keys(item.binary)).toEqual(['invoice']);
		expect(sha256(item.binary.invoice)).toBe(env.sandbox.files['download/7'].sha256());
	});

	test('redirects are followed, and the output says where the file came from', async () => {
		const result = await download([env.sandbox.fileUrl('redirect-chain?n=2')]);
		expect(result.output('Mavibot')[0]).toMatchObject({
			url: env.sandbox.fileUrl('redirect-chain?n=2'),
			finalUrl: env.sandbox.fileUrl('photo.jpg'),
			fileName: 'photo.jpg',
		});
	});
});

describe('File → Download: bad files are node errors naming the item', () => {
	test.each([
		['missing.pdf', /The file server answered HTTP 404/, /links to chat attachments may expire/],
		['error-page.pdf', /answered with a web page instead of a file/, /open it in a browser/],
		['loop/a', /redirects in a loop/, /already visited/],
		['video.mp4', /larger than 25 MB: 50 MB/, /Raise the Max File Size option/],
		['video.mp4?chunked=1', /larger than 25 MB/, /Raise the Max File Size option/],
	])('%s', async (name, message, fix) => {
		const result = await download([env.sandbox.fileUrl('photo.jpg'), env.sandbox.fileUrl(name)]);
		expect(result.error.message).toMatch(message);
		expect(result.error.message).toMatch(/\[item 1\]$/);
		expect(result.error.description).toMatch(fix);
	});

	test('over the time budget (Timeout 1 s against a server that stalls)', async () => {
		const result = await download([env.sandbox.fileUrl('slow.pdf')], {
			options: { ...ALLOW, timeout: 1 },
		});
		expect(result.error.message).toBe(
			`The download took longer than 1 s (${env.sandbox.fileUrl('slow.pdf')}) [item 0]`,
		);
	});

	// Node 20 (n8n 1.x) drops a timeout signal held only by AbortSignal.any() at the next garbage collection.
	test('over the time budget even when garbage is collected while it waits', async () => {
		collectGarbageAfter(300, 600);
		const result = await download([env.sandbox.fileUrl('slow.pdf')], {
			options: { ...ALLOW, timeout: 1 },
		});
		expect(result.error.message).toBe(
			`The download took longer than 1 s (${env.sandbox.fileUrl('slow.pdf')}) [item 0]`,
		);
	}, 10000);

	test.each([
		['ftp://127.0.0.1/a.pdf', /ftp links cannot be downloaded/],
		['not a link', /is not a URL/],
	])('%s', async (url, message) => {
		const result = await download([url]);
		expect(result.error.message).toMatch(message);
	});

	test('an empty URL or a bad option is refused before any request', async () => {
		const empty = await download(['']);
		expect(empty.error.message).toBe('"URL" is empty [item 0]');
		const size = await download([env.sandbox.fileUrl('photo.jpg')], {
			options: { ...ALLOW, maxFileSize: 0 },
		});
		expect(size.error.message).toBe(
			'"Max File Size (MB)" must be a number of megabytes above 0 [item 0]',
		);
		expect(env.sandbox.fileRequests).toEqual([]);
	});

	test('Continue On Fail keeps the other items; the error output gets the failed one', async () => {
		const urls = [
			env.sandbox.fileUrl('photo.jpg'),
			env.sandbox.fileUrl('missing.pdf'),
			env.sandbox.fileUrl('voice.ogg'),
		];
		const regular = await download(urls, { extra: { onError: 'continueRegularOutput' } });
		expect(regular.error).toBeUndefined();
		const items = regular.items('Mavibot');
		expect(items.map((item) => item.json.fileName ?? item.json.error)).toEqual([
			'photo.jpg',
			`The file server answered HTTP 404 Not Found (${urls[1]}) [item 1]`,
			'voice.ogg',
		]);
		expect(items[1].binary).toBeUndefined();

		const split = await download(urls, { extra: { onError: 'continueErrorOutput' } });
		expect(split.output('Mavibot', 0).map((json) => json.fileName)).toEqual([
			'photo.jpg',
			'voice.ogg',
		]);
		expect(split.output('Mavibot', 1)).toMatchObject([
			{
				error: `The file server answered HTTP 404 Not Found (${urls[1]}) [item 1]`,
				message: 'The file is gone: links to chat attachments may expire',
			},
		]);
	});
});

describe('File → Download: private network addresses', () => {
	const OFF = { allowPrivateNetwork: false };

	test('loopback in every form is refused with the switch off, and nothing reaches the sandbox', async () => {
		const forms = [
			'127.0.0.1',
			'127.1',
			'2130706433',
			'0x7f.1',
			'0177.0.0.1',
			'[::1]',
			'[::ffff:127.0.0.1]',
			'localhost',
			'LocalHost.',
			'files.localhost',
		];
		const urls = forms.map((host) => `http://${host}:${port()}/files/photo.jpg`);
		const result = await download(urls, {
			options: OFF,
			extra: { onError: 'continueRegularOutput' },
		});
		const errors = result.output('Mavibot').map((json) => json.error);
		errors.forEach((error, index) => {
			expect(error).toMatch(
				/^Refused to download from .+: it is (a loopback address|a local network name)/,
			);
			expect(error).toMatch(new RegExp(`\\[item ${index}\\]$`));
		});
		expect(result.output('Mavibot')[0].description).toBe(
			'If the file server is on your own network, switch on "Allow Private Addresses" (in Options)',
		);
		expect(env.sandbox.fileRequests).toEqual([]);
	});

	test.each([
		['http://10.0.0.7/files/a.pdf', 'it is a private network address'],
		['http://169.254.169.254/latest/meta-data/', 'it is a link-local address'],
		['http://metadata.google.internal/computeMetadata/v1/', 'it is a cloud metadata host'],
	])('%s is refused (%s) without a connection', async (url, what) => {
		const result = await download([url], { options: OFF });
		expect(result.error.message).toContain(what);
		expect(guard.blocked).toEqual([]);
	});

	test('a name resolving to loopback is refused after resolution (n8n 2.x egress filter)', async () => {
		guard.connectTo('attachments.example.test', '127.0.0.1');
		const result = await download([`http://attachments.example.test:${port()}/files/photo.jpg`], {
			options: OFF,
		});
		expect(result.error.message).toContain(
			'Refused to download from attachments.example.test: it resolves to a private network address',
		);
		expect(env.sandbox.fileRequests).toEqual([]);
	});

	test('a redirect to another way of writing loopback is refused at that hop', async () => {
		guard.checkerSees('cdn.example.test', '93.184.216.34');
		guard.connectTo('cdn.example.test', '127.0.0.1');
		const target = encodeURIComponent(`http://0x7f.0.0.1:${port()}/files/photo.jpg`);
		const result = await download(
			[`http://cdn.example.test:${port()}/files/redirect?to=${target}`],
			{ options: OFF },
		);
		expect(result.error.message).toMatch(
			/^Refused to download from 127\.0\.0\.1: it is a loopback address .* \[item 0\]$/,
		);
		expect(env.sandbox.fileRequests.map((entry) => entry.path)).toEqual(['/files/redirect']);
	});

	test("as an AI agent's tool, private addresses are refused even with the switch on", async () => {
		const pkg = await loadPackage();
		const TOOL = `${MAVIBOT_NODE_TYPE}Tool`;
		pkg.rawNodeTypes[TOOL] ??= pkg.rawNodeTypes[MAVIBOT_NODE_TYPE];
		const workflow = mavibotWorkflow(
			{
				resource: 'file',
				operation: 'download',
				url: env.sandbox.fileUrl('photo.jpg'),
				options: ALLOW,
			},
			{},
		);
		workflow.nodes[1].type = TOOL;
		const result = await runWorkflow(workflow);
		expect(result.error.message).toMatch(/^Refused to download from 127\.0\.0\.1/);
		expect(result.error.description).toBe(
			'An AI agent may not download from private network addresses, whatever the node settings say',
		);
		expect(env.sandbox.fileRequests).toEqual([]);
	});
});
