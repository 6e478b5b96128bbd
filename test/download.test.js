/**
 * The shared download module (nodes/shared/download) with n8n-core's real request and binary helpers, through
 * WorkflowExecute (a test-only probe node, test/harness/downloadProbe.js), against the sandbox's attachment files.
 * Every socket stays on loopback (test/harness/networkGuard.js); private and metadata addresses are tried through
 * the address checks with stubbed resolvers, never on the network.
 */
const crypto = require('node:crypto');
const { installNetworkGuard } = require('./harness/networkGuard');

const guard = installNetworkGuard();
guard.stubN8nResolver();

const { runWorkflow } = require('./harness/n8n');
const { useSandbox } = require('./harness/sandbox');
const { probeWorkflow, PROBE_TYPE } = require('./harness/downloadProbe');

const env = useSandbox();

async function probe(items, nodeType) {
	const result = await runWorkflow(await probeWorkflow(items, nodeType));
	if (result.error) throw result.error;
	return result.items('Probe');
}

const sha256 = (binary) =>
	crypto.createHash('sha256').update(Buffer.from(binary.data, 'base64')).digest('hex');

describe('good files', () => {
	test.each(['photo.jpg', 'photo.png', 'invoice.pdf', 'voice.ogg'])(
		'%s arrives whole, with its name and type',
		async (name) => {
			const file = env.sandbox.files[name];
			const [item] = await probe([{ url: env.sandbox.fileUrl(name) }]);
			expect(item.json).toMatchObject({ ok: true, bytes: file.length });
			expect(item.binary.data).toMatchObject({ fileName: name, mimeType: file.mimeType });
			expect(sha256(item.binary.data)).toBe(file.sha256());
		},
	);

	test('a name given only as percent-encoded Cyrillic in Content-Disposition', async () => {
		const file = env.sandbox.files['download/7'];
		const [item] = await probe([{ url: env.sandbox.fileUrl('download/7') }]);
		expect(item.binary.data.fileName).toBe('Счёт №5.pdf');
		expect(item.binary.data.mimeType).toBe('application/pdf'); // octet-stream says nothing: the name decides
		expect(sha256(item.binary.data)).toBe(file.sha256());
	});

	test("the payload's own name and type come first", async () => {
		const [item] = await probe([
			{
				url: env.sandbox.fileUrl('download/7'),
				hint: { fileName: 'invoice-5.pdf', mimeType: 'application/x-pdf' },
			},
		]);
		expect(item.binary.data).toMatchObject({
			fileName: 'invoice-5.pdf',
			mimeType: 'application/x-pdf',
		});
	});

	test('the 50 MB video, streamed (Max File Size raised to 60 MB)', async () => {
		const file = env.sandbox.files['video.mp4'];
		const [item] = await probe([{ url: env.sandbox.fileUrl('video.mp4'), maxMb: 60 }]);
		expect(item.json).toMatchObject({ ok: true, bytes: 50 * 1024 * 1024 });
		expect(item.binary.data).toMatchObject({ fileName: 'video.mp4', mimeType: 'video/mp4' });
		expect(sha256(item.binary.data)).toBe(file.sha256());
	});

	test('redirects are followed hop by hop', async () => {
		const [item] = await probe([{ url: env.sandbox.fileUrl('redirect-chain?n=3') }]);
		expect(item.json).toMatchObject({ ok: true, finalUrl: env.sandbox.fileUrl('photo.jpg') });
		expect(env.sandbox.fileRequests.map((entry) => entry.path)).toEqual([
			'/files/redirect-chain',
			'/files/redirect-chain',
			'/files/redirect-chain',
			'/files/photo.jpg',
		]);
	});

	test('the file host gets no credential', async () => {
		await probe([{ url: env.sandbox.fileUrl('photo.jpg') }]);
		const [request] = env.sandbox.fileRequests;
		expect(request.headers.authorization).toBeUndefined();
		expect(request.headers.cookie).toBeUndefined();
	});
});

