import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from './actions/node.description';
import { router } from './actions/router';
import { sendAndWaitWebhook, sendAndWaitWebhooks } from './actions/message/sendAndWait/webhook';
import { listSearch } from './methods';
import { operationSubtitle } from './helpers/subtitle';

export class Mavibot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mavibot',
		name: 'mavibot',
		icon: { light: 'file:../../icons/mavibot.svg', dark: 'file:../../icons/mavibot.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(nodeProperties),
		description:
			'Send messages, start bot funnels and manage clients, lists, variables and CRM deals in Mavibot',
		defaults: { name: 'Mavibot' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// File → Download talks to file hosts only: it needs no Mavibot key.
		credentials: [
			{ name: 'mavibotApi', required: true, displayOptions: { hide: { resource: ['file'] } } },
		],
		// Message → Send and Wait for Response: the answer pages, served while an execution waits on the node.
		webhooks: sendAndWaitWebhooks,
		properties: nodeProperties,
	};

	methods = { listSearch };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await sendAndWaitWebhook.call(this);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
