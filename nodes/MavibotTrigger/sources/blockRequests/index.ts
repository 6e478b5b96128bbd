import { toBlockRequest } from './parse';
import type { EventSource } from '../../eventSource';
import { ACCEPTED_BODY, refuse } from '../../eventSource';

/**
 * Bot block requests: calls from the "API request" of a Mavibot bot block; the workflow's answer goes back to the
 * block, which saves its fields into bot variables.
 */

export type BlockResponseMode = 'onReceived' | 'lastNode';

const shown = { show: { source: ['blockRequests'] } };

export const blockRequests: EventSource = {
	option: {
		name: 'Bot Block Requests',
		value: 'blockRequests',
		description:
			'Calls from the "API request" of a bot block; the workflow answers the block, which saves the answer in bot variables',
	},
	subtitle: 'Bot block requests',
	properties: [
		{
			displayName:
				'Set up in the bot block:<ul><li>1. Add an API request, type POST-json.</li><li>2. Request URL: the Production URL above (Webhook URLs), plus ?token= and your token.</li><li>3. JSON parameters: what the workflow needs, e.g. {"client_id": "#{client_id}"}.</li><li>4. Saved values, one per line: reply -> answer_from_n8n (nested: order|status -> order_status).</li></ul>The block gets the last node\'s first item (shape it with Edit Fields); the Respond to Webhook node cannot be used here.',
			name: 'blockRequestsNotice',
			type: 'notice',
			default: '',
			displayOptions: shown,
		},
		{
			displayName: 'Respond',
			name: 'responseMode',
			type: 'options',
			noDataExpression: true,
			displayOptions: shown,
			options: [
				{
					name: 'Immediately',
					value: 'onReceived',
					description:
						'Answer {"status":"ok"} at once and run the workflow afterwards (e.g. when the workflow answers the client later through the Mavibot node)',
				},
				{
					name: 'When Last Node Finishes',
					value: 'lastNode',
					description:
						'Answer with the JSON of the first item the last node of the workflow outputs (e.g. an Edit Fields node that sets {"reply": …})',
				},
			],
			default: 'lastNode',
		},
	],
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
