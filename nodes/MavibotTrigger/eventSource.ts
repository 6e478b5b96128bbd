import type {
	IDataObject,
	INodeProperties,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import type { FromParameters } from './webhookDescriptionFields';

/** What an event source gets: the checked request (token verified and removed), its JSON body, and when it arrived. */
export interface IncomingRequest {
	body: unknown;
	query: IDataObject;
	receivedAt: Date;
}

/**
 * One event source of the trigger (one folder in sources/, one line in the table of sources/index.ts): its option in
 * "Trigger On", its fields (`properties`, shown before the token fields, and `options`, after them), how n8n answers
 * Mavibot (functions of the node's parameters), and the handler that turns one request into workflow data.
 */
export interface EventSource {
	option: { name: string; value: string; description: string };
	subtitle: string;
	properties: INodeProperties[];
	options: INodeProperties[];
	/** The webhook's responseMode and responseData for this source (self-contained: see FromParameters). */
	response: { mode: FromParameters; data: FromParameters };
	handle(
		context: IWebhookFunctions,
		request: IncomingRequest,
	): IWebhookResponseData | Promise<IWebhookResponseData>;
}
