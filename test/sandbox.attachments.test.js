'use strict';
// The sandbox downloads an accepted send's attachment_url as Mavibot would, but only on loopback, and records what it
// got (test/sandbox/attachmentFetch.js). Every socket here is on 127.0.0.1: links elsewhere are never fetched.

const crypto = require('node:crypto');
const http = require('node:http');
const { createSandbox } = require('./sandbox/server');
const { KEYS, SEED } = require('./sandbox/state');
const { isLoopbackUrl, fileNameFromDisposition } = require('./sandbox/attachmentFetch');

const PDF = Buffer.from('%PDF-1.4\n% a tiny test document\n%%EOF\n');
const sha256 = (buffer) => crypto.createHash('sha256').update(buffer).digest('hex');

let sb;
let base;
let files;
let filesUrl;
const fileHits = [];

beforeAll(async () => {
	sb = createSandbox();
	({ url: base } = await sb.start());
	// A file server on loopback, answering as n8n's /rest/binary-data/signed does.
	files = http.createServer((req, res) => {
		fileHits.push(req.url);
		const url = new URL(req.url, 'http://files.local');
		if (url.pathname === '/signed') {
			res.writeHead(200, {
				'content-type': 'application/pdf',
				'content-length': PDF.length,
				'content-disposition': `attachment; filename="${encodeURIComponent('счёт №5.pdf')}"`,
			});
			return res.end(PDF);
		}
		if (url.pathname === '/files/photo.jpg') {
			res.writeHead(200, { 'content-type': 'image/jpeg' });
			return res.end(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
		}
		if (url.pathname === '/moved') {
			res.writeHead(302, { location: '/signed?token=a.b.c' });
			return res.end();
		}
		if (url.pathname === '/away') {
			res.writeHead(302, { location: 'http://10.0.0.1/secret' });
			return res.end();
		}
		res.writeHead(404, { 'content-type': 'text/html' });
		res.end('<h1>Not Found</h1>');
	});
	await new Promise((resolve) => files.listen(0, '127.0.0.1', resolve));
	filesUrl = `http://127.0.0.1:${files.address().port}`;
});
afterAll(async () => {
	await sb.stop();
	await new Promise((resolve) => {
		files.close(resolve);
		files.closeAllConnections();
	});
});
beforeEach(() => {
	sb.reset();
	fileHits.length = 0;
});

async function send(action, params) {
	const res = await fetch(`${base}/api/${KEYS.full}/${action}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(params),
	});
	return await res.json();
}

test('an accepted send with a loopback attachment_url is downloaded and recorded: size, type, name, SHA-256', async () => {
	const url = `${filesUrl}/signed?token=a.b.c`;
	expect(
		await send('message', {
			client_id: SEED.clients.ann,
			attachment_type: 'file',
			attachment_url: url,
		}),
	).toMatchObject({ status: 'success' });
	const [fetched] = await sb.attachmentsSettled();
	expect(fetched).toMatchObject({
		requestId: sb.requestsFor('message')[0].id,
		action: 'message',
		url,
		attachmentType: 'file',
		status: 200,
		ok: true,
		contentType: 'application/pdf',
		fileName: 'счёт №5.pdf',
		size: PDF.length,
		sha256: sha256(PDF),
	});
	// Without Content-Disposition the name is the last segment of the path; redirects on loopback are followed.
	await send('whatsapp_message', {
		phone: '+7 999 000-11-22',
		attachment_type: 'image',
		attachment_url: `http://localhost:${files.address().port}/files/photo.jpg`,
	});
	await send('broadcast', {
		list: SEED.lists.hotLeads,
		attachment_type: 'file',
		attachment_url: `http://127.1:${files.address().port}/moved`,
	});
	const all = await sb.attachmentsSettled();
	expect(all.map((f) => [f.action, f.fileName, f.contentType, f.size])).toEqual([
		['message', 'счёт №5.pdf', 'application/pdf', PDF.length],
		['whatsapp_message', 'photo.jpg', 'image/jpeg', 4],
		['broadcast', 'счёт №5.pdf', 'application/pdf', PDF.length],
	]);
});

test('links that are not on loopback, refused sends and redirects off loopback are never fetched', async () => {
	await send('message', {
		client_id: SEED.clients.ann,
		attachment_type: 'file',
		attachment_url: 'https://example.com/a.pdf',
	});
	await send('message', {
		client_id: SEED.clients.ann,
		attachment_type: 'file',
		attachment_url: 'http://10.0.0.1/a.pdf',
	});
	// Refused by the API (unknown client): Mavibot would not fetch either.
	await send('message', {
		client_id: 424242,
		attachment_type: 'file',
		attachment_url: `${filesUrl}/signed`,
	});
	await send('message', {
		client_id: SEED.clients.ann,
		attachment_type: 'file',
		attachment_url: `${filesUrl}/away`,
	});
	const all = await sb.attachmentsSettled();
	expect(all).toHaveLength(1);
	expect(all[0]).toMatchObject({ ok: false, error: expect.stringMatching(/non-loopback/) });
	expect(fileHits).toEqual(['/away']);

	await send('message', {
		client_id: SEED.clients.ann,
		attachment_type: 'file',
		attachment_url: `${filesUrl}/missing.pdf`,
	});
	expect((await sb.attachmentsSettled()).at(-1)).toMatchObject({ ok: false, status: 404 });
});

test('GET /_sandbox/attachments answers the downloads once they are done; a reset forgets them', async () => {
	await send('message', {
		client_id: SEED.clients.ann,
		attachment_type: 'file',
		attachment_url: `${filesUrl}/signed?token=a.b.c`,
	});
	const listed = await (await fetch(`${base}/_sandbox/attachments`)).json();
	expect(listed).toHaveLength(1);
	expect(listed[0]).toMatchObject({ ok: true, sha256: sha256(PDF) });
	sb.reset();
	expect(await sb.attachmentsSettled()).toEqual([]);
});

test('loopback is recognised however it is written, and nothing else is', () => {
	for (const url of [
		'http://127.0.0.1/a',
		'http://127.1/a',
		'http://0x7f.1/a',
		'http://2130706433/a',
		'http://127.255.255.254:8080/a',
		'http://localhost/a',
		'http://LOCALHOST/a',
		'http://files.localhost/a',
		'http://[::1]/a',
		'http://[0:0:0:0:0:0:0:1]/a',
		'http://[::ffff:127.0.0.1]/a',
	]) {
		expect([url, isLoopbackUrl(url)]).toEqual([url, true]);
	}
	for (const url of [
		'https://127.0.0.1/a',
		'http://10.0.0.1/a',
		'http://169.254.169.254/latest',
		'http://example.com/a.pdf',
		'http://127.0.0.1.example.com/a',
		'http://[::2]/a',
		'ftp://127.0.0.1/a',
		'not a url',
	]) {
		expect([url, isLoopbackUrl(url)]).toEqual([url, false]);
	}
});

test('file names are read from Content-Disposition as n8n and others write them', () => {
	expect(fileNameFromDisposition('attachment; filename="a%20b.pdf"')).toBe('a b.pdf');
	expect(
		fileNameFromDisposition('attachment; filename*=UTF-8\'\'%D1%84.ogg; filename="f.ogg"'),
	).toBe('ф.ogg');
	expect(fileNameFromDisposition('inline; filename=report.csv')).toBe('report.csv');
	expect(fileNameFromDisposition('attachment')).toBeUndefined();
});
