'use strict';
// Sending files (issue 22, outgoing) in a real n8n: a binary file made in n8n (a Code node, n8n's prepareBinaryData)
// → Message → Send with Attachment Source: Binary File → the sandbox downloads n8n's signed link from the running n8n,
// as Mavibot would, and must record the same bytes, type and name. And memory mode (n8n 1.x's default): the send is
// refused before anything goes out, with an error that names N8N_DEFAULT_BINARY_DATA_MODE=filesystem.

const crypto = require('node:crypto');
const { workflow, mavibot, manualTrigger } = require('../lib/workflow');
const { N8n } = require('../lib/n8n');
const { waitUntil } = require('../lib/util');
const { SEED } = require('../../test/sandbox/state');
const { CREDENTIALS } = require('./credentials');
const { wire } = require('./execute');

const NEEDS = ['message.send'];
const LIVE = {
	id: 'E2eSendFileLive1',
	path: 'mavibot-e2e-send-file',
	webhookId: '3b7c1e52-9d4f-4a61-8e2b-5f0a7c3d9e14',
};
const MEMORY = { id: 'E2eSendFileMem01' };

// A PDF-looking file of 48 KB (bigger than one TCP segment, so the download really streams) with a Cyrillic name.
const FILE_NAME = 'Счёт №5.pdf';
const FILE_TYPE = 'application/pdf';
const FILE_BYTES = Buffer.concat([
	Buffer.from('%PDF-1.4\n'),
	crypto.createHash('sha512').update('mavibot').digest().subarray(0, 48),
	Buffer.alloc(48 * 1024, 'x'),
	Buffer.from('\n%%EOF\n'),
]);
const sha256 = (buffer) => crypto.createHash('sha256').update(buffer).digest('hex');

const makeFile = {
	name: 'Make File',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: {
		jsCode: [
			`const bytes = Buffer.from('${FILE_BYTES.toString('base64')}', 'base64');`,
			`const data = await this.helpers.prepareBinaryData(bytes, ${JSON.stringify(FILE_NAME)}, '${FILE_TYPE}');`,
			`return [{ json: { made: ${JSON.stringify(FILE_NAME)} }, binary: { data } }];`,
		].join('\n'),
	},
};

const send = (name, additionalFields = {}) =>
	mavibot(
		name,
		{
			resource: 'message',
			operation: 'send',
			clientId: String(SEED.clients.ann),
			text: 'Your invoice',
			additionalFields: { attachmentSource: 'binary', ...additionalFields },
		},
		CREDENTIALS.sandbox,
	);

function workflows(ctx) {
	if (!NEEDS.every((need) => ctx.features.has(need))) return [];
	return [
		workflow({
			id: LIVE.id,
			name: 'E2E send a file made in n8n',
			nodes: [
				{
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: LIVE.webhookId,
					parameters: { httpMethod: 'POST', path: LIVE.path, options: {} },
				},
				makeFile,
				send('Send'),
				// The same file, on a base URL given by the user (here the same n8n under another name for loopback).
				send('Send Via Base URL', {
					attachmentLinkBaseUrl: `http://localhost:${ctx.n8n.port}/`,
					attachmentLinkLifetime: 30,
				}),
			],
			connections: [
				['Webhook', 'Make File'],
				['Make File', 'Send'],
				['Make File', 'Send Via Base URL'],
			],
			settings: { saveDataSuccessExecution: 'all' },
		}),
		workflow({
			id: MEMORY.id,
			name: 'E2E send a file in memory mode',
			nodes: [manualTrigger(), makeFile, send('Send')],
			connections: [
				['Run', 'Make File'],
				['Make File', 'Send'],
			],
		}),
	];
}

