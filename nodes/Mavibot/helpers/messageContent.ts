import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { BinaryAttachment } from './binaryAttachment';
import { binaryAttachment } from './binaryAttachment';
import { buildButtons } from './buttons';
import { locatorValue } from './parameters';
import { applyScheduling } from './scheduling';
import { invalidParameter, isBlank } from './validation';

export interface MessageBody {
	body: IDataObject;
	/** What the output says about a binary file sent by link (Attachment Source: Binary File). */
	attachment?: IDataObject;
}

const fromBinary = (fields: IDataObject) => fields.attachmentSource === 'binary';

/**
 * The body of `message`, `whatsapp_message` and `broadcast`: the recipient, the content (Text and Additional Fields),
 * what `extra` reads from the Additional Fields, the schedule, then a binary file's link (which must outlive the
 * scheduled send).
 */
export async function messageBody(
	context: IExecuteFunctions,
	itemIndex: number,
	recipient: IDataObject,
	extra?: (fields: IDataObject) => IDataObject,
): Promise<MessageBody> {
	const text = context.getNodeParameter('text', itemIndex, '') as string;
	const fields = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		...recipient,
		...buildMessageContent(context, itemIndex, text, fields),
		...extra?.(fields),
	};
	applyScheduling(context, itemIndex, fields, body);
	if (!fromBinary(fields)) return { body };
	const file = await attachBinaryFile(context, itemIndex, fields, body);
	return {
		body,
		attachment: {
			attachment_type: file.attachment_type,
			fileName: file.fileName,
			mimeType: file.mimeType,
			linkExpiresAt: file.expiresAt,
		},
	};
}

/** Adds `attachment_url` / `attachment_type` for the item's binary file (Attachment Source: Binary File). */
async function attachBinaryFile(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	body: IDataObject,
): Promise<BinaryAttachment> {
	const credentials = await context.getCredentials('mavibotApi');
	const file = binaryAttachment(context, itemIndex, {
		propertyName: 'additionalFields.attachmentBinaryField',
		attachmentType: fields.attachmentType as string | undefined,
		publicBaseUrl: fields.attachmentLinkBaseUrl as string | undefined,
		lifetimeMinutes: fields.attachmentLinkLifetime as number | undefined,
		schedule: {
			sendTime: body.send_time as string | undefined,
			timeZone: isBlank(fields.timeZone) ? undefined : String(fields.timeZone).trim(),
			delaySeconds: body.time_shift as number | undefined,
		},
		mavibotBaseUrl: credentials.baseUrl as string | undefined,
	});
	body.attachment_url = file.attachment_url;
	body.attachment_type = file.attachment_type;
	return file;
}

/**
 * The content part of `message`, `whatsapp_message` and `broadcast`: text, bot block, attachment and buttons,
 * checked before anything is sent.
 */
export function buildMessageContent(
	context: IExecuteFunctions,
	itemIndex: number,
	text: string,
	fields: IDataObject,
): IDataObject {
	const content: IDataObject = {};
	if (!isBlank(text)) content.message = text;
	const block = isBlank(fields.botBlock)
		? ''
		: locatorValue(context, itemIndex, 'additionalFields.botBlock');
	if (block) {
		if (!/^\d+$/.test(block)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Bot Block',
				`is "${block}", which is not a block ID`,
				'Pick a block from the list or give its numeric ID.',
			);
		}
		content.message_id = Number(block);
	}
	if (!fromBinary(fields) && !isBlank(fields.attachmentUrl)) {
		if (isBlank(fields.attachmentType)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Attachment Type',
				'is missing while "Attachment URL" is set',
				'Choose the attachment type (image, video, audio, file or link).',
			);
		}
		content.attachment_url = String(fields.attachmentUrl).trim();
		content.attachment_type = fields.attachmentType;
	}
	const buttons = buildButtons(context, itemIndex, fields);
	if (buttons) content.buttons = buttons;
	const attachment = content.attachment_url !== undefined || fromBinary(fields);
	if (!content.message && !attachment && content.message_id === undefined) {
		throw invalidParameter(
			context,
			itemIndex,
			'Text',
			'is empty and there is no attachment or bot block to send',
			'Write the message text, or add an Attachment URL or a Bot Block under Additional Fields.',
		);
	}
	return content;
}
