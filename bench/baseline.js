'use strict';
/**
 * The baselines of the benchmark: the node's requests sent from a plain loop, outside any workflow.
 *   node bench/baseline.js send <sandboxUrl> <key> <count> <parallel> [fetch|n8n-helper]
 *       POST /message `count` times, `parallel` at a time, with Node's fetch (keep-alive connections) or with the
 *       function behind n8n's `this.helpers.httpRequest` (`OutboundHttp` of the n8n in N8N_DIR): what any node pays
 *       per request before doing anything of its own.
 *   node bench/baseline.js page <sandboxUrl> <key> <total>
 *       GET /get_clients, 500 per page until a short page, with fetch.
 * Prints {"ms": …, "requests": …}.
 */
const path = require('node:path');

const [mode, baseUrl, key, countText, parallelText, transport = 'fetch'] = process.argv.slice(2);
const count = Number(countText);
const parallel = Number(parallelText) || 1;
const clients = [1001, 1002, 1003, 1004, 1005, 1007, 1008, 1009];

function n8nHelper() {
	const n8nDir = process.env.N8N_DIR;
	if (!n8nDir)
		throw new Error(
			'N8N_DIR (the folder n8n is installed in) is required for the n8n-helper transport',
		);
	const load = (name) =>
		require(require.resolve(name, { paths: [path.join(n8nDir, 'node_modules', 'n8n'), n8nDir] }));
	const { Container } = load('@n8n/di');
	const { OutboundHttp } = load('@n8n/backend-network');
	const requests = Container.get(OutboundHttp).requests();
	return async (url, body) => {
		const response = await requests.request({
			method: 'POST',
			url,
			body,
			encoding: 'text',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 30000,
			headers: { accept: 'application/json' },
		});
		JSON.parse(response.body);
	};
}

async function fetchPost(url, body) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify(body),
	});
	await response.json();
}

async function send(post) {
	const url = `${baseUrl}/api/${key}/message`;
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const n = next++;
			await post(url, { client_id: clients[n % clients.length], message: `Message ${n}` });
		}
	};
	await Promise.all(Array.from({ length: parallel }, worker));
	return count;
}

async function page() {
	const all = [];
	let requests = 0;
	for (let offset = 0; ; offset += 500) {
		requests++;
		const response = await fetch(`${baseUrl}/api/${key}/get_clients?offset=${offset}&limit=500`);
		const { clients: pageClients } = await response.json();
		for (const client of pageClients) all.push(client);
		if (pageClients.length < 500) break;
	}
	return requests;
}

(async () => {
	const post = transport === 'n8n-helper' ? n8nHelper() : fetchPost; // loaded before the clock starts
	const started = performance.now();
	const requests = mode === 'page' ? await page() : await send(post);
	process.stdout.write(JSON.stringify({ ms: performance.now() - started, requests }));
})().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exit(1);
});
