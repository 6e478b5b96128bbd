import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';

import { toUnixSeconds } from '../../../helpers/dates';
import { invalidParameter } from '../../../helpers/validation';

const UNIT_MS: Record<string, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/** Until when the execution waits: "Limit Wait Time", or n8n's "indefinitely" (the year 3000). */
export function waitTill(context: IExecuteFunctions, itemIndex: number, now = Date.now()): Date {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const limit = (options.limitWaitTime as IDataObject | undefined)?.values as
		| IDataObject
		| undefined;
	if (!limit) return WAIT_INDEFINITELY;
	if (limit.limitType === 'atSpecifiedTime') {
		const seconds = toUnixSeconds(limit.maxDateAndTime, context.getTimezone());
		if (seconds === undefined) {
			throw invalidParameter(
				context,
				itemIndex,
				'Limit Wait Time → Max Date and Time',
				`is "${String(limit.maxDateAndTime ?? '')}", which is not a date and time`,
				'Pick a date and time, or give an ISO date such as 2026-05-01T18:00:00.',
			);
		}
		if (seconds * 1000 <= now) {
			throw invalidParameter(
				context,
				itemIndex,
				'Limit Wait Time → Max Date and Time',
				'is in the past',
				'Give a time in the future, e.g. {{ $now.plus({ days: 1 }) }}.',
			);
		}
		return new Date(seconds * 1000);
	}
	const amount = Number(limit.resumeAmount);
	const unit = UNIT_MS[String(limit.resumeUnit ?? 'days')];
	if (!Number.isFinite(amount) || amount <= 0 || unit === undefined) {
		throw invalidParameter(
			context,
			itemIndex,
			'Limit Wait Time → Amount',
			`is "${String(limit.resumeAmount ?? '')}"`,
			'Give a positive number of minutes, hours or days.',
		);
	}
	return new Date(now + amount * unit);
}

/**
 * Puts the execution to wait until `until`; returns whether that is a real limit (not "indefinitely"). When the limit
 * passes, n8n resumes the node disabled, and it passes on the data it was waiting with: that data is what comes out
 * when nobody answered in time (an answer replaces it with the webhook's output). Safe because the operation runs
 * once per execution (`runsOnce`): no other item edits the execute data meanwhile.
 */
export async function waitForAnswer(context: IExecuteFunctions, until: Date): Promise<boolean> {
	await context.putExecutionToWait(until);
	const limited = until.getTime() < new Date('2999-01-01').getTime();
	if (limited) {
		context.getExecuteData().data = {
			main: [
				[
					{
						json: { data: {}, timedOut: true, waitLimit: until.toISOString() },
						pairedItem: { item: 0 },
					},
				],
			],
		};
	}
	return limited;
}
