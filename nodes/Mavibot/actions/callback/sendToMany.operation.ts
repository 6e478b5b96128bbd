import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { chunk } from '../../helpers/idList';
import { locatorValue, platformIdList } from '../../helpers/parameters';
import { applyScheduling } from '../../helpers/scheduling';
import type { OperationOption, OperationResult } from '../types';
import { botLocator } from '../fields/botLocators';
import { collection, requiredTextField } from '../fields/builders';
import { scheduleFields } from '../fields/schedule';
import { callbackTextField } from './fields';
import { readCallbackText } from './readParameters';

export const option: OperationOption = {
	name: 'Send to Many',
	value: 'sendToMany',
	action: 'Send a callback to many clients by messenger ID',
	description:
		'Send the same hidden callback message to clients by their messenger IDs (of one bot, or of the whole project), any number (300 per request, one after the other); outputs one summary item (send_callback_by_platform_id)',
};

/** send_callback_by_platform_id accepts at most 300 platform IDs per request. */
export const PLATFORM_IDS_PER_REQUEST = 300;

export const description: INodeProperties[] = [
	requiredTextField(
		'Platform IDs',
		'platformIds',
		'e.g. 407184121, 5566778899',
		'Messenger IDs of the clients (Telegram user IDs, WhatsApp phones, VK IDs…), separated by commas or new lines, or an expression that returns an array. Any number: they are sent 300 per request, one request after the other.',
		{ typeOptions: { rows: 4 } },
	),
	botLocator('searchBots', {
		description:
			'Only clients of this bot get the callback (group_id): the same messenger ID can belong to clients of other bots. Leave empty to send to every client of the project with one of these IDs.',
	}),
	callbackTextField(),
	collection('Additional Fields', [...scheduleFields]),
];

/** Says in the error how many IDs Mavibot already got, so that the user does not send them twice. */
function withProgress(
	error: unknown,
	handled: number,
	ids: Array<string | number>,
	requests: number,
): unknown {
	if (!(error instanceof Error)) return error;
	const total = ids.length;
	const note = `${handled} of ${total} platform IDs were already handled by ${requests} earlier request${requests === 1 ? '' : 's'}`;
	error.message = error.message.replace(/( \[item \d+\])?$/, (tail) => `; ${note}${tail}`);
	const described = error as Error & { description?: string | null };
	described.description = [
		`Do not send the first ${handled} platform IDs again: Mavibot already received them.`,
		`Retry with the remaining ${total - handled} IDs only, starting with ID ${handled + 1} ("${ids[handled]}").`,
		described.description ?? '',
	]
		.join(' ')
		.trim();
	return error;
}

/** The number of callbacks one request reports (`sent`), if the answer has it. */
function sentCount(response: IDataObject | undefined): number | undefined {
	const value = response?.sent;
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
	return undefined;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const ids = platformIdList(this, itemIndex, 'platformIds', 'Platform IDs');
	const groupId = locatorValue(this, itemIndex, 'bot');
	const text = readCallbackText(this, itemIndex) as string;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const schedule: IDataObject = {};
	applyScheduling(this, itemIndex, fields, schedule);

	const parts = chunk(ids, PLATFORM_IDS_PER_REQUEST);
	let handled = 0;
	let sent = 0;
	let everyAnswerCounted = true;
	for (const [index, platformIds] of parts.entries()) {
		const body: IDataObject = { platform_ids: platformIds, callback_text: text, ...schedule };
		if (groupId) body.group_id = groupId;
		let response: IDataObject;
		try {
			response = (await mavibotApiRequest.call(
				this,
				'send_callback_by_platform_id',
				{ body },
				itemIndex,
			)) as IDataObject;
		} catch (error) {
			throw index === 0 ? error : withProgress(error, handled, ids, index);
		}
		handled += platformIds.length;
		const count = sentCount(response);
		if (count === undefined) everyAnswerCounted = false;
		else sent += count;
	}
	return {
		status: 'success',
		platformIds: ids.length,
		requests: parts.length,
		...(everyAnswerCounted ? { sent } : {}),
	};
}
