import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { assertReachable, onPublicBase } from './linkAddress';
import { wallClockToInstant } from './scheduling';
import { invalidParameter, isBlank } from './validation';

/**
 * An input binary file sent as a Mavibot attachment. Mavibot takes only a link (`attachment_url`), so n8n publishes
 * the file under a signed, expiring link: `helpers.createBinarySignedUrl` (n8n-core, 1.x and 2.x) gives
 * `<restApiUrl>/binary-data/signed?token=<JWT of the binary data ID>`, served without login by n8n's
 * BinaryDataController with the file's stored Content-Type and `Content-Disposition: attachment; filename="…"`.
 * The link lives only as long as the token (n8n's default is a day) AND the file, which n8n deletes with its
 * execution: the checks below refuse a send whose link would be dead before Mavibot fetches it.
 */

export type AttachmentKind = 'image' | 'video' | 'audio' | 'file';

/** n8n's own default lifetime of a signed link ('1 day'), and the longest this node asks for. */
export const MAX_LINK_LIFETIME_MINUTES = 24 * 60;
export const MIN_LINK_LIFETIME_MINUTES = 5;
/** Time Mavibot gets to fetch the file after the send time before the link may expire. */
export const FETCH_MARGIN_MINUTES = 5;

export interface BinaryAttachmentOptions {
	/** The parameter that names the binary property, and its display name (for errors). */
	propertyName: string;
	/** 'auto' (from the MIME type) or an attachment type. */
	attachmentType?: string;
	/** Replaces n8n's own base URL (WEBHOOK_URL, or protocol/host/port/path) in the link. */
	publicBaseUrl?: string;
	/** Link lifetime in minutes; MAX_LINK_LIFETIME_MINUTES when not set. */
	lifetimeMinutes?: number;
	/** When Mavibot sends the message: the request body's `send_time` / `time_shift` (see applyScheduling). */
	schedule?: { sendTime?: string; timeZone?: string; delaySeconds?: number };
	/** Mavibot's base URL (the credential): a link on this machine or a private network is useless unless it is too. */
	mavibotBaseUrl?: string;
	/** The clock, for tests. */
	now?: Date;
}

export interface BinaryAttachment {
	attachment_url: string;
	attachment_type: AttachmentKind;
	fileName?: string;
	mimeType?: string;
	expiresAt: string;
}

export const DISPLAY = {
	property: 'Attachment Binary Field',
	baseUrl: 'Attachment Link Base URL',
	lifetime: 'Attachment Link Lifetime',
	sendAt: 'Send At',
	delay: 'Delay (Seconds)',
};

/** Photo formats messengers show as pictures; other images (SVG, TIFF, HEIC…) go as files. */
const PICTURE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp']);

