import type { INodeProperties } from 'n8n-workflow';

export const scheduleFields: INodeProperties[] = [
	{
		displayName: 'Send At',
		name: 'sendAt',
		type: 'dateTime',
		default: '',
		description:
			'When to send (send_time). Accepts the date picker, an ISO date, a Luxon DateTime such as {{ $now.plus({ hours: 1 }) }}, or 2026-12-01 09:30:00. If "Delay (Seconds)" is also set, the delay wins.',
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: '',
		placeholder: 'e.g. Europe/Moscow',
		description:
			'The time zone of your Mavibot project, in which "Send At" is given to Mavibot. Empty: the workflow time zone.',
	},
	{
		displayName: 'Delay (Seconds)',
		name: 'delaySeconds',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description:
			'Send after this many seconds (time_shift). Wins over "Send At" when both are set.',
	},
];
