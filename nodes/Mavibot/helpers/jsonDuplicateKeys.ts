/**
 * JSON.parse keeps only the last of two equal keys in an object, silently. For hand-written queries that loses a
 * condition (Mavibot's own docs show {"var": "home", "var": "60"}), so the text is scanned for repeated keys.
 * Returns the first key that appears twice in one object (at any depth), or undefined. Call it on valid JSON only.
 */
export function findDuplicateJsonKey(text: string): string | undefined {
	// One entry per open bracket: the keys seen so far in an object, or null for an array.
	const stack: Array<Set<string> | null> = [];
	let expectKey = false;
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (char === '"') {
			let end = index + 1;
			while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
			const keys = stack[stack.length - 1];
			if (keys && expectKey) {
				const key = JSON.parse(text.slice(index, end + 1)) as string;
				if (keys.has(key)) return key;
				keys.add(key);
				expectKey = false;
			}
			index = end;
		} else if (char === '{') {
			stack.push(new Set());
			expectKey = true;
		} else if (char === '[') {
			stack.push(null);
			expectKey = false;
		} else if (char === '}' || char === ']') {
			stack.pop();
			expectKey = false;
		} else if (char === ',') {
			expectKey = stack[stack.length - 1] instanceof Set;
		}
	}
	return undefined;
}
