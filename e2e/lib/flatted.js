'use strict';
// Reads the "flatted" format n8n's REST API uses for execution data (GET /rest/executions/:id → data.data).
// Same algorithm as the `flatted` package's parse(): a JSON array whose first entry is the root, where every
// string value is the index (as a string) of the real value in the array; this restores shared and circular
// references.

function parseFlatted(text) {
	const input = JSON.parse(text, (_, value) =>
		typeof value === 'string' ? new String(value) : value,
	).map((value) => (value instanceof String ? String(value) : value));
	const seen = new Set();
	const revive = (output) => {
		const lazy = [];
		for (const key of Object.keys(output)) {
			const value = output[key];
			if (value instanceof String) {
				const target = input[value];
				if (typeof target === 'object' && target !== null && !seen.has(target)) {
					seen.add(target);
					output[key] = undefined;
					lazy.push([key, target]);
				} else {
					output[key] = target;
				}
			}
		}
		for (const [key, target] of lazy) output[key] = revive(target);
		return output;
	};
	const root = input[0];
	return typeof root === 'object' && root !== null ? (seen.add(root), revive(root)) : root;
}

module.exports = { parseFlatted };
