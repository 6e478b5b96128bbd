import type {
	IDataObject,
	INodeProperties,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import type { FromParameters } from './webhookDescriptionFields';

/** The fixed body n8n sends back to Mavibot for message events (and for filtered or repeated ones). */
export const ACCEPTED_BODY = { status: 'ok' } as const;

/** Sends an error answer itself and tells n8n not to answer nor to run the workflow. */
export function refuse(
	context: IWebhookFunctions,
	httpStatus: number,
	message: string,
): IWebhookResponseData {
	context.getResponseObject().status(httpStatus).json({ status: 'error', message });
	return { noWebhookResponse: true };
}

/** What an event source gets: the checked request, its JSON body, and when it arrived. */
export interface IncomingRequest {
	body: unknown;
	query: IDataObject;
	receivedAt: Date;
}

/**
 * One event source of the trigger: its option in "Event Source", its fields (`properties`, shown before the token
 * fields, and `options`, after them), how n8n answers Mavibot (functions of the node's parameters), and the
 * handler that turns one request into workflow data.
 */
export interface EventSource {
	option: { name: string; value: string; description: string };
	subtitle: string;
	properties: INodeProperties[];
	options: INodeProperties[];
	/** The webhook's responseMode and responseData for this source (self-contained: see FromParameters). */
	response: { mode: FromParameters; data: FromParameters };
	handle(context: IWebhookFunctions, request: IncomingRequest): IWebhookResponseData;
}
