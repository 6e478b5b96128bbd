import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { dispatch } from './dispatch';
import { perSource, perSourceField, triggerProperties } from './sources';
import { checkSetup, credentialTest } from './verification';
import { withNativeResolvers } from './webhookDescriptionFields';

export class MavibotTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mavibot Trigger',
		name: 'mavibotTrigger',
		icon: { light: 'file:../../icons/mavibot.svg', dark: 'file:../../icons/mavibot.dark.svg' },
		group: ['trigger'],
		// 1.1: the token moved from the "Token" parameter to the "Mavibot Trigger API" credential (verification.ts). And
		// n8n 2.x evaluates an expression on every request of a start node whose typeVersion is exactly 1 (the old Webhook
		// node's binaryData option) in its expression isolate: 1.1 skips that, and reads the bodies n8n then leaves
		// unread itself (dispatch.ts).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: perSource((source) => JSON.stringify(source.subtitle)),
		// n8n's node panel shows this node and the Mavibot node as one app, "Mavibot", under the trigger's description:
		// so it says what the app does first.
		description:
			'Send messages and start bot funnels in Mavibot (WhatsApp, Telegram…), and start workflows on its messages or bot block requests',
		eventTriggerDescription:
			'Waiting for Mavibot to call the Test URL (with ?token= and your token)',
		activationMessage:
			'Mavibot can now call this workflow. In Mavibot the URL must be the Production URL followed by ?token= and your token, e.g. https://n8n.example.com/webhook/…/mavibot?token=…',
		defaults: { name: 'Mavibot Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Version 1.1 reads the token from here (version 1 has its "Token" parameter: verification.ts).
		credentials: [
			{
				name: 'mavibotTriggerApi',
				required: true,
				testedBy: 'mavibotTriggerTokenTest',
				displayOptions: { show: { '@version': [1.1], verifyToken: [true] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				path: 'mavibot',
				// How n8n answers Mavibot: each event source says it (sources/index.ts).
				...withNativeResolvers({
					responseMode: perSourceField((source) => source.response.mode),
					responseData: perSourceField((source) => source.response.data),
				}),
			},
		],
		properties: triggerProperties,
	};

	methods = { credentialTest };

	webhookMethods = {
		default: {
			// Mavibot has no API to register, list or remove a webhook (API reference §6): the user pastes the URL
			// into the project settings (or into a bot block) by hand, so from n8n's side the webhook always
			// "exists". checkExists() is where n8n asks before activating, so the setup is checked there.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				await checkSetup.call(this);
				return true;
			},
			// n8n calls create() only when checkExists() says false, which never happens; nothing to register.
			async create(this: IHookFunctions): Promise<boolean> {
				await checkSetup.call(this);
				return true;
			},
			// Nothing to unregister: the URL stays in Mavibot until removed there, and n8n answers 404 meanwhile.
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await dispatch(this);
	}
}
