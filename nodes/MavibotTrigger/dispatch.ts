import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { refuse } from './answers';
import { readJsonBody } from './requestBody';
import { DEFAULT_SOURCE, sourceNamed } from './sources';
import { queryWithoutToken } from './token';
import { refuseUnverified } from './verification';

/** What every request goes through: checks the token and reads the body, then hands it to the chosen event source. */
export async function dispatch(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const refusal = await refuseUnverified(context);
	if (refusal) return refusal;
	const request = context.getRequestObject() as {
		body?: unknown;
		rawBody?: unknown;
		readRawBody?: () => Promise<void>;
	};
	// n8n reads the body of a trigger whose version is not exactly 1 (so 1.1) only for the content types it parses;
	// JSON sent without one, or with another one, is read here.
	if (
		request.body === undefined &&
		request.rawBody === undefined &&
		typeof request.readRawBody === 'function'
	) {
		await request.readRawBody();
	}
	const body = readJsonBody({ body: request.body, rawBody: request.rawBody });
	if (!body.ok) return refuse(context, 400, body.reason);
	const receivedAt = new Date();
	const source = sourceNamed(context.getNodeParameter('source', DEFAULT_SOURCE));
	const query = queryWithoutToken(context.getQueryData()) as IDataObject;
	return await source.handle(context, { body: body.value, query, receivedAt });
}
