/**
 * n8n-core's binary data service for the tests, as n8n sets it up: filesystem mode (files under the test's n8n user
 * folder, so that `helpers.createBinarySignedUrl` can sign their IDs) or memory mode (n8n 1.x's default, where it
 * cannot); a loopback stand-in of n8n's `GET /rest/binary-data/signed` (BinaryDataController.getSigned: token check,
 * the stored Content-Type, `Content-Disposition: attachment; filename="<encodeURIComponent(name)>"`); and a test node
 * that makes a binary file in the workflow with n8n's own prepareBinaryData.
 */
const http = require('node:http');
const path = require('node:path');
const { pipeline } = require('node:stream');

const { Container } = require('@n8n/di');

let service;

/** Sets n8n-core's binary data mode: 'filesystem' (files on disk, linkable) or 'default' (memory). */
async function useBinaryDataMode(mode) {
	const core = require('n8n-core');
	if (!service) {
		process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
		process.env.N8N_BINARY_DATA_STORAGE_PATH ??= path.join(
			process.env.N8N_USER_FOLDER,
			'binaryData',
		);
		service = Container.get(core.BinaryDataService);
		await service.init();
	}
	// BinaryDataService keeps files in memory when no manager serves its mode, as n8n does in 'default' mode.
	service.mode = mode === 'filesystem' ? 'filesystem-v2' : 'default';
	return service;
}

/** A loopback stand-in of n8n's signed-link endpoint. Resolves { restApiUrl, hits, stop }. */
async function startSignedEndpoint() {
	const hits = [];
	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url, 'http://n8n.local');
		hits.push(url.pathname + url.search);
		if (url.pathname !== '/rest/binary-data/signed') {
			res.writeHead(404).end();
			return;
		}
		let id;
		try {
			id = service.validateSignedToken(url.searchParams.get('token') ?? '');
		} catch (error) {
			res.writeHead(400).end(error.message);
			return;
		}
		try {
			const metadata = await service.getMetadata(id);
			const stream = await service.getAsStream(id);
			res.writeHead(200, {
				'content-type': metadata.mimeType,
				'content-length': metadata.fileSize,
				'content-disposition': metadata.fileName
					? `attachment; filename="${encodeURIComponent(metadata.fileName)}"`
					: 'attachment',
			});
			// pipeline, not pipe: a client that goes away (a sandbox reset) must close the file too.
			pipeline(stream, res, () => {});
		} catch {
			res.writeHead(404).end();
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		restApiUrl: `http://127.0.0.1:${server.address().port}/rest`,
		hits,
		stop: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

const MAKE_FILE_NODE_TYPE = 'n8n-nodes-base.testMakeFile';

/** A test node that adds a binary file (base64 `content`, `fileName`, `mimeType`) to each item, as Convert to File does. */
class MakeFileNode {
	description = {
		displayName: 'Make File',
		name: 'testMakeFile',
		group: ['transform'],
		version: 1,
		description: 'Test node: makes a binary file',
		defaults: { name: 'Make File' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [
			{ displayName: 'Content (Base64)', name: 'content', type: 'string', default: '' },
			{ displayName: 'File Name', name: 'fileName', type: 'string', default: 'file.bin' },
			{ displayName: 'MIME Type', name: 'mimeType', type: 'string', default: '' },
			{ displayName: 'Property', name: 'property', type: 'string', default: 'data' },
		],
	};

	async execute() {
		const items = this.getInputData();
		const out = [];
		for (let i = 0; i < items.length; i++) {
			const content = Buffer.from(this.getNodeParameter('content', i), 'base64');
			const mimeType = this.getNodeParameter('mimeType', i) || undefined;
			const binary = await this.helpers.prepareBinaryData(
				content,
				this.getNodeParameter('fileName', i),
				mimeType,
			);
			out.push({
				json: items[i].json,
				binary: { ...items[i].binary, [this.getNodeParameter('property', i)]: binary },
				pairedItem: { item: i },
			});
		}
		return [out];
	}
}

/** Start (items) → Make File (one file per item; `file` overrides its parameters) → Mavibot, as n8n stores it. */
function mavibotFileWorkflow(parameters, { items = [{}], file = {}, extra = {} } = {}) {
	const { mavibotNode, startNode } = require('./workflows');
	return {
		name: 'Mavibot file test',
		nodes: [
			startNode(items),
			{
				id: 'make-file',
				name: 'Make File',
				type: MAKE_FILE_NODE_TYPE,
				typeVersion: 1,
				position: [110, 0],
				parameters: file,
			},
			mavibotNode(parameters, extra),
		],
		connections: {
			Start: { main: [[{ node: 'Make File', type: 'main', index: 0 }]] },
			'Make File': { main: [[{ node: 'Mavibot', type: 'main', index: 0 }]] },
		},
	};
}

module.exports = {
	useBinaryDataMode,
	startSignedEndpoint,
	mavibotFileWorkflow,
	MakeFileNode,
	MAKE_FILE_NODE_TYPE,
};
