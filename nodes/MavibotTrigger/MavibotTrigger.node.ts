import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { dispatch, perSource, triggerProperties } from './sources';
import { checkSetup } from './verification';

export class MavibotTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mavibot Trigger',
		name: 'mavibotTrigger',
		icon: { light: 'file:../../icons/mavibot.svg', dark: 'file:../../icons/mavibot.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: perSource((source) => JSON.stringify(source.subtitle)),
		description:
			'Starts the workflow on the messages of a Mavibot project, or answers the API requests of a bot block',
		eventTriggerDescription: 'Waiting for Mavibot to call the Test URL',
		activationMessage:
			'Mavibot can now call the Production URL. Check that it is set in Mavibot, followed by ?token= and the Token.',
		defaults: { name: 'Mavibot Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				path: 'mavibot',
				// How n8n answers Mavibot: each event source says it (sources.ts).
				responseMode: perSource((source) => source.response.mode),
				responseData: perSource((source) => source.response.data),
			},
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			// Mavibot has no API to register, list or remove a webhook (API reference §6): the user pastes the URL
			// into the project settings (or into a bot block) by hand, so from n8n's side the webhook always
			// "exists". checkExists() is where n8n asks before activating, so the setup is checked there.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				checkSetup.call(this);
				return true;
			},
			// n8n calls create() only when checkExists() says false, which never happens; nothing to register.
			async create(this: IHookFunctions): Promise<boolean> {
				checkSetup.call(this);
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
