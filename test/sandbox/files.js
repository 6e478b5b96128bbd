'use strict';
// The attachment files the sandbox serves under /files/ from its own 127.0.0.1 address, as Mavibot's file host
// would: good files (photos, a PDF, a voice note, a 50 MB video made on the fly, a file named only by a
// percent-encoded Content-Disposition) and broken ones (404, an HTML error page, a slow one, a redirect loop,
// redirects anywhere). Every file request is recorded (`sandbox.fileRequests`) so tests can check what reached the
// file host (no API key, no token, no auth header). See README.md ("Attachment files").

const crypto = require('node:crypto');
const zlib = require('node:zlib');

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** Deterministic bytes: `length` bytes from a seed, made chunk by chunk (never held whole in memory). */
function* generatedChunks(seed, length, header = Buffer.alloc(0)) {
	const block = Buffer.alloc(CHUNK);
	let state = crypto.createHash('sha256').update(seed).digest();
	for (let offset = 0; offset < CHUNK; offset += 32) {
		state.copy(block, offset);
		state = crypto.createHash('sha256').update(state).digest();
	}
	let sent = 0;
	for (let index = 0; sent < length; index++) {
		const chunk = Buffer.from(block);
		if (index === 0) header.copy(chunk, 0);
		else chunk.writeUInt32BE(index, 0); // every chunk differs from the others
		const size = Math.min(CHUNK, length - sent);
		yield size === CHUNK ? chunk : chunk.subarray(0, size);
		sent += size;
	}
}

