import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ACCEPTED_BODY, refuse } from '../../answers';
import type { EventSource } from '../../eventSource';
import { downloadEventAttachments } from './downloads';
import { messageEventsOptions, messageEventsProperties } from './fields';
import { filterOut, messageFilters } from './filters';
import { toMessageEvent } from './parse';
import { recentMessages, triggerKey } from './recentMessages';

/** Message events: every message of the project, posted by Mavibot to the Webhook URL of the project settings. */
export const messageEvents: EventSource = {
	option: {
		name: 'Message Events',
		value: 'messageEvents',
		description:
			'Every incoming and outgoing message of the project, posted to the Webhook URL of the project settings',
	},
	subtitle: 'Message events',
	properties: messageEventsProperties,
	options: messageEventsOptions,
	// Answered at once with {"status":"ok"}.
	response: { mode: () => 'onReceived', data: () => ({ status: 'ok' }) },
	async handle(context, { body, receivedAt }) {
		const event = toMessageEvent(body, receivedAt);
		if (!event.ok) return refuse(context, 400, event.reason);

		// Answered with the same small body as an accepted event, so that the platform sees no difference; no execution.
		const skip = { webhookResponse: { ...ACCEPTED_BODY } };
		const options = context.getNodeParameter('options', {}) as IDataObject;
		if (
			options.ignoreRepeats !== false &&
			recentMessages.seenBefore(triggerKey(context), String(event.value.messageId))
		) {
			return skip;
		}
		if (filterOut(event.value, messageFilters(context)) !== null) return skip;

		const output: IDataObject = { ...event.value };
		if (options.includeRaw !== false) output.raw = body as IDataObject;
		const item: INodeExecutionData = { json: output };
		if (options.downloadAttachments === true && event.value.attachments.length > 0) {
			const raw = (body as { attachments?: unknown } | null)?.attachments;
			const downloaded = await downloadEventAttachments(
				context,
				event.value.attachments,
				raw,
				options,
			);
			Object.assign(output, downloaded.json);
			if (Object.keys(downloaded.binary).length > 0) item.binary = downloaded.binary;
		}
		return { workflowData: [[item]], webhookResponse: { ...ACCEPTED_BODY } };
	},
};
