import type { IDataObject, IHookFunctions, INodeProperties, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { refuse } from './request';
import { TOKEN_MIN_LENGTH, TOKEN_QUERY_PARAMETER, tokenMatches, tokenProblem } from './secret';

/** Verify Token and Token, shared by every event source. */
export const tokenProperties: INodeProperties[] = [
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
];

/** The configured token, or null when requests are not verified. */
function configuredToken(context: IHookFunctions | IWebhookFunctions): string | null {
	if (!(context.getNodeParameter('verifyToken', true) as boolean)) return null;
	return context.getNodeParameter('token', '') as string;
}

/**
 * The activation check, run by checkExists() (n8n calls it when the workflow is activated and when the editor starts
 * listening for a test event), so that a trigger that could never accept a request fails there, with a reason, instead
 * of answering every request with an error.
 */
export function checkSetup(this: IHookFunctions): void {
	const token = configuredToken(this);
	const problem = token === null ? null : tokenProblem(token);
	if (problem !== null) {
		throw new NodeOperationError(this.getNode(), `The "Token" parameter ${problem}`, {
			description: `Set a Token of at least ${TOKEN_MIN_LENGTH} characters (letters, digits, - _ . ~), e.g. the output of "openssl rand -hex 24", and add it to the URL in Mavibot as ?token=… . Or turn off "Verify Token".`,
		});
	}
}

/** The answer refusing a request whose token is missing or wrong, or undefined when it may go on. */
export function refuseUnverified(context: IWebhookFunctions): IWebhookResponseData | undefined {
	const token = configuredToken(context);
	if (token === null) return undefined;
	const problem = tokenProblem(token);
	if (problem !== null) {
		return refuse(context, 500, `The Mavibot Trigger in n8n cannot check requests: its "Token" ${problem}`);
	}
	const given = (context.getQueryData() as IDataObject)[TOKEN_QUERY_PARAMETER];
	if (given === undefined || given === '') {
		return refuse(context, 401, 'The URL has no token: add ?token= followed by the Token set in the n8n node');
	}
	if (!tokenMatches(given, token)) {
		return refuse(context, 401, 'The token in the URL is wrong: use the Token set in the n8n node');
	}
	return undefined;
}
