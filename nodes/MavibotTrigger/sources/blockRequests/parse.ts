import type { IDataObject } from 'n8n-workflow';

import type { Result } from '../../requestBody';
import { describeType } from '../../requestBody';

/**
 * A call from the "API request" section of a Mavibot bot block (type POST-json): the body is the block's "JSON
 * parameters" with the bot's variables filled in, e.g. {"client_id": "12345", "question": "Where is my order?"}.
 * The workflow's answer goes back to the block, which saves its fields into bot variables ("Saved values").
 */
export interface BlockRequest extends IDataObject {
	body: IDataObject;
	query: IDataObject;
	receivedAt: string;
}

/** `payload` is the parsed body, or undefined when the block sent none; `query` comes without the token. */
export function toBlockRequest(
	payload: unknown,
	query: IDataObject,
	receivedAt: Date,
): Result<BlockRequest> {
	if (
		payload !== undefined &&
		(payload === null || typeof payload !== 'object' || Array.isArray(payload))
	) {
		return {
			ok: false,
			reason: `Not a bot block request: the body must be a JSON object (the block's JSON parameters), got ${describeType(payload)}`,
		};
	}
	return {
		ok: true,
		value: { body: (payload ?? {}) as IDataObject, query, receivedAt: receivedAt.toISOString() },
	};
}
