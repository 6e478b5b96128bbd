'use strict';
/**
 * The baseline of the benchmark: the same requests as the node, from a plain fetch loop.
 *   node bench/rawFetch.js send <sandboxUrl> <key> <count> <parallel>   → POST /message, `parallel` at a time
 *   node bench/rawFetch.js page <sandboxUrl> <key> <total> 1            → GET /get_clients, 500 per page until short
 * Prints {"ms": …, "requests": …}.
 */
const [mode, baseUrl, key, countText, parallelText] = process.argv.slice(2);
const count = Number(countText);
const parallel = Number(parallelText) || 1;
const clients = [1001, 1002, 1003, 1004, 1005, 1007, 1008, 1009];

async function send() {
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const n = next++;
			const response = await fetch(`${baseUrl}/api/${key}/message`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify({ client_id: clients[n % clients.length], message: `Message ${n}` }),
			});
			await response.json();
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
	const started = performance.now();
	const requests = mode === 'page' ? await page() : await send();
	process.stdout.write(JSON.stringify({ ms: performance.now() - started, requests }));
})().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exit(1);
});
