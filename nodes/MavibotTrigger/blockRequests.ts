import { toBlockRequest } from './blockRequest';
import type { EventSource } from './request';
import { ACCEPTED_BODY, refuse } from './request';

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
				'In a Mavibot bot block add an <b>API request</b> of type POST-json. Request URL: this node\'s <b>Production URL</b> followed by <code>?token=</code> and the Token below. JSON parameters: what the workflow needs, e.g. <code>{"client_id": "#{client_id}", "question": "#{question}"}</code>. The workflow\'s answer goes back to the block: list the fields to keep under <b>Saved values</b>, one per line, as <code>field -> bot_variable</code> (e.g. <code>reply -> answer_from_n8n</code>; nested fields with |, e.g. <code>order|status -> order_status</code>). Shape the answer with the last node (e.g. Edit Fields); n8n\'s Respond to Webhook node cannot be used, it only answers for n8n\'s own Webhook, Form and Chat triggers.',
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
		mode: '$parameter["responseMode"]',
		data: '$parameter["responseMode"] !== "onReceived" ? "firstEntryJson" : ({ "status": "ok" })',
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
