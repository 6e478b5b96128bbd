import type {
	IDataObject,
	IHookFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toBlockRequest } from './blockRequest';
import type { DeliveryStatus, Direction, MessageFilters, SystemNotifications } from './filters';
import { filterOut, parseBotList } from './filters';
import { readJsonBody, toMessageEvent } from './messageEvent';
import type { BlockResponseMode, EventSource } from './properties';
import { ACCEPTED_BODY } from './properties';
import { recentMessages } from './recentMessages';
import { TOKEN_MIN_LENGTH, TOKEN_QUERY_PARAMETER, queryWithoutToken, tokenMatches, tokenProblem } from './secret';

/**
 * The activation check, run by checkExists() (n8n calls it when the workflow is activated and when the editor starts
 * listening for a test event), so that a trigger that could never accept a request fails there, with a reason, instead
 * of answering every request with an error.
 */
export function checkSetup(this: IHookFunctions): void {
	if (this.getNodeParameter('verifyToken', true) as boolean) {
		const problem = tokenProblem(this.getNodeParameter('token', '') as string);
		if (problem !== null) {
			throw new NodeOperationError(this.getNode(), `The "Token" parameter ${problem}`, {
				description: `Set a Token of at least ${TOKEN_MIN_LENGTH} characters (letters, digits, - _ . ~), e.g. the output of "openssl rand -hex 24", and add it to the URL in Mavibot as ?token=… . Or turn off "Verify Token".`,
			});
		}
	}
}

/** Sends an error answer itself and tells n8n not to answer nor to run the workflow. */
function refuse(context: IWebhookFunctions, httpStatus: number, message: string): IWebhookResponseData {
	context.getResponseObject().status(httpStatus).json({ status: 'error', message });
	return { noWebhookResponse: true };
}

/** The key of the de-duplication memory: one memory per trigger node, and test runs apart from production. */
function triggerKey(context: IWebhookFunctions): string {
	const node = context.getNode();
	return `${context.getWorkflow().id ?? ''}:${node.id ?? node.name}:${context.getMode()}`;
}

function messageFilters(context: IWebhookFunctions): MessageFilters {
	const filters = context.getNodeParameter('filters', {}) as IDataObject;
	return {
		direction: context.getNodeParameter('direction', 'incoming') as Direction,
		messengerTypeIds: ((filters.messengerTypes as unknown[] | undefined) ?? []).map(Number),
		bots: parseBotList(filters.bots),
		deliveryStatus: (filters.deliveryStatus as DeliveryStatus | undefined) ?? 'any',
		systemNotifications: (filters.systemNotifications as SystemNotifications | undefined) ?? 'include',
	};
}

export async function handleWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	if (this.getNodeParameter('verifyToken', true) as boolean) {
		const token = this.getNodeParameter('token', '') as string;
		const problem = tokenProblem(token);
		if (problem !== null) {
			return refuse(this, 500, `The Mavibot Trigger in n8n cannot check requests: its "Token" ${problem}`);
		}
		const given = (this.getQueryData() as IDataObject)[TOKEN_QUERY_PARAMETER];
		if (given === undefined || given === '') {
			return refuse(this, 401, 'The URL has no token: add ?token= followed by the Token set in the n8n node');
		}
		if (!tokenMatches(given, token)) {
			return refuse(this, 401, 'The token in the URL is wrong: use the Token set in the n8n node');
		}
	}

	const request = this.getRequestObject() as { body?: unknown; rawBody?: unknown; readRawBody?: () => Promise<void> };
	// n8n reads the body of a version-2 trigger only for the content types it parses; JSON sent without one is read here.
	if (request.body === undefined && request.rawBody === undefined && typeof request.readRawBody === 'function') {
		await request.readRawBody();
	}
	const body = readJsonBody({ body: request.body, rawBody: request.rawBody });
	if (!body.ok) return refuse(this, 400, body.reason);
	const receivedAt = new Date();

	const source = this.getNodeParameter('source', 'messageEvents') as EventSource;
	if (source === 'blockRequests') {
		const blockRequest = toBlockRequest(body.value, queryWithoutToken(this.getQueryData()) as IDataObject, receivedAt);
		if (!blockRequest.ok) return refuse(this, 400, blockRequest.reason);
		const responseMode = this.getNodeParameter('responseMode', 'lastNode') as BlockResponseMode;
		return {
			workflowData: [this.helpers.returnJsonArray([blockRequest.value])],
			// Read by n8n only when it answers at once (Respond: Immediately); the webhook description says the same.
			...(responseMode === 'onReceived' ? { webhookResponse: { ...ACCEPTED_BODY } } : {}),
		};
	}

	const event = toMessageEvent(body.value, receivedAt);
	if (!event.ok) return refuse(this, 400, event.reason);

	// Answered with the same small body as an accepted event, so that the platform sees no difference; no execution.
	const skip: IWebhookResponseData = { webhookResponse: { ...ACCEPTED_BODY } };
	const options = this.getNodeParameter('options', {}) as IDataObject;
	if (options.ignoreRepeats !== false && recentMessages.seenBefore(triggerKey(this), String(event.value.messageId))) {
		return skip;
	}
	if (filterOut(event.value, messageFilters(this)) !== null) return skip;

	const output: IDataObject = { ...event.value };
	if (options.includeRaw !== false) output.raw = body.value as IDataObject;
	return { workflowData: [this.helpers.returnJsonArray([output])], webhookResponse: { ...ACCEPTED_BODY } };
}
