/**
 * All attachments of one message event downloaded within one time budget (the trigger's "Download Attachments").
 * A file that fails never fails the event: it is listed in `errors` and its link stays in the event's JSON.
 *
 * Binary properties: the first file downloaded is `data` (as in n8n's Telegram Trigger, and what downstream nodes
 * read by default), the next ones `data_1`, `data_2`, … in the order of the links; `files` says which property holds
 * which link. On n8n 1.x, after a webhook execution n8n moves only the first item's `data` out of its temporary
 * binary folder and deletes the rest of that folder: every file is readable while the workflow runs, only `data`
 * stays in the saved execution, and nothing is left behind.
 */
import type { IBinaryKeyData, IDataObject } from 'n8n-workflow';

import type { DownloadBudget, DownloadContext } from './download';
import { DownloadError, downloadFile } from './download';
import type { FileHint } from './fileNames';

export interface AttachmentLink extends FileHint {
	url: string;
}

export interface DownloadedAttachments {
	binary: IBinaryKeyData;
	/** One entry per file downloaded: `{ url, binaryProperty, fileName, mimeType, bytes }`, in link order. */
	files: IDataObject[];
	/** One entry per file that failed: `{ url, problem, error }`, in link order. */
	errors: IDataObject[];
}

export const binaryPropertyFor = (index: number) => (index === 0 ? 'data' : `data_${index}`);

export async function downloadAttachments(
	context: DownloadContext,
	links: AttachmentLink[],
	limits: { maxBytes: number; allowPrivate: boolean; budget: DownloadBudget },
): Promise<DownloadedAttachments> {
	// In parallel, under the one budget: the event's answer waits for the slowest file only.
	const outcomes = await Promise.all(
		links.map(async (link) => {
			try {
				return {
					link,
					file: await downloadFile(context, link.url, {
						...limits,
						hint: { fileName: link.fileName, mimeType: link.mimeType },
					}),
				};
			} catch (error) {
				const failure =
					error instanceof DownloadError
						? error
						: new DownloadError('connection', (error as Error).message);
				return { link, failure };
			}
		}),
	);
	const result: DownloadedAttachments = { binary: {}, files: [], errors: [] };
	for (const outcome of outcomes) {
		if (outcome.file) {
			const binaryProperty = binaryPropertyFor(result.files.length);
			result.binary[binaryProperty] = outcome.file.binary;
			result.files.push({
				url: outcome.link.url,
				binaryProperty,
				fileName: outcome.file.binary.fileName ?? 'file',
				mimeType: outcome.file.binary.mimeType,
				bytes: outcome.file.bytes,
			});
		} else {
			result.errors.push({
				url: outcome.link.url,
				problem: outcome.failure.problem,
				error: outcome.failure.message,
			});
		}
	}
	return result;
}