describe('bad files', () => {
	test.each([
		['missing.pdf', 'httpStatus', /HTTP 404/],
		['error-page.pdf', 'htmlPage', /web page instead of a file/],
		['unlabelled-page', 'htmlPage', /web page instead of a file/],
		['loop/a', 'redirectLoop', /redirects in a loop/],
		['redirect-chain?n=9', 'tooManyRedirects', /more than 5 times/],
	])('%s: %s', async (name, problem, message) => {
		const [item] = await probe([{ url: env.sandbox.fileUrl(name) }]);
		expect(item.json).toMatchObject({
			ok: false,
			problem,
			message: expect.stringMatching(message),
		});
		expect(item.binary).toBeUndefined();
	});

	test('over the size by Content-Length: refused before the body is read', async () => {
		const [item] = await probe([{ url: env.sandbox.fileUrl('video.mp4'), maxMb: 1 }]);
		expect(item.json).toMatchObject({
			ok: false,
			problem: 'tooLarge',
			message: expect.stringContaining('larger than 1 MB: 50 MB'),
		});
	});

	test('over the size without Content-Length: the bytes are counted and the stream stopped', async () => {
		const [item] = await probe([{ url: env.sandbox.fileUrl('video.mp4?chunked=1'), maxMb: 1 }]);
		expect(item.json).toMatchObject({ ok: false, problem: 'tooLarge' });
	});

	test('over the time budget', async () => {
		const [item] = await probe([{ url: env.sandbox.fileUrl('slow.pdf'), seconds: 1 }]);
		expect(item.json).toMatchObject({
			ok: false,
			problem: 'timeout',
			message: expect.stringContaining('longer than 1 s'),
		});
	});

	test.each(['ftp://127.0.0.1/a.pdf', 'file:///etc/passwd', 'data:text/plain,hi'])(
		'%s: not http or https',
		async (url) => {
			const [item] = await probe([{ url }]);
			expect(item.json).toMatchObject({ ok: false, problem: 'scheme' });
		},
	);

	test('not a URL', async () => {
		const [item] = await probe([{ url: 'see attachment' }]);
		expect(item.json).toMatchObject({ ok: false, problem: 'invalidUrl' });
	});
});

