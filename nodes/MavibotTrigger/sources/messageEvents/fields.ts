import type { INodeProperties } from 'n8n-workflow';

import { clientTypeOptions } from '../../../shared/clientTypes';
import { SERVICE_EVENT_SUMMARY } from '../../../shared/serviceEvents';
import { downloadLimitFields } from '../../../shared/download/options';
import { REMEMBER_FOR_MS } from './recentMessages';

/** The fields of Message Events: its setup notice (above the token fields), and its filters and options (below). */

const shown = { show: { source: ['messageEvents'] } };

export const messageEventsProperties: INodeProperties[] = [
	{
		// n8n renders notices with links and lists only (no bold, code or line breaks): steps are list items.
		displayName:
			'Set up in Mavibot:<ul><li>1. Click the Production URL above (Webhook URLs) to copy it, and add ?token= and your token.</li><li>2. Mavibot → Project settings → Webhook URL: paste it, save.</li><li>3. Publish this workflow.</li></ul>One project feeds one URL, so one workflow gets its messages. To test, use the Test URL the same way while n8n listens.',
		name: 'messageEventsNotice',
		type: 'notice',
		default: '',
		displayOptions: shown,
	},
];

export const messageEventsOptions: INodeProperties[] = [
	{
		displayName: 'Direction',
		name: 'direction',
		type: 'options',
		displayOptions: shown,
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
		displayOptions: shown,
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
						description:
							'Only messages Mavibot could not deliver (delivered = 0), e.g. to alert someone',
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
				description: `Platform notices that arrive as messages: ${SERVICE_EVENT_SUMMARY}`,
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: shown,
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
			{
				displayName: 'Download Attachments',
				name: 'downloadAttachments',
				type: 'boolean',
				default: false,
				description:
					'Whether to download the attachments of each message as binary data: the first file in "data", the next ones in "data_1", "data_2"…; "attachmentFiles" says which field holds which link and "attachmentErrors" which files failed (a failed file never stops the workflow). Mavibot gets its answer after the downloads.',
			},
			...downloadLimitFields('event'),
		],
	},
];
