import { LINK_KEYS, parseAttachments } from './attachments';
import { parseListLiteral } from './pythonLiteral';

/**
 * The details of each attachment: what `attachments` (a list of URLs) leaves out. Attachment objects carry a name and
 * a type beside their link ({"url": …, "name": …, "type": …}, {"attachment_url": …, "attachment_type": …}); URL
 * strings carry neither. One entry per URL of `attachments`, in the same order, with null where Mavibot gave nothing:
 * nothing is guessed from the URL.
 */
export interface AttachmentDetail {
	url: string;
	name: string | null;
	type: string | null;
	[key: string]: string | null;
}

/** Keys of an attachment object that name the file, and that give its type, in order of preference. */
const NAME_KEYS = ['name', 'filename', 'file_name', 'attachment_name', 'title'];
const TYPE_KEYS = ['type', 'attachment_type', 'file_type', 'mime_type', 'content_type'];

function firstText(entry: Record<string, unknown>, keys: readonly string[]): string | null {
	for (const key of keys) {
		const value = entry[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return null;
}

/** Every attachment object in the value (lists, strings holding a list, nested lists), in order. */
function objects(value: unknown, found: Record<string, unknown>[], depth: number): void {
	if (value === null || value === undefined || depth > 5) return;
	if (typeof value === 'string') {
		const trimmed = value.trim();
		if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return;
		const parsed = parseListLiteral(trimmed);
		if (parsed.ok) objects(parsed.value, found, depth + 1);
		return;
	}
	if (Array.isArray(value)) {
		for (const entry of value) objects(entry, found, depth + 1);
		return;
	}
	if (typeof value === 'object') found.push(value as Record<string, unknown>);
}

export function parseAttachmentDetails(value: unknown): AttachmentDetail[] {
	const described = new Map<string, { name: string | null; type: string | null }>();
	const found: Record<string, unknown>[] = [];
	objects(value, found, 0);
	for (const entry of found) {
		const url = firstText(entry, LINK_KEYS);
		if (url !== null && !described.has(url))
			described.set(url, { name: firstText(entry, NAME_KEYS), type: firstText(entry, TYPE_KEYS) });
	}
	return parseAttachments(value).map((url) => ({
		url,
		name: described.get(url)?.name ?? null,
		type: described.get(url)?.type ?? null,
	}));
}
