'use strict';
// File → Download in a real n8n: the sandbox's attachment files (test/sandbox/files.js) downloaded into binary data,
// hashed by n8n's own Crypto node (SHA-256 of the binary field) and compared with the sandbox's hashes; a missing
// file and a loopback link with "Allow Private Addresses" off go to the error output, naming their items. On n8n
// 1.123 the tier runs in filesystem binary mode (lib/n8n.js), as the README tells users to.
//
// The links hold the sandbox's port, known only once it runs: `prepare(ctx)` builds the workflow before the import.

const fs = require('node:fs');
const path = require('node:path');
const {
	workflow,
	manualTrigger,
	mavibot,
	items,
	noOp,
	mavibotTrigger,
} = require('../lib/workflow');
const { nodeOutput } = require('../lib/n8n');
const { fileCatalogue } = require('../../test/sandbox/files');
const { CREDENTIALS } = require('./credentials');

const GOOD = ['photo.jpg', 'invoice.pdf', 'voice.ogg', 'download/7', 'video.mp4'];

function buildWorkflow(sandboxUrl) {
	const link = (path) => `${sandboxUrl}/files/${path}`;
	const loopback = sandboxUrl.replace('127.0.0.1', '127.1');
	return workflow({
		id: 'E2eFileDownload1',
		name: 'e2e: File → Download',
		nodes: [
			manualTrigger(),
			items('Links', [
				...GOOD.map((path) => ({ url: link(path), allow: true })),
				{ url: link('missing.pdf'), allow: true },
				{ url: `${loopback}/files/photo.jpg`, allow: false },
			]),
			{
				...mavibot(
					'Download',
					{
						resource: 'file',
						operation: 'download',
						url: '={{ $json.url }}',
						options: { allowPrivateNetwork: '={{ $json.allow }}', maxFileSize: 60 },
					},
					CREDENTIALS.sandbox,
				),
				onError: 'continueErrorOutput',
			},
			{
				name: 'Hash',
				type: 'n8n-nodes-base.crypto',
				typeVersion: 1,
				parameters: {
					action: 'hash',
					type: 'SHA256',
					binaryData: true,
					binaryPropertyName: 'data',
					dataPropertyName: 'sha256',
					encoding: 'hex',
				},
			},
			noOp('Failed'),
		],
		connections: [
			['Run', 'Links'],
			['Links', 'Download'],
			['Download', 'Hash', 0],
			['Download', 'Failed', 1],
		],
	});
}

const cases = [
	{
		name: 'File → Download: five files (one of 50 MB) hash as the sandbox serves them; a 404 and a loopback link fail by item',
		needs: ['file.download'],
		prepare(ctx) {
			this.workflow = buildWorkflow(ctx.sandbox.url);
		},
		workflow: buildWorkflow('http://127.0.0.1:1'),
		verify({ run, requests, assert }) {
			assert.equal(run.code, 0, 'n8n execute exits 0');
			const catalogue = fileCatalogue();
			const hashed = nodeOutput(run.runData, 'Hash');
			assert.deepEqual(
				hashed.map((json) => [json.fileName, json.bytes, json.sha256]),
				GOOD.map((path) => [
					catalogue[path].fileName,
					catalogue[path].length,
					catalogue[path].sha256(),
				]),
				'each file has the name, size and SHA-256 the sandbox served',
			);
			assert.deepEqual(
				hashed.map((json) => json.mimeType),
				['image/jpeg', 'application/pdf', 'audio/ogg', 'application/pdf', 'video/mp4'],
			);
			const failed = nodeOutput(run.runData, 'Download', { output: 1 });
			assert.equal(failed.length, 2, 'two items on the error output');
			assert.match(failed[0].error, /answered HTTP 404 .*\[item 5\]$/);
			assert.match(
				failed[1].error,
				/^Refused to download from 127\.0\.0\.1: it is a loopback address .*\[item 6\]$/,
			);
			assert.equal(requests.length, 0, 'no Mavibot API request');
		},
	},
];

// ---- Mavibot Trigger with Download Attachments (n8n start; hooked into server.js) ----

const ATTACHED = ['photo.jpg', 'voice.ogg', 'download/7'];
const TRIGGER = { id: 'E2eTriggerFiles1', webhookId: '8a3f4b5c-1d2e-4f60-9a71-5b6c7d8e9f01' };

