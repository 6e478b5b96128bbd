import type { INodeProperties } from 'n8n-workflow';

import { clientTypeOptions } from '../Mavibot/helpers/clientTypes';
import { REMEMBER_FOR_MS } from './recentMessages';
import { TOKEN_MIN_LENGTH } from './secret';

export type EventSource = 'messageEvents' | 'blockRequests';
export type BlockResponseMode = 'onReceived' | 'lastNode';

/** The fixed body n8n sends back to Mavibot for message events (and for filtered or repeated ones). */
export const ACCEPTED_BODY = { status: 'ok' } as const;

const messageEvents = { show: { source: ['messageEvents'] } };
const blockRequests = { show: { source: ['blockRequests'] } };

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Bot Block Requests',
				value: 'blockRequests',
				description:
					'Calls from the "API request" of a bot block; the workflow answers the block, which saves the answer in bot variables',
			},
			{
				name: 'Message Events',
				value: 'messageEvents',
				description:
					'Every incoming and outgoing message of the project, posted to the Webhook URL of the project settings',
			},
		],
		default: 'messageEvents',
	},
	{
		displayName:
			'Mavibot posts every incoming and outgoing message of a project to one Webhook URL, set by hand: in Mavibot open Project settings → Webhook URL and paste this node\'s <b>Production URL</b> followed by <code>?token=</code> and the Token below (e.g. <code>https://n8n.example.com/webhook/…/mavibot?token=…</code>), then activate the workflow. One project feeds one URL, so only one workflow receives a project\'s messages. To try the node, paste the Test URL the same way while n8n listens for a test event, then put the Production URL back.',
		name: 'messageEventsNotice',
		type: 'notice',
		default: '',
		displayOptions: messageEvents,
	},
	{
		displayName:
			'In a Mavibot bot block add an <b>API request</b> of type POST-json. Request URL: this node\'s <b>Production URL</b> followed by <code>?token=</code> and the Token below. JSON parameters: what the workflow needs, e.g. <code>{"client_id": "#{client_id}", "question": "#{question}"}</code>. The workflow\'s answer goes back to the block: list the fields to keep under <b>Saved values</b>, one per line, as <code>field -> bot_variable</code> (e.g. <code>reply -> answer_from_n8n</code>; nested fields with |, e.g. <code>order|status -> order_status</code>). Shape the answer with the last node (e.g. Edit Fields); n8n\'s Respond to Webhook node cannot be used, it only answers for n8n\'s own Webhook, Form and Chat triggers.',
		name: 'blockRequestsNotice',
		type: 'notice',
		default: '',
		displayOptions: blockRequests,
	},
	{
		displayName: 'Respond',
		name: 'responseMode',
		type: 'options',
		noDataExpression: true,
		displayOptions: blockRequests,
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
	{
		displayName: 'Verify Token',
		name: 'verifyToken',
		type: 'boolean',
		default: true,
		description:
			'Whether to accept only requests whose URL ends in ?token= followed by the Token. Turn it off only if you cannot change the URL that calls n8n: then anyone who learns the URL can start this workflow.',
	},
	{
		displayName: 'Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: { show: { verifyToken: [true] } },
		description: `A secret you choose, at least ${TOKEN_MIN_LENGTH} characters of letters, digits, - _ . or ~ (e.g. the output of "openssl rand -hex 24"). Add it to the URL you paste into Mavibot as ?token=… . Requests with a missing or wrong token get HTTP 401 and run nothing.`,
	},
	{
		displayName:
			'Anyone who learns this webhook URL can start the workflow. Keep the URL secret, or turn on Verify Token.',
		name: 'noTokenNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { verifyToken: [false] } },
	},
	{
		displayName: 'Direction',
		name: 'direction',
		type: 'options',
		displayOptions: messageEvents,
		options: [
			{
				name: 'Both',
				value: 'both',
				description:
					'Messages of clients, bots and operators. Careful: a workflow that sends messages then triggers itself again.',
			},
			{
				name: 'From Bot or Operator',
				value: 'outgoing',
				description: 'Messages the bot or an operator sent to a client (is_input = 0)',
			},
			{
				name: 'From Client',
				value: 'incoming',
				description: 'Messages a client wrote (is_input = 1)',
			},
		],
		default: 'incoming',
		description:
			'Which messages start the workflow. The default, From Client, keeps a workflow that replies to clients from starting again on its own replies.',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: messageEvents,
		options: [
			{
				displayName: 'Bots',
				name: 'bots',
				type: 'string',
				default: '',
				placeholder: 'e.g. my_shop_bot, 1hwF7lwEjv4SKYIGFhQnBw==',
				description:
					"Only messages of clients bound to these bots: the client's group (a Telegram bot's username, a VK community ID, a WhatsApp channel ID…), separated by commas or new lines. Case and a leading @ are ignored.",
			},
			{
				displayName: 'Delivery Status',
				name: 'deliveryStatus',
				type: 'options',
				options: [
					{ name: 'Any', value: 'any' },
					{
						name: 'Delivered',
						value: 'delivered',
						description: 'Only messages Mavibot delivered (delivered = 1)',
					},
					{
						name: 'Failed',
						value: 'failed',
						description: 'Only messages Mavibot could not deliver (delivered = 0), e.g. to alert someone',
					},
				],
				default: 'any',
			},
			{
				displayName: 'Messengers',
				name: 'messengerTypes',
				type: 'multiOptions',
				options: clientTypeOptions,
				default: [],
				description: "Only messages of clients of these messengers (the client's client_type)",
			},
			{
				displayName: 'System Notifications',
				name: 'systemNotifications',
				type: 'options',
				options: [
					{
						name: 'Exclude',
						value: 'exclude',
						description: 'Only messages people wrote or the bot sent',
					},
					{
						name: 'Include',
						value: 'include',
						description: 'Messages and system notifications alike',
					},
					{
						name: 'Only',
						value: 'only',
						description: 'Only system notifications',
					},
				],
				default: 'include',
				description:
					'Platform notices that arrive as messages: crm_state_changed …, link_was_pressed …, new_chat_member, task callbacks (new_task_added_callback, edit_task_callback…)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: messageEvents,
		options: [
			{
				displayName: 'Ignore Repeated Deliveries',
				name: 'ignoreRepeats',
				type: 'boolean',
				default: true,
				description: `Whether to skip a message whose ID this trigger received in the last ${REMEMBER_FOR_MS / 60000} minutes, so that a platform retry does not run the workflow twice. The memory is per n8n process: in queue mode with several webhook processes, a repeat that reaches another process runs again.`,
			},
			{
				displayName: 'Include Raw Payload',
				name: 'includeRaw',
				type: 'boolean',
				default: true,
				description: 'Whether to add the payload exactly as Mavibot sent it, under "raw"',
			},
		],
	},
];
