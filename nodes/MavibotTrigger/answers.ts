import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

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
