import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/** Removes whitespace anywhere (the platform's docs warn that a pasted space breaks the URL) and trailing slashes. */
export function cleanBaseUrl(value: unknown): string {
	return String(value ?? '')
		.replace(/\s+/g, '')
		.replace(/\/+$/, '');
}

export function cleanApiKey(value: unknown): string {
	return String(value ?? '').replace(/\s+/g, '');
}

export class MavibotApi implements ICredentialType {
	name = 'mavibotApi';

	displayName = 'Mavibot API';

	icon: Icon = { light: 'file:../icons/mavibot.svg', dark: 'file:../icons/mavibot.dark.svg' };

	documentationUrl = 'https://docs.mavibot.ai/working-with-api/api-builder';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Created in the Mavibot project under Project settings → Integrations → Add API key. Give the key the permissions the operations you use need (read/modify clients, read/modify CRM, delete clients).',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://chatter.mavibot.ai',
			placeholder: 'e.g. https://chatter.mavibot.ai',
			description:
				'The address of your Mavibot host without /api. Also works with https://chatter.mavibot.pro, https://chatter.salebot.pro and white-label hosts.',
		},
	];

	// The API takes the key in the URL path: <baseUrl>/api/<key>/<action>. Operations pass only "/<action>".
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// n8n applies authentication again after a 401 (to refresh tokens): the URL is then already complete.
		if (/^https?:\/\//i.test(requestOptions.url)) return requestOptions;
		const path = requestOptions.url.startsWith('/') ? requestOptions.url : `/${requestOptions.url}`;
		return {
			...requestOptions,
			url: `${cleanBaseUrl(credentials.baseUrl)}/api/${encodeURIComponent(cleanApiKey(credentials.apiKey))}${path}`,
		};
	}

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/connected_channels',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 'error',
					message:
						'Mavibot refused the API key: check that it was copied whole and that it is still active',
				},
			},
		],
	};
}
