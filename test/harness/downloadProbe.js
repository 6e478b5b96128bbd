/**
 * A test-only node that runs the package's shared download module (dist/nodes/shared/download) with n8n-core's real
 * execute context, one download per input item: `{ url, maxMb?, seconds?, allowPrivate?, hint?, n8nV1? }`.
 * `n8nV1: true` hides `helpers.getSecureEgressFilter`, as n8n 1.x has none. Output: `{ ok, finalUrl, bytes }` with
 * the file in `binary.data`, or `{ ok: false, problem, message, fix }`.
 */
const path = require('node:path');
const { loadPackage } = require('./n8n');

const PROBE_TYPE = 'n8n-nodes-base.downloadProbe';

function downloadModule() {
	return require(
		path.join(__dirname, '..', '..', 'dist', 'nodes', 'shared', 'download', 'download.js'),
	);
}

class DownloadProbe {
	description = {
		displayName: 'Download Probe',
		name: 'downloadProbe',
		group: ['transform'],
		version: 1,
		description: 'Test node',
		defaults: { name: 'Probe' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	};

	async execute() {
		const { downloadFile, downloadBudget, DownloadError } = downloadModule();
		const results = [];
		for (const [index, item] of this.getInputData().entries()) {
			const input = item.json;
			let context = this;
			if (input.n8nV1) {
				const helpers = { ...this.helpers };
				delete helpers.getSecureEgressFilter;
				context = Object.create(this, { helpers: { value: helpers } });
			}
			if (input.links) {
				// The trigger's way: all links of one event under one budget (shared/download/attachments.ts).
				const { downloadAttachments } = require(
					path.join(__dirname, '..', '..', 'dist', 'nodes', 'shared', 'download', 'attachments.js'),
				);
				const { binary, files, errors } = await downloadAttachments(context, input.links, {
					maxBytes: (input.maxMb ?? 25) * 1024 * 1024,
					budget: downloadBudget(input.seconds ?? 10),
					allowPrivate: input.allowPrivate ?? true,
				});
				results.push({ json: { files, errors }, binary, pairedItem: { item: index } });
				continue;
			}
			try {
				const file = await downloadFile(context, input.url, {
					maxBytes: (input.maxMb ?? 25) * 1024 * 1024,
					budget: downloadBudget(input.seconds ?? 10),
					allowPrivate: input.allowPrivate ?? true,
					hint: input.hint,
				});
				results.push({
					json: { ok: true, finalUrl: file.finalUrl, bytes: file.bytes },
					binary: { data: file.binary },
					pairedItem: { item: index },
				});
			} catch (error) {
				if (!(error instanceof DownloadError)) throw error;
				results.push({
					json: { ok: false, problem: error.problem, message: error.message, fix: error.fix },
					pairedItem: { item: index },
				});
			}
		}
		return [results];
	}
}

/** Registers the probe with the harness's node types; returns a workflow builder for `items`. */
async function probeWorkflow(items, nodeType = PROBE_TYPE) {
	const pkg = await loadPackage();
	// The "…Tool" name is how n8n names a node's AI-tool variant: the download module reads it as a tool call.
	pkg.rawNodeTypes[PROBE_TYPE] ??= { type: new DownloadProbe(), sourcePath: '' };
	pkg.rawNodeTypes[`${PROBE_TYPE}Tool`] ??= pkg.rawNodeTypes[PROBE_TYPE];
	return {
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { items: JSON.stringify(items) },
			},
			{
				id: 'probe',
				name: 'Probe',
				type: nodeType,
				typeVersion: 1,
				position: [200, 0],
				parameters: {},
			},
		],
		connections: { Start: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
	};
}

module.exports = { probeWorkflow, DownloadProbe, PROBE_TYPE };
