'use strict';
/**
 * The floor of §8 (bench/files.js): what the same downloads cost a bare Node script, without n8n or the package. The
 * script gets its links on stdin, fetches them in parallel with node:http and streams each response into a file with
 * fs.promises.writeFile (what n8n's filesystem binary data store does with a stream), once with the small files as a
 * warm-up and once with the big ones, and prints the rise of its own peak RSS (VmHWM) over the second run.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const SCRIPT = String.raw`
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { dir, small, big } = JSON.parse(fs.readFileSync(0, 'utf8'));
const kb = (name) => Number(new RegExp(name + ':\\s+(\\d+) kB').exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]);
const fetchAll = (links) => Promise.all(links.map((url, i) => new Promise((resolve, reject) => {
	http.get(url, (response) => {
		if (response.statusCode !== 200) return reject(new Error(url + ': HTTP ' + response.statusCode));
		const file = path.join(dir, 'file-' + i);
		fs.promises.writeFile(file, response).then(() => resolve(fs.statSync(file).size), reject);
	}).on('error', reject);
})));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
(async () => {
	await fetchAll(small);
	await sleep(2000);
	fs.writeFileSync('/proc/self/clear_refs', '5');
	const rss = kb('VmRSS');
	const started = Date.now();
	const sizes = await fetchAll(big);
	const ms = Date.now() - started;
	process.stdout.write(JSON.stringify({ rssMb: rss / 1024, riseMb: (kb('VmHWM') - rss) / 1024, ms, sizes }));
})().catch((error) => { console.error(error.message); process.exit(1); });
`;

/** Runs the script on the Node binary `nodeBin`; resolves { rssMb, rises: [riseMb], ms, sizes }. */
function bareDownload(nodeBin, { small, big }) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mavibot-bench-bare-'));
	return new Promise((resolve, reject) => {
		const child = spawn(nodeBin, ['-e', SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.stderr.on('data', (chunk) => (err += chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			fs.rmSync(dir, { recursive: true, force: true });
			if (code !== 0) return reject(new Error(`bare Node download: exit ${code}: ${err.trim()}`));
			const result = JSON.parse(out);
			resolve({
				rssMb: [result.rssMb],
				rises: [result.riseMb],
				ms: result.ms,
				sizes: result.sizes,
			});
		});
		child.stdin.end(JSON.stringify({ dir, small, big }));
	});
}

module.exports = { bareDownload };