describe('private network addresses', () => {
	const loopbackForms = (port) => [
		`http://127.0.0.1:${port}/files/photo.jpg`,
		`http://127.1:${port}/files/photo.jpg`,
		`http://2130706433:${port}/files/photo.jpg`,
		`http://0x7f.1:${port}/files/photo.jpg`,
		`http://0177.0.0.1:${port}/files/photo.jpg`,
		`http://[::1]:${port}/files/photo.jpg`,
		`http://[::ffff:127.0.0.1]:${port}/files/photo.jpg`,
		`http://localhost:${port}/files/photo.jpg`,
		`http://LOCALHOST.:${port}/files/photo.jpg`,
		`http://files.localhost:${port}/files/photo.jpg`,
	];

	test.each([false, true])('loopback in every form is refused (n8n 1.x: %s)', async (n8nV1) => {
		const urls = loopbackForms(env.sandbox.url.split(':').pop());
		const items = await probe(urls.map((url) => ({ url, allowPrivate: false, n8nV1 })));
		for (const item of items) {
			expect(item.json).toMatchObject({
				ok: false,
				problem: 'privateAddress',
				fix: expect.stringContaining('Allow Private Addresses'),
			});
		}
		expect(env.sandbox.fileRequests).toEqual([]);
	});

	test.each([
		['http://10.1.2.3/a.pdf', 'a private network address'],
		['http://172.20.0.5/a.pdf', 'a private network address'],
		['http://192.168.1.1/a.pdf', 'a private network address'],
		['http://100.100.100.200/latest/meta-data', 'a shared (carrier-grade NAT) address'],
		['http://169.254.169.254/latest/meta-data/', 'a link-local address'],
		['http://[fd00:ec2::254]/latest/meta-data/', 'a private network address'],
		['http://[fe80::1]/a.pdf', 'a link-local address'],
		['http://0.0.0.0/a.pdf', 'an unspecified address'],
		['http://metadata.google.internal/computeMetadata/v1/', 'a cloud metadata host'],
		['http://printer.local/a.pdf', 'a local network name'],
		['http://intranet/a.pdf', 'a local network name'],
	])('%s is refused (%s), before any connection', async (url, what) => {
		for (const n8nV1 of [false, true]) {
			const [item] = await probe([{ url, allowPrivate: false, n8nV1 }]);
			expect(item.json).toMatchObject({ ok: false, problem: 'privateAddress' });
			expect(item.json.message).toContain(what);
		}
		expect(guard.blocked).toEqual([]);
	});

	test('a name that resolves to loopback: n8n 2.x refuses it after resolution', async () => {
		guard.connectTo('files.example.test', '127.0.0.1');
		const url = `http://files.example.test:${env.sandbox.url.split(':').pop()}/files/photo.jpg`;
		const [v2, v1] = await probe([
			{ url, allowPrivate: false },
			{ url, allowPrivate: false, n8nV1: true },
		]);
		expect(v2.json).toMatchObject({
			ok: false,
			problem: 'privateAddress',
			message: expect.stringContaining('resolves to a private network address'),
		});
		// n8n 1.x has no egress filter: the name passes (the README says so, and what to do about it).
		expect(v1.json).toMatchObject({ ok: true });
	});

	test('a name that resolves to 10.x is refused after resolution, and nothing connects to it', async () => {
		guard.connectTo('intranet.example.test', '10.20.30.40');
		const [item] = await probe([
			{ url: 'http://intranet.example.test/a.pdf', allowPrivate: false },
		]);
		expect(item.json).toMatchObject({ ok: false, problem: 'privateAddress' });
		expect(guard.blocked).toEqual([]);
	});

	test('a redirect to another form of loopback is refused at that hop', async () => {
		// The checker sees a public address for the first host; the connector sends it to the sandbox.
		guard.checkerSees('cdn.example.test', '93.184.216.34');
		guard.connectTo('cdn.example.test', '127.0.0.1');
		const port = env.sandbox.url.split(':').pop();
		const target = encodeURIComponent(`http://127.1:${port}/files/photo.jpg`);
		const url = `http://cdn.example.test:${port}/files/redirect?to=${target}`;
		const items = await probe([
			{ url, allowPrivate: false },
			{ url, allowPrivate: false, n8nV1: true },
		]);
		for (const item of items) {
			expect(item.json).toMatchObject({
				ok: false,
				problem: 'privateAddress',
				message: expect.stringContaining('127.0.0.1: it is a loopback address'),
			});
		}
		expect(env.sandbox.fileRequests.map((entry) => entry.path)).toEqual([
			'/files/redirect',
			'/files/redirect',
		]);
	});

	test('the switch allows the sandbox on loopback', async () => {
		const [item] = await probe([{ url: env.sandbox.fileUrl('photo.jpg'), allowPrivate: true }]);
		expect(item.json.ok).toBe(true);
	});

	test("as an AI agent's tool, private addresses are refused whatever the switch says", async () => {
		const [item] = await probe(
			[{ url: env.sandbox.fileUrl('photo.jpg'), allowPrivate: true }],
			`${PROBE_TYPE}Tool`,
		);
		expect(item.json).toMatchObject({
			ok: false,
			problem: 'privateAddress',
			fix: expect.stringContaining('An AI agent may not download from private network addresses'),
		});
		expect(env.sandbox.fileRequests).toEqual([]);
	});
});

