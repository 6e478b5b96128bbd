import { parseListLiteral } from './pythonLiteral';

/**
 * Mavibot's `attachments` field (API reference §6) is documented as "an array containing file links or dictionaries
 * of file links", and arrives in several shapes: a JSON array of URL strings, an array of objects such as
 * {"url": …, "name": …, "type": …}, a string holding a JSON array, a string holding a Python list
 * ("['https://…/a.jpg', 'https://…/b.pdf']", seen in the wild), a single URL string, or null / "" / [].
 * parseAttachments() turns every one of them into a flat list of URLs, in order, without duplicates, and never throws.
 */

/** Keys of an attachment object that hold the file link, in order of preference. */
const LINK_KEYS = ['url', 'file', 'link', 'attachment_url', 'file_url', 'href', 'src'];

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;

export function parseAttachments(value: unknown): string[] {
	const found: string[] = [];
	collect(value, found, 0);
	return [...new Set(found)];
}

function collect(value: unknown, found: string[], depth: number): void {
	if (value === null || value === undefined || depth > 5) return;
	if (typeof value === 'string') {
		collectFromString(value, found, depth);
		return;
	}
	if (Array.isArray(value)) {
		for (const entry of value) collect(entry, found, depth + 1);
		return;
	}
	if (typeof value === 'object') collectFromObject(value as Record<string, unknown>, found, depth);
	// Numbers and booleans carry no link.
}

function collectFromString(text: string, found: string[], depth: number): void {
	const trimmed = text.trim();
	if (trimmed === '') return;
	if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
		const parsed = parseListLiteral(trimmed);
		if (parsed.ok) {
			collect(parsed.value, found, depth + 1);
			return;
		}
		// Not a list after all: fall back to the links written in it.
		for (const match of trimmed.matchAll(/https?:\/\/[^\s'"\]}]+/gi))
			found.push(match[0].replace(/,$/, ''));
		return;
	}
	// Several links in one string ("https://…/a.jpg, https://…/b.jpg"): split them apart.
	if ((trimmed.match(/:\/\//g) ?? []).length > 1) {
		found.push(...trimmed.split(/[\s,;]+/).filter((part) => part !== ''));
		return;
	}
	found.push(trimmed);
}

function collectFromObject(entry: Record<string, unknown>, found: string[], depth: number): void {
	for (const key of LINK_KEYS) {
		const link = entry[key];
		if (typeof link === 'string' && link.trim() !== '') {
			found.push(link.trim());
			return;
		}
		if (link !== null && typeof link === 'object') {
			const nested: string[] = [];
			collect(link, nested, depth + 1);
			if (nested.length > 0) {
				found.push(...nested);
				return;
			}
		}
	}
	// A "dictionary of file links" with other keys (e.g. {"photo": "https://…"}): take the values that are links.
	for (const item of Object.values(entry)) {
		if (typeof item === 'string' && URL_PATTERN.test(item.trim())) found.push(item.trim());
		else if (item !== null && typeof item === 'object') collect(item, found, depth + 1);
	}
}
