import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { buildButtons } from './buttons';
import { locatorValue } from './parameters';
import { applyScheduling } from './scheduling';
import { invalidParameter, isBlank } from './validation';

/**
 * The body of `message`, `whatsapp_message` and `broadcast`: the recipient, the content (Text and Additional Fields),
 * what `extra` reads from the Additional Fields, then the schedule.
 */
export function messageBody(
	context: IExecuteFunctions,
	itemIndex: number,
	recipient: IDataObject,
	extra?: (fields: IDataObject) => IDataObject,
): IDataObject {
	const text = context.getNodeParameter('text', itemIndex, '') as string;
	const fields = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		...recipient,
		...buildMessageContent(context, itemIndex, text, fields),
		...extra?.(fields),
	};
	applyScheduling(context, itemIndex, fields, body);
	return body;
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
	if (!isBlank(fields.attachmentUrl)) {
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
	if (!content.message && !content.attachment_url && content.message_id === undefined) {
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