describe("all attachments of one event (the trigger's Download Attachments)", () => {
	test('files in link order as data, data_1, …; failures listed per link, never thrown', async () => {
		const url = (name) => env.sandbox.fileUrl(name);
		const [item] = await probe([
			{
				seconds: 2,
				links: [
					{ url: url('missing.pdf') },
					{ url: url('photo.jpg'), fileName: 'from-payload.jpg' },
					{ url: url('slow.pdf') },
					{ url: url('voice.ogg') },
					{ url: 'ftp://127.0.0.1/x.pdf' },
				],
			},
		]);
		expect(item.json.files).toEqual([
			{
				url: url('photo.jpg'),
				binaryProperty: 'data',
				fileName: 'from-payload.jpg',
				mimeType: 'image/jpeg',
				bytes: env.sandbox.files['photo.jpg'].length,
			},
			{
				url: url('voice.ogg'),
				binaryProperty: 'data_1',
				fileName: 'voice.ogg',
				mimeType: 'audio/ogg',
				bytes: env.sandbox.files['voice.ogg'].length,
			},
		]);
		expect(item.json.errors).toEqual([
			{
				url: url('missing.pdf'),
				problem: 'httpStatus',
				error: expect.stringContaining('HTTP 404'),
			},
			{
				url: url('slow.pdf'),
				problem: 'timeout',
				error: expect.stringContaining('longer than 2 s'),
			},
			{ url: 'ftp://127.0.0.1/x.pdf', problem: 'scheme', error: expect.any(String) },
		]);
		expect(Object.keys(item.binary)).toEqual(['data', 'data_1']);
		expect(sha256(item.binary.data)).toBe(env.sandbox.files['photo.jpg'].sha256());
		expect(sha256(item.binary.data_1)).toBe(env.sandbox.files['voice.ogg'].sha256());
	});
});

describe('address check (nodes/shared/download/address.ts)', () => {
	const { refusedHost } = require('../dist/nodes/shared/download/address');
	const hostOf = (url) => new URL(url).hostname;

	test.each([
		'127.0.0.1',
		'127.255.255.254',
		'[::1]',
		'[0:0:0:0:0:0:0:1]',
		'[::ffff:7f00:1]',
		'[::127.0.0.1]',
		'[64:ff9b::a9fe:a9fe]',
		'[fd12:3456::1]',
		'localhost.',
		'a.b.localhost',
		'10.0.0.1',
		'172.31.255.255',
		'192.168.0.10',
		'100.64.0.1',
		'169.254.169.254',
		'0.0.0.0',
		'255.255.255.255',
		'224.0.0.1',
		'instance-data',
		'metadata.goog',
	])('%s is refused', (host) => {
		expect(refusedHost(host)).toBeDefined();
	});

	test.each(['0x7f000001', '017700000001', '127.0.1', '0x7f.0.0.1', '10.1', '0xa9.254.169.254'])(
		'%s (another way to write a private IPv4 address) is refused, raw or through URL',
		(host) => {
			expect(refusedHost(host)).toBeDefined();
			expect(refusedHost(hostOf(`http://${host}/`))).toBeDefined();
		},
	);

	test.each([
		'example.com',
		'files.mavibot.ru.',
		'8.8.8.8',
		'172.32.0.1',
		'100.128.0.1',
		'[2606:4700::1111]',
	])('%s is allowed', (host) => {
		expect(refusedHost(host)).toBeUndefined();
	});
});

describe('file names (nodes/shared/download/fileNames.ts)', () => {
	const { fileNameFromContentDisposition } = require('../dist/nodes/shared/download/fileNames');

	test.each([
		[`attachment; filename*=UTF-8''%D0%A1%D1%87%D1%91%D1%82.pdf`, 'Счёт.pdf'],
		[`attachment; filename="a.pdf"; filename*=utf-8''%D0%B0.pdf`, 'а.pdf'],
		[`attachment; filename*=UTF-8'ru'%D0%B0%20b.pdf`, 'а b.pdf'],
		[`attachment; filename*=iso-8859-1''caf%E9.txt`, 'café.txt'],
		[`attachment; filename="%D0%B0.pdf"`, 'а.pdf'],
		[`inline; filename="with \\"quote\\".txt"`, 'with "quote".txt'],
		[`attachment; filename="../../etc/passwd"`, 'passwd'],
		[`attachment; filename=plain.txt`, 'plain.txt'],
		['attachment', undefined],
	])('%s → %s', (header, name) => {
		expect(fileNameFromContentDisposition(header)).toBe(name);
	});
});
