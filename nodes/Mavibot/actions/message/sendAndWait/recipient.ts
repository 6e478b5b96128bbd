import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toApiId } from '../../../helpers/idList';
import { locatorValue, readBot, requiredClientId, requiredId } from '../../../helpers/parameters';
import { whatsAppNumber } from '../../../helpers/contactParameters';
import { mavibotApiRequestOrNotFound } from '../../../transport';

export interface Recipient {
	clientId: string | number;
	/** WhatsApp shows no link buttons: the links go into the text. */
	linksInText: boolean;
	lookup?: IDataObject;
}

function notFound(
	context: IExecuteFunctions,
	itemIndex: number,
	who: string,
	fix: string,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`No Mavibot client has ${who} [item ${itemIndex}]`,
		{
			itemIndex,
			description: fix,
		},
	);
}

/** The client the question goes to: by client ID, or looked up by Telegram user + bot or WhatsApp phone + channel. */
export async function resolveRecipient(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<Recipient> {
	const sendTo = context.getNodeParameter('sendTo', itemIndex, 'clientId') as string;
	if (sendTo === 'telegram') {
		const userId = String(
			requiredId(
				context,
				itemIndex,
				'telegramUserId',
				'Telegram User ID',
				"Give the client's Telegram user ID.",
			),
		);
		const bot = readBot(
			context,
			itemIndex,
			'telegramBot',
			'Telegram Bot',
			'Pick the Telegram bot the client talks to, or give its username.',
		);
		const body: IDataObject = { platform_ids: [userId], group_id: bot };
		const found = await mavibotApiRequestOrNotFound.call(
			context,
			'find_client_id_by_platform_id',
			{ body },
			itemIndex,
		);
		const client = (Array.isArray(found) ? (found as IDataObject[]) : []).find(
			(candidate) =>
				candidate &&
				String(candidate.platform_id ?? userId) === userId &&
				candidate.id !== undefined,
		);
		if (!client) {
			throw notFound(
				context,
				itemIndex,
				`Telegram user ID ${userId} in bot ${bot}`,
				'The user must have started the bot. Check the ID and the bot, or send by client ID.',
			);
		}
		return {
			clientId: toApiId(client.id as string | number),
			linksInText: false,
			lookup: { telegramUserId: userId, bot },
		};
	}
	if (sendTo === 'whatsApp') {
		const phone = whatsAppNumber(context, itemIndex);
		const channel = locatorValue(context, itemIndex, 'whatsAppChannel');
		const qs: IDataObject = { phone, ...(channel ? { group_id: channel } : {}) };
		const found = (await mavibotApiRequestOrNotFound.call(
			context,
			'whatsapp_client_id',
			{ qs },
			itemIndex,
		)) as IDataObject | undefined;
		if (found?.client_id === undefined || found.client_id === null) {
			throw notFound(
				context,
				itemIndex,
				`the WhatsApp number ${phone}`,
				'Start the dialog first (e.g. Callback → Send by WhatsApp Phone), or check the number and the channel.',
			);
		}
		return {
			clientId: toApiId(found.client_id as string | number),
			linksInText: true,
			lookup: { phone },
		};
	}
	return { clientId: requiredClientId(context, itemIndex), linksInText: false };
}