function crc32(buffer) {
	let crc = -1;
	for (const byte of buffer) {
		crc ^= byte;
		for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return (crc ^ -1) >>> 0;
}

/** A real 16×16 PNG (a gradient): image tools downstream can open it. */
function png() {
	const chunk = (type, data) => {
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		return Buffer.concat([length, body, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(16, 0);
	header.writeUInt32BE(16, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
	const rows = [];
	for (let y = 0; y < 16; y++) {
		const row = [0];
		for (let x = 0; x < 16; x++) row.push(x * 16, y * 16, 128);
		rows.push(Buffer.from(row));
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

function pdf() {
	return Buffer.from(
		'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
			'2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
			'3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n' +
			'trailer<</Root 1 0 R>>\n%%EOF\n',
		'latin1',
	);
}

const whole = (seed, length, header) => Buffer.concat([...generatedChunks(seed, length, header)]);

/**
 * The catalogue: path → { mimeType, bytes (for small files) or length + chunks() (generated), disposition? }.
 * `fileName` is the name a download should end up with.
 */
function buildCatalogue() {
	const jpegHeader = Buffer.from([
		0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00,
	]);
	const oggHeader = Buffer.from('OggS\u0000\u0002', 'latin1');
	const mp4Header = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32]);
	const files = {
		'photo.jpg': { mimeType: 'image/jpeg', bytes: whole('photo.jpg', 48 * 1024, jpegHeader) },
		'photo.png': { mimeType: 'image/png', bytes: png() },
		'invoice.pdf': { mimeType: 'application/pdf', bytes: pdf() },
		'voice.ogg': { mimeType: 'audio/ogg', bytes: whole('voice.ogg', 20 * 1024, oggHeader) },
		'video.mp4': {
			mimeType: 'video/mp4',
			length: 50 * MB,
			chunks: () => generatedChunks('video.mp4', 50 * MB, mp4Header),
		},
		// Mavibot's file host names files only in Content-Disposition, percent-encoded (here "Счёт №5.pdf").
		'download/7': {
			mimeType: 'application/octet-stream',
			bytes: whole('download/7', 3 * 1024, Buffer.from('%PDF-1.4\n', 'latin1')),
			fileName: 'Счёт №5.pdf',
			disposition: `attachment; filename="file.bin"; filename*=UTF-8''${encodeURIComponent('Счёт №5.pdf')}`,
		},
	};
	for (const [path, file] of Object.entries(files)) {
		file.path = `/files/${path}`;
		file.fileName ??= path;
		if (file.bytes) {
			file.length = file.bytes.length;
			file.sha256 = crypto.createHash('sha256').update(file.bytes).digest('hex');
		}
	}
	return files;
}

let catalogue;
const catalogueOf = () => (catalogue ??= buildCatalogue());

/** SHA-256 of a catalogue file (the 50 MB video is hashed once, chunk by chunk, when first asked for). */
function sha256Of(file) {
	if (!file.sha256) {
		const hash = crypto.createHash('sha256');
		for (const chunk of file.chunks()) hash.update(chunk);
		file.sha256 = hash.digest('hex');
	}
	return file.sha256;
}

const ERROR_PAGE =
	'<!DOCTYPE html>\n<html><head><title>Error</title></head><body><h1>Something went wrong</h1>' +
	'<p>The file is temporarily unavailable.</p></body></html>\n';

/** Writes chunks with back-pressure; stops when the client goes away. */
async function writeChunks(res, chunks) {
	for (const chunk of chunks) {
		if (res.destroyed) return;
		if (!res.write(chunk)) {
			await new Promise((resolve) => {
				const done = () => {
					res.off('drain', done);
					res.off('close', done);
					resolve();
				};
				res.on('drain', done);
				res.on('close', done);
			});
		}
	}
	res.end();
}

/**
 * Answers a request under /files/. `sleep(ms)` is the sandbox's cancellable wait (false when reset or stopped).
 * Query `?chunked=1` on any good file leaves out Content-Length (then only the bytes counted tell the size).
 */
async function handleFile(req, res, url, { sleep, record }) {
	const path = decodeURIComponent(url.pathname.replace(/^\/files\//, ''));
	const entry = { path: url.pathname, query: url.search, method: req.method, headers: req.headers };
	record(entry);
	const file = catalogueOf()[path];
	if (file) {
		entry.status = 200;
		const headers = { 'content-type': file.mimeType };
		if (file.disposition) headers['content-disposition'] = file.disposition;
		if (url.searchParams.get('chunked') !== '1') headers['content-length'] = file.length;
		res.writeHead(200, headers);
		if (req.method === 'HEAD') return res.end();
		return writeChunks(res, file.bytes ? [file.bytes] : file.chunks());
	}
	const redirect = (to) => {
		entry.status = 302;
		res.writeHead(302, { location: to, 'content-length': 0 });
		res.end();
	};
	switch (path) {
		case 'missing.pdf':
			entry.status = 404;
			res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
			return res.end('<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>');
		case 'error-page.pdf': // an HTML error page with status 200 where a PDF was expected
			entry.status = 200;
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			return res.end(ERROR_PAGE);
		case 'unlabelled-page': // the same page without a Content-Type: only its first bytes give it away
			entry.status = 200;
			res.writeHead(200, {});
			return res.end(ERROR_PAGE);
		case 'slow.pdf': {
			// Headers and the first kilobyte at once, the rest after `?ms=` (default 30 s): over any time budget.
			entry.status = 200;
			res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': 2048 });
			res.write(Buffer.alloc(1024, 0x25));
			if (!(await sleep(Number(url.searchParams.get('ms') ?? 30000)))) return res.destroy();
			return res.end(Buffer.alloc(1024, 0x25));
		}
		case 'loop/a':
			return redirect('/files/loop/b');
		case 'loop/b':
			return redirect('/files/loop/a');
		case 'redirect': // ?to=<absolute or relative URL>
			return redirect(url.searchParams.get('to') ?? '/files/photo.jpg');
		case 'redirect-chain': {
			// ?n=<hops left>: n redirects, then photo.jpg
			const left = Number(url.searchParams.get('n') ?? 3);
			return redirect(left > 1 ? `/files/redirect-chain?n=${left - 1}` : '/files/photo.jpg');
		}
		default:
			entry.status = 404;
			res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
			return res.end('<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>');
	}
}

/** The good files: `{ [name]: { path, fileName, mimeType, length, sha256() } }`. */
function fileCatalogue() {
	return Object.fromEntries(
		Object.entries(catalogueOf()).map(([name, file]) => [
			name,
			{
				path: file.path,
				fileName: file.fileName,
				mimeType: file.mimeType,
				length: file.length,
				sha256: () => sha256Of(file),
			},
		]),
	);
}

module.exports = { handleFile, fileCatalogue };
