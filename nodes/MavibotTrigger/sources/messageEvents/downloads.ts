import type { IBinaryKeyData, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { AttachmentLink } from '../../../shared/download/attachments';
import { downloadAttachments } from '../../../shared/download/attachments';
import { downloadBudget } from '../../../shared/download/download';
import type { FileHint } from '../../../shared/download/fileNames';
import type { DownloadLimitValues } from '../../../shared/download/options';
import { readDownloadLimits } from '../../../shared/download/options';
import { parseListLiteral } from './pythonLiteral';

/**
 * "Download Attachments": every attachment link of the event becomes binary data (shared/download/attachments.ts:
 * `data`, `data_1`, … under one time budget for the event). A file that fails never fails the event: the workflow
 * runs, the links stay in `attachments`, `attachmentFiles` says which binary property holds which link and
 * `attachmentErrors` what went wrong with the others.
 */
export async function downloadEventAttachments(
	context: IWebhookFunctions,
	links: string[],
	rawAttachments: unknown,
	options: DownloadLimitValues,
): Promise<{ json: IDataObject; binary: IBinaryKeyData }> {
	const read = readDownloadLimits(options);
	if (!read.ok) {
		const error = `"${read.field}" ${read.problem}: no attachment was downloaded`;
		return {
			json: {
				attachmentFiles: [],
				attachmentErrors: links.map((url) => ({ url, problem: 'options', error })),
			},
			binary: {},
		};
	}
	const hints = attachmentHints(rawAttachments);
	const { maxBytes, seconds, allowPrivate } = read.limits;
	const result = await downloadAttachments(
		context,
		links.map((url): AttachmentLink => ({ url, ...hints.get(url) })),
		{ maxBytes, allowPrivate, budget: downloadBudget(seconds) },
	);
	return {
		json: { attachmentFiles: result.files, attachmentErrors: result.errors },
		binary: result.binary,
	};
}

const NAME_KEYS = ['name', 'file_name', 'filename', 'title'];
const TYPE_KEYS = ['mime_type', 'mimetype', 'content_type', 'type'];
const LINK_KEYS = ['url', 'file', 'link', 'attachment_url', 'file_url', 'href', 'src'];

/** The payload's own name and MIME type of each attachment object (`{"url", "name", "type"}`), by link. */
export function attachmentHints(value: unknown, depth = 0): Map<string, FileHint> {
	const hints = new Map<string, FileHint>();
	if (depth > 5 || value === null || value === undefined) return hints;
	let entries: unknown = value;
	if (typeof value === 'string') {
		const parsed = parseListLiteral(value.trim());
		if (!parsed.ok) return hints;
		entries = parsed.value;
	}
	for (const entry of Array.isArray(entries) ? entries : [entries]) {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) continue;
		const object = entry as Record<string, unknown>;
		const link = LINK_KEYS.map((key) => object[key]).find((item) => typeof item === 'string');
		if (typeof link !== 'string') continue;
		const text = (keys: string[]) =>
			keys.map((key) => object[key]).find((item) => typeof item === 'string' && item.trim() !== '');
		const mimeType = text(TYPE_KEYS);
		hints.set(link.trim(), {
			fileName: text(NAME_KEYS) as string | undefined,
			// Mavibot's own `type` is often a kind (image, file), not a MIME type: only type/subtype counts.
			mimeType: typeof mimeType === 'string' && mimeType.includes('/') ? mimeType : undefined,
		});
	}
	return hints;
}
