import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import { requiredClientId } from '../../helpers/parameters';
import { toApiDay } from '../../helpers/dates';
import { invalidParameter, isBlank } from '../../helpers/validation';
import type { OperationOption, OperationResult } from '../types';
import { collection } from '../fields/builders';
import { clientIdField } from '../fields/clientId';

export const option: OperationOption = {
	name: 'Get History',
	value: 'getHistory',
	action: 'Get the dialog history of a client',
	description:
		'Read up to 2000 latest messages of the dialog with a client, optionally of a date range (one item per message)',
};

/** get_history returns at most 2000 messages (also its default). */
export const HISTORY_LIMIT = 2000;

export const description: INodeProperties[] = [
	{ ...clientIdField, description: 'The Mavibot client ID whose dialog history is read' },
	{
		displayName: 'Limit',
		name: 'messageLimit',
		type: 'number',
		default: HISTORY_LIMIT,
		typeOptions: { minValue: 1, maxValue: HISTORY_LIMIT },
		description:
			'Max number of messages to return (1–2000): the latest ones of the dialog or of the date range. Mavibot returns no more than 2000.',
	},
	collection('Filters', [
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description:
				'Last day of the period (stop_date, whole day included). Set together with Start Date. The day is taken in the workflow time zone.',
		},
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description:
				'First day of the period (start_date). Set together with End Date. The day is taken in the workflow time zone.',
		},
	]),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	},
];

function readDay(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	displayName: string,
): string | undefined {
	if (isBlank(value)) return undefined;
	const day = toApiDay(value, context.getTimezone());
	if (!day) {
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			`is "${String(value)}", which is not a date`,
			'Pick a date in the date picker, or give an ISO date such as 2025-01-31, a Luxon DateTime such as {{ $today.minus({ days: 7 }) }}, or dd.mm.yyyy.',
		);
	}
	return day;
}

const dayNumber = (day: string) => day.split('.').reverse().join('');

/** A history item → id, text, from_client, created_at, delivered, attachments, manager_email. */
function simplifyMessage(message: IDataObject): IDataObject {
	return {
		id: message.id ?? null,
		text: message.text ?? null,
		from_client: message.client_replica === undefined ? null : Boolean(message.client_replica),
		created_at: message.created_at ?? null,
		delivered: message.delivered ?? null,
		attachments: message.attachments ?? [],
		manager_email: message.manager_email ?? null,
	};
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const clientId = requiredClientId(this, itemIndex);
	const rawLimit = this.getNodeParameter('messageLimit', itemIndex, HISTORY_LIMIT) as unknown;
	const limit = Number(rawLimit);
	if (rawLimit === '' || !Number.isInteger(limit) || limit < 1 || limit > HISTORY_LIMIT) {
		throw invalidParameter(
			this,
			itemIndex,
			'Limit',
			`is "${String(rawLimit)}", which is not a whole number from 1 to ${HISTORY_LIMIT}`,
			`Give how many of the latest messages to return, at most ${HISTORY_LIMIT} (the Mavibot maximum).`,
		);
	}
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const start = readDay(this, itemIndex, filters.startDate, 'Start Date');
	const end = readDay(this, itemIndex, filters.endDate, 'End Date');
	if (start && !end) {
		throw invalidParameter(
			this,
			itemIndex,
			'End Date',
			'is missing while "Start Date" is set',
			'Mavibot needs both ends of the period: add End Date, or remove Start Date.',
		);
	}
	if (end && !start) {
		throw invalidParameter(
			this,
			itemIndex,
			'Start Date',
			'is missing while "End Date" is set',
			'Mavibot needs both ends of the period: add Start Date, or remove End Date.',
		);
	}
	const query: IDataObject = { client_id: clientId, limit };
	if (start && end) {
		if (dayNumber(start) > dayNumber(end)) {
			throw invalidParameter(
				this,
				itemIndex,
				'End Date',
				`(${end}) is before "Start Date" (${start})`,
				'Swap the two dates.',
			);
		}
		query.start_date = start;
		query.stop_date = end;
	}
	const response = (await mavibotApiRequest.call(
		this,
		'get_history',
		{ qs: query },
		itemIndex,
	)) as IDataObject;
	const messages = Array.isArray(response.result) ? (response.result as IDataObject[]) : [];
	return simplify ? messages.map(simplifyMessage) : messages;
}
