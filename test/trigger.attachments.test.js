/**
 * Mavibot Trigger → Message Events → Download Attachments, in n8n-core's WebhookContext (test/harness/webhook.js),
 * against the sandbox's attachment files. Every socket stays on loopback (test/harness/networkGuard.js).
 */
const crypto = require('node:crypto');
const { installNetworkGuard } = require('./harness/networkGuard');

const guard = installNetworkGuard();
guard.stubN8nResolver();

const { buildTriggerWorkflow, callTrigger } = require('./harness/webhook');
const { useSandbox } = require('./harness/sandbox');

const env = useSandbox();
const TOKEN = 'k3y-For-Tests_0123456789';
let nextMessageId = 700000;

const event = (attachments) => ({
	id: nextMessageId++,
	client: { id: 1001, recepient: '146467928', client_type: 1, name: 'Ann', group: 'mavi_test_bot' },
	message: 'See the files',
	attachments,
	message_id: 390,
	project_id: 77,
	is_input: 1,
});

async function post(options, attachments) {
	const setup = await buildTriggerWorkflow(
		{ token: TOKEN, options: { allowPrivateNetwork: true, ...options } },
		{ nodeId: `attachments-${nextMessageId}` },
	);
	return await callTrigger(setup, { body: event(attachments), query: { token: TOKEN } });
}

const sha256 = (binary) =>
	crypto.createHash('sha256').update(Buffer.from(binary.data, 'base64')).digest('hex');

test('off by default: the links stay links, no file is fetched', async () => {
	const setup = await buildTriggerWorkflow({ token: TOKEN });
	const call = await callTrigger(setup, {
		body: event([env.sandbox.fileUrl('photo.jpg')]),
		query: { token: TOKEN },
	});
	const [item] = call.result.workflowData[0];
	expect(item.json.attachments).toEqual([env.sandbox.fileUrl('photo.jpg')]);
	expect(item.json.attachmentFiles).toBeUndefined();
	expect(item.binary).toBeUndefined();
	expect(env.sandbox.fileRequests).toEqual([]);
});

test('each file becomes binary data: the first in data, then data_1…; the JSON says which is which', async () => {
	const url = (name) => env.sandbox.fileUrl(name);
	const call = await post({ downloadAttachments: true }, [
		{ url: url('voice.ogg'), name: 'voice-message.ogg', type: 'audio' },
		url('photo.png'),
		url('download/7'),
	]);
	expect(call.answer).toEqual({ status: 200, body: { status: 'ok' } });
	const [item] = call.result.workflowData[0];
	expect(item.json.attachments).toEqual([url('voice.ogg'), url('photo.png'), url('download/7')]);
	expect(item.json.attachmentFiles).toEqual([
		{
			url: url('voice.ogg'),
			binaryProperty: 'data',
			fileName: 'voice-message.ogg', // the payload's own name first
			mimeType: 'audio/ogg', // "audio" is a kind, not a MIME type: the response's type
			bytes: env.sandbox.files['voice.ogg'].length,
		},
		{
			url: url('photo.png'),
			binaryProperty: 'data_1',
			fileName: 'photo.png',
			mimeType: 'image/png',
			bytes: env.sandbox.files['photo.png'].length,
		},
		{
			url: url('download/7'),
			binaryProperty: 'data_2',
			fileName: 'Счёт №5.pdf',
			mimeType: 'application/pdf',
			bytes: env.sandbox.files['download/7'].length,
		},
	]);
	expect(item.json.attachmentErrors).toEqual([]);
	expect(sha256(item.binary.data)).toBe(env.sandbox.files['voice.ogg'].sha256());
	expect(sha256(item.binary.data_1)).toBe(env.sandbox.files['photo.png'].sha256());
	expect(sha256(item.binary.data_2)).toBe(env.sandbox.files['download/7'].sha256());
	// The workflow runs on with the files.
	const run = await call.execute();
	expect(run.error).toBeUndefined();
});

test('a Python-list string of links (seen in the wild) works the same', async () => {
	const url = (name) => env.sandbox.fileUrl(name);
	const call = await post(
		{ downloadAttachments: true },
		`['${url('photo.jpg')}', '${url('invoice.pdf')}']`,
	);
	const [item] = call.result.workflowData[0];
	expect(item.json.attachmentFiles.map((file) => file.binaryProperty)).toEqual(['data', 'data_1']);
	expect(item.binary.data_1.fileName).toBe('invoice.pdf');
});

test('bad files never fail the event: the workflow runs, the links stay, attachmentErrors says why', async () => {
	const url = (name) => env.sandbox.fileUrl(name);
	const links = [
		url('missing.pdf'),
		url('error-page.pdf'),
		url('video.mp4'),
		url('loop/a'),
		'ftp://127.0.0.1/a.pdf',
		url('photo.jpg'),
	];
	const call = await post({ downloadAttachments: true }, links);
	const [item] = call.result.workflowData[0];
	expect(item.json.attachments).toEqual(links);
	expect(item.json.attachmentErrors.map(({ url: link, problem }) => [link, problem])).toEqual([
		[links[0], 'httpStatus'],
		[links[1], 'htmlPage'],
		[links[2], 'tooLarge'],
		[links[3], 'redirectLoop'],
		[links[4], 'scheme'],
	]);
	expect(item.json.attachmentErrors[2].error).toContain('larger than 25 MB: 50 MB');
	// The one good file is the first binary property: data.
	expect(item.json.attachmentFiles).toMatchObject([{ url: links[5], binaryProperty: 'data' }]);
	expect(Object.keys(item.binary)).toEqual(['data']);
	expect(call.answer).toEqual({ status: 200, body: { status: 'ok' } });
});

test('one time budget for all files of the event', async () => {
	const url = (name) => env.sandbox.fileUrl(name);
	const started = Date.now();
	const call = await post({ downloadAttachments: true, timeout: 1 }, [
		url('slow.pdf'),
		url('photo.jpg'),
	]);
	expect(Date.now() - started).toBeLessThan(5000);
	const [item] = call.result.workflowData[0];
	expect(item.json.attachmentErrors).toEqual([
		{ url: url('slow.pdf'), problem: 'timeout', error: expect.stringContaining('longer than 1 s') },
	]);
	expect(item.json.attachmentFiles).toMatchObject([
		{ url: url('photo.jpg'), binaryProperty: 'data' },
	]);
});

test('private addresses are refused unless allowed, per file, without failing the event', async () => {
	guard.connectTo('files.example.test', '10.9.8.7');
	const call = await post({ downloadAttachments: true, allowPrivateNetwork: false }, [
		env.sandbox.fileUrl('photo.jpg'),
		'http://169.254.169.254/latest/meta-data/',
		'http://files.example.test/a.pdf',
	]);
	const [item] = call.result.workflowData[0];
	expect(item.json.attachmentErrors.map((error) => error.problem)).toEqual([
		'privateAddress',
		'privateAddress',
		'privateAddress',
	]);
	expect(item.binary).toBeUndefined();
	expect(env.sandbox.fileRequests).toEqual([]);
	expect(guard.blocked).toEqual([]);
});
