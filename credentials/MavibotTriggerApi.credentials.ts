import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * What a trigger token may be, here so that this file stands alone (n8n loads each credential file on its own): the
 * trigger checks tokens against these (nodes/MavibotTrigger imports them), and the field below describes them.
 * Tokens must survive being pasted into a URL unchanged, and be long enough not to be guessed.
 */
export const TOKEN_MIN_LENGTH = 16;
export const TOKEN_CHARACTERS = /^[A-Za-z0-9._~-]+$/;

/** The token field; version 1 of the trigger has the same field as a node parameter (verification.ts). */
export const triggerTokenField: INodeProperties = {
	displayName: 'Token',
	name: 'token',
	type: 'string',
	typeOptions: { password: true },
	required: true,
	default: '',
	description: `A secret of your own: at least ${TOKEN_MIN_LENGTH} letters, digits, - _ . or ~ (e.g. the output of "openssl rand -hex 24"). Requests without it get HTTP 401 and run nothing.`,
};

/**
 * The secret of the Mavibot Trigger (version 1.1 on). Mavibot cannot sign its calls, so the secret travels in the URL
 * pasted into Mavibot (…/mavibot?token=<token>); kept here, n8n stores it encrypted and never exports it with the
 * workflow. Nothing to call to test it: the trigger checks it (methods.credentialTest, and again on activation).
 */
export class MavibotTriggerApi implements ICredentialType {
	name = 'mavibotTriggerApi';

	displayName = 'Mavibot Trigger API';

	icon: Icon = { light: 'file:../icons/mavibot.svg', dark: 'file:../icons/mavibot.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-mavibot/n8n-nodes-mavibot#mavibot-trigger';

	properties: INodeProperties[] = [
		{
			displayName:
				"The URL to paste into Mavibot (Project settings → Webhook URL, or the API request of a bot block) is the Mavibot Trigger's Production URL followed by ?token= and this token, e.g. https://n8n.example.com/webhook/…/mavibot?token=9f2c…",
			name: 'urlNotice',
			type: 'notice',
			default: '',
		},
		triggerTokenField,
	];
}
