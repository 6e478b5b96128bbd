'use strict';
// File → Download in a real n8n: the sandbox's attachment files (test/sandbox/files.js) downloaded into binary data,
// hashed by n8n's own Crypto node (SHA-256 of the binary field) and compared with the sandbox's hashes; a missing
// file and a loopback link with "Allow Private Addresses" off go to the error output, naming their items. On n8n
// 1.123 the tier runs in filesystem binary mode (lib/n8n.js), as the README tells users to.
//
// The links hold the sandbox's port, known only once it runs: `prepare(ctx)` builds the workflow before the import.

const { workflow, manualTrigger, mavibot, items, noOp } = require('../lib/workflow');
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

module.exports = { cases };
