import type { INodeProperties } from 'n8n-workflow';

/** The fields of Bot Block Requests: its setup notice and Respond (above the token fields); it has no options. */

export type BlockResponseMode = 'onReceived' | 'lastNode';

const shown = { show: { source: ['blockRequests'] } };

export const blockRequestsProperties: INodeProperties[] = [
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
];
