'use strict';
// Reading and parsing request bodies and query strings. Form and query keys understand PHP-style brackets
// (`variables[city]=Moscow`, `clients[]=1`), and a repeated key becomes an array, as clients of the API send them.

const MAX_BODY = 20 * 1024 * 1024;

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY) {
				reject(new Error('Request body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function assignKey(target, key, value) {
	const m = /^([^[\]]+)((?:\[[^[\]]*\])+)$/.exec(key);
	if (!m) {
		if (!Object.prototype.hasOwnProperty.call(target, key)) target[key] = value;
		else if (Array.isArray(target[key])) target[key].push(value);
		else target[key] = [target[key], value];
		return;
	}
	const path = [m[1], ...[...m[2].matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1])];
	let node = target;
	for (let i = 0; i < path.length - 1; i++) {
		const part = path[i];
		const nextIsIndex = path[i + 1] === '' || /^\d+$/.test(path[i + 1]);
		if (node[part] === undefined || typeof node[part] !== 'object')
			node[part] = nextIsIndex ? [] : {};
		node = node[part];
	}
	const last = path[path.length - 1];
	if (Array.isArray(node) && last === '') node.push(value);
	else node[last] = value;
}

/** URLSearchParams (query string or form body) → object. */
function paramsToObject(searchParams) {
	const out = {};
	for (const [key, value] of searchParams) assignKey(out, key, value);
	return out;
}

/**
 * Parses a body by content type. JSON is tried for JSON types and for bodies without a type; form-encoded bodies
 * become objects. Returns { body } or { error } (invalid JSON).
 */
function parseBody(raw, contentType = '') {
	if (raw === '') return { body: undefined };
	const type = contentType.toLowerCase();
	if (type.includes('application/x-www-form-urlencoded'))
		return { body: paramsToObject(new URLSearchParams(raw)) };
	const looksJson = /^\s*[[{"]/.test(raw);
	if (
		type.includes('json') ||
		(!type && looksJson) ||
		(type.startsWith('text/plain') && looksJson)
	) {
		try {
			return { body: JSON.parse(raw) };
		} catch {
			return { error: 'Invalid JSON body' };
		}
	}
	if (!type && raw.includes('=')) return { body: paramsToObject(new URLSearchParams(raw)) };
	return { body: raw };
}

module.exports = { readBody, parseBody, paramsToObject };