/** Headless: `n8n execute` with N8N_DEFAULT_BINARY_DATA_MODE=default (memory) must refuse before sending. */
async function headless(ctx) {
	const { n8n, sandbox, report, prefix, features } = ctx;
	if (!NEEDS.every((need) => features.has(need))) return;
	await report.check(
		`${prefix}send a binary file in memory mode: refused, the error names N8N_DEFAULT_BINARY_DATA_MODE=filesystem`,
		async (assert) => {
			await sandbox.reset();
			const memory = new N8n({
				version: n8n.version,
				userFolder: n8n.userFolder,
				port: n8n.port,
				brokerPort: n8n.brokerPort,
				env: { N8N_DEFAULT_BINARY_DATA_MODE: 'default' },
			});
			const run = await memory.execute(MEMORY.id);
			const output = run.stdout + run.stderr;
			const error = run.data?.data?.resultData?.error;
			const text = error ? `${error.message}\n${error.description}` : output;
			assert.match(text, /"Attachment Binary Field" holds a file that n8n keeps in memory/);
			assert.match(text, /N8N_DEFAULT_BINARY_DATA_MODE=filesystem/);
			assert.deepEqual(wire(await sandbox.requests(), 'message'), [], 'nothing was sent');
		},
	);
}

/** Activates the live workflow (while n8n is stopped, as update:workflow on 1.x needs). */
async function activate(ctx) {
	if (!NEEDS.every((need) => ctx.features.has(need))) return;
	await ctx.report.check(`${ctx.prefix}activate the send-a-file workflow`, () =>
		ctx.n8n.activate(LIVE.id),
	);
}

/**
 * With `n8n start` running: the sandbox downloads the signed links from n8n and gets the file. In queue mode
 * `receiver` is the webhook process that takes the request (the links still point at `ctx.n8n`, the main process),
 * `label` says where it ran and `also(assert)` adds the checks of that setup.
 */
async function live(ctx, { receiver = ctx.n8n, label = '', also } = {}) {
	const { n8n, sandbox, report, prefix, features } = ctx;
	if (!NEEDS.every((need) => features.has(need))) return;
	await report.check(
		`${prefix}a file made in n8n → Message → Send${label}: the sandbox fetched n8n's signed link and got the same bytes, type and name`,
		async (assert) => {
			await sandbox.reset();
			await receiver.waitForWebhook(LIVE.path);
			const answer = await fetch(`${receiver.baseUrl}/webhook/${LIVE.path}`, { method: 'POST' });
			assert.equal(answer.status, 200);
			const sent = await waitUntil(
				async () => {
					const found = wire(await sandbox.requests(), 'message');
					return found.length >= 2 ? found : undefined;
				},
				{ timeoutMs: 30000, what: 'two message requests' },
			);
			const links = sent.map((request) => request.body.attachment_url);
			const encodedName = encodeURIComponent(FILE_NAME);
			assert.ok(
				links[0].startsWith(`${n8n.baseUrl}/rest/binary-data/signed?token=`) &&
					links[0].endsWith(`&filename=${encodedName}`),
				`n8n's own link with the file name at the end: ${links[0].replace(/token=[^&]+/, 'token=…')}`,
			);
			assert.ok(
				links[1].startsWith(`http://localhost:${n8n.port}/rest/binary-data/signed?token=`),
				`the link on the given base URL: ${links[1].replace(/token=[^&]+/, 'token=…')}`,
			);
			assert.deepEqual(
				sent.map((request) => request.body.attachment_type),
				['file', 'file'],
			);
			const fetched = await sandbox.attachments();
			assert.deepEqual(
				fetched.map((f) => ({
					ok: f.ok,
					status: f.status,
					contentType: f.contentType,
					fileName: f.fileName,
					size: f.size,
					sha256: f.sha256,
				})),
				[0, 1].map(() => ({
					ok: true,
					status: 200,
					contentType: FILE_TYPE,
					fileName: FILE_NAME,
					size: FILE_BYTES.length,
					sha256: sha256(FILE_BYTES),
				})),
			);
			console.log(
				`   n8n answered ${fetched[0].contentType}, ${fetched[0].contentDisposition}, ${fetched[0].size} bytes`,
			);
			if (also) await also(assert);
		},
	);
}

module.exports = { workflows, headless, activate, live, LIVE, FILE_NAME, FILE_BYTES };
