import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { MessageEvent } from './parse';

export type Direction = 'incoming' | 'outgoing' | 'both';
export type DeliveryStatus = 'any' | 'delivered' | 'failed';
export type SystemNotifications = 'include' | 'exclude' | 'only';

export interface MessageFilters {
	direction: Direction;
	messengerTypeIds: number[];
	bots: string[];
	deliveryStatus: DeliveryStatus;
	systemNotifications: SystemNotifications;
}

/** The filters as the node's Direction and Filters parameters set them. */
export function messageFilters(context: IWebhookFunctions): MessageFilters {
	const filters = context.getNodeParameter('filters', {}) as IDataObject;
	return {
		direction: context.getNodeParameter('direction', 'incoming') as Direction,
		messengerTypeIds: ((filters.messengerTypes as unknown[] | undefined) ?? []).map(Number),
		bots: parseBotList(filters.bots),
		deliveryStatus: (filters.deliveryStatus as DeliveryStatus | undefined) ?? 'any',
		systemNotifications:
			(filters.systemNotifications as SystemNotifications | undefined) ?? 'include',
	};
}

/** The bots (client.group values) of the Bots filter: comma- or newline-separated, "@" and case ignored. */
export function parseBotList(value: unknown): string[] {
	const entries = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\n,]+/);
	return entries.map(normaliseBot).filter((bot) => bot !== '');
}

function normaliseBot(bot: string): string {
	return bot.trim().replace(/^@/, '').toLowerCase();
}

/** Why the event does not pass the filters, or null when it does. */
export function filterOut(event: MessageEvent, filters: MessageFilters): string | null {
	if (filters.direction !== 'both' && event.direction !== filters.direction) {
		return `direction is ${event.direction}`;
	}
	if (
		filters.messengerTypeIds.length > 0 &&
		(event.client.messengerTypeId === null ||
			!filters.messengerTypeIds.includes(event.client.messengerTypeId))
	) {
		return `messenger type ${event.client.messengerTypeId ?? 'unknown'} is not selected`;
	}
	if (filters.bots.length > 0 && !filters.bots.includes(normaliseBot(event.client.bot ?? ''))) {
		return `bot "${event.client.bot ?? ''}" is not selected`;
	}
	if (filters.deliveryStatus === 'delivered' && event.delivered !== true)
		return 'the message was not delivered';
	if (filters.deliveryStatus === 'failed' && event.delivered !== false)
		return 'the message did not fail';
	if (filters.systemNotifications === 'exclude' && event.isSystemNotification)
		return 'it is a system notification';
	if (filters.systemNotifications === 'only' && !event.isSystemNotification)
		return 'it is not a system notification';
	return null;
}