/** Mavibot's attachment_type for a MIME type: image, video, audio, or file for everything else. */
export function attachmentKindOf(mimeType: string | undefined): AttachmentKind {
	const type = String(mimeType ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();
	if (PICTURE_TYPES.has(type) || type === 'image/jpg') return 'image';
	if (type.startsWith('video/')) return 'video';
	if (type.startsWith('audio/')) return 'audio';
	return 'file';
}

function readBinary(
	context: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
): IBinaryData {
	const name = String(context.getNodeParameter(propertyName, itemIndex, 'data') ?? '').trim();
	if (!name) {
		throw invalidParameter(
			context,
			itemIndex,
			DISPLAY.property,
			'is empty',
			'Give the name of the input binary field that holds the file, e.g. data.',
		);
	}
	const binary = context.getInputData()[itemIndex]?.binary ?? {};
	const data = binary[name];
	if (!data) {
		const present = Object.keys(binary);
		throw invalidParameter(
			context,
			itemIndex,
			DISPLAY.property,
			`is "${name}", but the input item has no binary field of that name (${
				present.length ? `it has: ${present.join(', ')}` : 'it has no binary data at all'
			})`,
			'Give the name of a binary field of the input item (the Binary tab of the previous node shows them), or make the file before this node, e.g. with Convert to File or HTTP Request.',
		);
	}
	return data;
}

/** Refuses memory mode and executions whose files n8n deletes before Mavibot can fetch them. */
function assertLinkable(context: IExecuteFunctions, itemIndex: number, data: IBinaryData): void {
	if (!data.id) {
		throw invalidParameter(
			context,
			itemIndex,
			DISPLAY.property,
			'holds a file that n8n keeps in memory, and n8n can give no link to such a file',
			'Set N8N_DEFAULT_BINARY_DATA_MODE=filesystem in the environment of n8n and restart it (memory is the default of n8n 1.x; 2.x stores files on disk unless set otherwise), then run the workflow again. Or send the file from a public URL with Attachment Source: URL.',
		);
	}
	const settings = context.getWorkflowSettings() as IDataObject;
	const manual = context.getMode() === 'manual';
	const unsaved = manual
		? settings.saveManualExecutions === false
		: settings.saveDataSuccessExecution === 'none';
	if (unsaved) {
		throw invalidParameter(
			context,
			itemIndex,
			DISPLAY.property,
			`cannot be sent by link: this workflow does not save ${
				manual ? 'manual executions' : 'successful production executions'
			}, and n8n deletes the files of an execution it does not save (n8n 1.x as soon as the execution ends, 2.x at its next pruning), so Mavibot would find the link dead`,
			`Open the workflow's Settings and set "${
				manual ? 'Save manual executions' : 'Save successful production executions'
			}" to Save, or send the file from a public URL with Attachment Source: URL.`,
		);
	}
}

function readLifetime(
	context: IExecuteFunctions,
	itemIndex: number,
	value: number | undefined,
): number {
	if (value === undefined || isBlank(value)) return MAX_LINK_LIFETIME_MINUTES;
	const minutes = Number(value);
	if (
		!Number.isFinite(minutes) ||
		minutes < MIN_LINK_LIFETIME_MINUTES ||
		minutes > MAX_LINK_LIFETIME_MINUTES
	) {
		throw invalidParameter(
			context,
			itemIndex,
			DISPLAY.lifetime,
			`is "${String(value)}"`,
			`Use a number of minutes from ${MIN_LINK_LIFETIME_MINUTES} to ${MAX_LINK_LIFETIME_MINUTES} (a day: n8n's own default for a signed link, and the longest this node asks for).`,
		);
	}
	return Math.floor(minutes);
}

/** When Mavibot sends the message: the delay wins over Send At (as the API does), else now. */
function sendInstant(
	context: IExecuteFunctions,
	itemIndex: number,
	schedule: BinaryAttachmentOptions['schedule'],
	now: Date,
): { at: Date; parameter?: string } {
	if (schedule?.delaySeconds && schedule.delaySeconds > 0) {
		return {
			at: new Date(now.getTime() + schedule.delaySeconds * 1000),
			parameter: DISPLAY.delay,
		};
	}
	if (schedule?.sendTime) {
		const timeZone = schedule.timeZone ?? context.getTimezone();
		const at = wallClockToInstant(schedule.sendTime, timeZone);
		if (at) return { at, parameter: DISPLAY.sendAt };
	}
	return { at: now };
}

/**
 * Makes n8n publish the item's binary file under a signed link and returns what Mavibot's send takes
 * (`attachment_url`, `attachment_type`) plus what the output reports. Throws, naming the parameter and the item,
 * when the link could not work: memory mode, an unsaved execution, an unreachable address, or a link that would
 * expire before the scheduled send.
 */
export function binaryAttachment(
	context: IExecuteFunctions,
	itemIndex: number,
	options: BinaryAttachmentOptions,
): BinaryAttachment {
	const now = options.now ?? new Date();
	const data = readBinary(context, itemIndex, options.propertyName);
	assertLinkable(context, itemIndex, data);
	const lifetime = readLifetime(context, itemIndex, options.lifetimeMinutes);
	const expiresAt = new Date(now.getTime() + lifetime * 60_000);
	const send = sendInstant(context, itemIndex, options.schedule, now);
	if (send.at.getTime() + FETCH_MARGIN_MINUTES * 60_000 > expiresAt.getTime()) {
		const limit = Math.max(
			0,
			Math.floor((expiresAt.getTime() - now.getTime()) / 60_000) - FETCH_MARGIN_MINUTES,
		);
		throw invalidParameter(
			context,
			itemIndex,
			send.parameter ?? DISPLAY.lifetime,
			`sends the message at ${send.at.toISOString()}, but the file's link expires at ${expiresAt.toISOString()} (${lifetime} minutes from now), so Mavibot would find it dead`,
			`Schedule the message at most ${limit} minutes ahead (n8n's signed links live a day at most, and Mavibot gets ${FETCH_MARGIN_MINUTES} minutes to fetch the file), lengthen "${DISPLAY.lifetime}", or send the file from a public URL with Attachment Source: URL.`,
		);
	}
	const signed = context.helpers.createBinarySignedUrl(data, `${lifetime * 60}s`);
	const onBase = isBlank(options.publicBaseUrl)
		? signed
		: onPublicBase(context, itemIndex, signed, String(options.publicBaseUrl));
	// n8n's endpoint ignores other query parameters (1.123 and 2.41 both): the link then ends with the file's name, for
	// a service that takes the name or the extension from the URL rather than from Content-Disposition.
	const link = data.fileName ? `${onBase}&filename=${encodeURIComponent(data.fileName)}` : onBase;
	assertReachable(context, itemIndex, link, options);
	const chosen = isBlank(options.attachmentType) ? 'auto' : String(options.attachmentType);
	return {
		attachment_url: link,
		attachment_type:
			chosen === 'auto' ? attachmentKindOf(data.mimeType) : (chosen as AttachmentKind),
		fileName: data.fileName,
		mimeType: data.mimeType,
		expiresAt: expiresAt.toISOString(),
	};
}
