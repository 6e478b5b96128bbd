import { ACCEPTED_BODY, refuse } from '../../answers';
import type { EventSource } from '../../eventSource';
import type { BlockResponseMode } from './fields';
import { blockRequestsProperties } from './fields';
import { toBlockRequest } from './parse';

/**
 * Bot block requests: calls from the "API request" of a Mavibot bot block; the workflow's answer goes back to the
 * block, which saves its fields into bot variables.
 */
export const blockRequests: EventSource = {
	option: {
		name: 'Bot Block Requests',
		value: 'blockRequests',
		description:
			'Calls from the "API request" of a bot block; the workflow answers the block, which saves the answer in bot variables',
	},
	subtitle: 'Bot block requests',
	properties: blockRequestsProperties,
	options: [],
	// As "Respond" says. responseData is set explicitly: without it n8n answers an immediate response with the literal
	// text "firstEntryJson".
	response: {
		mode: (p) => p.responseMode,
		data: (p) => (p.responseMode !== 'onReceived' ? 'firstEntryJson' : { status: 'ok' }),
	},
	handle(context, { body, query, receivedAt }) {
		const blockRequest = toBlockRequest(body, query, receivedAt);
		if (!blockRequest.ok) return refuse(context, 400, blockRequest.reason);
		const responseMode = context.getNodeParameter('responseMode', 'lastNode') as BlockResponseMode;
		return {
			workflowData: [context.helpers.returnJsonArray([blockRequest.value])],
			// Read by n8n only when it answers at once (Respond: Immediately); the webhook description says the same.
			...(responseMode === 'onReceived' ? { webhookResponse: { ...ACCEPTED_BODY } } : {}),
		};
	},
};