/** Trigger (downloads on) → one Crypto node per binary field (it drops the field it hashed) → a send of the hash. */
function triggerWorkflow() {
	const credential = CREDENTIALS.trigger;
	const properties = ['data', 'data_1', 'data_2'];
	return workflow({
		id: TRIGGER.id,
		name: 'e2e: Mavibot Trigger → download attachments → hashes sent back',
		nodes: [
			mavibotTrigger({
				webhookId: TRIGGER.webhookId,
				credential,
				parameters: { options: { downloadAttachments: true, allowPrivateNetwork: true } },
			}),
			...properties.flatMap((property, row) => [
				{
					name: `Hash ${property}`,
					type: 'n8n-nodes-base.crypto',
					typeVersion: 1,
					row,
					parameters: {
						action: 'hash',
						type: 'SHA256',
						binaryData: true,
						binaryPropertyName: property,
						dataPropertyName: 'sha256',
						encoding: 'hex',
					},
				},
				{
					...mavibot(
						`Send ${property}`,
						{
							resource: 'message',
							operation: 'send',
							clientId: '={{ $json.client.id }}',
							text: `={{ "${property} " + $json.sha256 + " errors " + $json.attachmentErrors.length }}`,
						},
						CREDENTIALS.sandbox,
					),
					row,
				},
			]),
		],
		connections: properties.flatMap((property) => [
			['Mavibot Trigger', `Hash ${property}`],
			[`Hash ${property}`, `Send ${property}`],
		]),
	});
}

/**
 * Files inside a "temp" folder under an executions folder of n8n's binary data: what n8n 1.x leaves when it fails to
 * move a webhook's file. Only files count: n8n 2.41 moves every file but keeps the emptied folder.
 */
function tempBinaryFiles(root) {
	const found = [];
	const walk = (dir, depth, inTemp) => {
		if (depth > 10) return;
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (!entry.isDirectory()) {
				if (inTemp) found.push(full);
				continue;
			}
			const isTemp = entry.name === 'temp' && path.basename(dir) === 'executions';
			walk(full, depth + 1, inTemp || isTemp);
		}
	};
	walk(root, 0, false);
	return found;
}

/**
 * Fires one event with three sandbox files and a missing one at the trigger's production `url` and waits for the
 * three hashes the workflow sends back. Resolves { answer, texts, expected } (texts and expected sorted).
 */
async function fireAttachmentsEvent(sandbox, url) {
	await sandbox.reset();
	const links = [...ATTACHED, 'missing.pdf'].map((name) => `${sandbox.url}/files/${name}`);
	const token = CREDENTIALS.trigger.data.token;
	const fired = await sandbox.fireWebhookWithin(60000, `${url}?token=${token}`, {
		client_id: 1002,
		message: 'Files for you',
		attachments: links,
	});
	const catalogue = fileCatalogue();
	const expected = ['data', 'data_1', 'data_2'].map(
		(property, index) => `${property} ${catalogue[ATTACHED[index]].sha256()} errors 1`,
	);
	let texts = [];
	for (let tries = 0; tries < 200 && texts.length < 3; tries++) {
		texts = (await sandbox.deliveries()).map((delivery) => delivery.text).sort();
		if (texts.length < 3) await new Promise((resolve) => setTimeout(resolve, 300));
	}
	return { answer: fired.result.body, texts, expected: expected.sort() };
}

/** Fires one event with three attachments and a missing one; checks the hashes sent back and n8n's temp folder. */
async function triggerChecks(ctx, { check, triggerUrl, owner }) {
	const { n8n, sandbox } = ctx;
	const url = await check('Download Attachments: production webhook registered', () =>
		triggerUrl(n8n, TRIGGER.webhookId),
	);
	if (!url) return;
	await check(
		'Download Attachments: three files hashed in the workflow as the sandbox serves them; a 404 listed, nothing left in the temp binary folder',
		async (assert) => {
			const { answer, texts, expected } = await fireAttachmentsEvent(sandbox, url);
			assert.deepEqual(answer, { status: 'ok' });
			if (owner) await n8n.waitForExecutions(TRIGGER.id, 1, { timeoutMs: 60000 });
			assert.deepEqual(texts, expected, 'each file hashes as the sandbox served it');
			// After the execution n8n has moved or deleted the webhook's files: no file is left in a temp folder.
			let left = tempBinaryFiles(n8n.userFolder);
			for (let tries = 0; tries < 20 && left.length; tries++) {
				await new Promise((resolve) => setTimeout(resolve, 500));
				left = tempBinaryFiles(n8n.userFolder);
			}
			assert.deepEqual(left, [], "nothing left in n8n's temporary binary folder");
		},
	);
}

module.exports = {
	cases,
	TRIGGER,
	ATTACHED,
	triggerWorkflow,
	triggerChecks,
	fireAttachmentsEvent,
	tempBinaryFiles,
};
