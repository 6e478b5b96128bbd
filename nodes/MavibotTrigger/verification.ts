import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeProperties,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import {
	TOKEN_MIN_LENGTH,
	triggerTokenField,
} from '../../credentials/MavibotTriggerApi.credentials';
import { refuse } from './answers';
import { SharedReads } from './sharedReads';
import { TOKEN_QUERY_PARAMETER, tokenMatches, tokenProblem } from './token';

/**
 * Where the token lives: version 1 keeps it in the "Token" parameter (so workflows made with it run unchanged),
 * version 1.1 in the "Mavibot Trigger API" credential, which n8n stores encrypted and never exports with the workflow.
 */
export const TOKEN_CREDENTIAL = 'mavibotTriggerApi';
const CREDENTIAL_DISPLAY_NAME = 'Mavibot Trigger API';
const FROM_PARAMETER = { '@version': [1] };

/** Verify Token, and the Token parameter of version 1, shared by every event source. */
export const tokenProperties: INodeProperties[] = [
	{
		displayName: 'Verify Token',
		name: 'verifyToken',
		type: 'boolean',
		default: true,
		description:
			'Whether to accept only requests whose URL ends in ?token= followed by the token. Turn it off only if you cannot change the URL that calls n8n: then anyone who learns the URL can start this workflow.',
	},
	{
		...triggerTokenField,
		displayOptions: { show: { ...FROM_PARAMETER, verifyToken: [true] } },
		description: `${triggerTokenField.description} Add it to the URL you paste into Mavibot as ?token=… .`,
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

/** Where the user sets the token, as messages name it. */
function tokenSource(context: IHookFunctions | IWebhookFunctions): string {
	return context.getNode().typeVersion >= 1.1
		? `the token of the "${CREDENTIAL_DISPLAY_NAME}" credential`
		: 'the "Token" parameter';
}

/**
 * The pause after a credential read before the next read of the same trigger: under load, the requests of the pause
 * share the next read (sharedReads.ts). A request waits for it only when another one was checked less than this
 * before; bench/scale.js measured it (docs/BENCHMARKS.md §6).
 */
export const READ_PAUSE_MS = 200;

/** The credential reads of requests that arrive together (sharedReads.ts): nothing is kept between them. */
const credentialReads = new SharedReads<ICredentialDataDecryptedObject>(
	async () => await sleep(READ_PAUSE_MS),
);

/** Requests share a read only within one trigger node, mode (test or production) and credential. */
function credentialReadKey(context: IWebhookFunctions): string {
	const node = context.getNode();
	const credential = node.credentials?.[TOKEN_CREDENTIAL];
	return JSON.stringify([
		context.getWorkflow().id ?? '',
		node.id ?? node.name,
		context.getMode(),
		credential?.id ?? credential?.name ?? '',
	]);
}

/**
 * The configured token, or null when requests are not verified. A request (`perRequest`) reads the credential
 * together with the requests that arrived while the previous read ran.
 */
async function configuredToken(
	context: IHookFunctions | IWebhookFunctions,
	perRequest?: IWebhookFunctions,
): Promise<string | null> {
	if (!(context.getNodeParameter('verifyToken', true) as boolean)) return null;
	if (context.getNode().typeVersion < 1.1) return context.getNodeParameter('token', '') as string;
	let credentials: ICredentialDataDecryptedObject;
	try {
		credentials =
			perRequest === undefined
				? await context.getCredentials(TOKEN_CREDENTIAL)
				: await credentialReads.fresh(
						credentialReadKey(perRequest),
						async () => await perRequest.getCredentials(TOKEN_CREDENTIAL),
					);
	} catch (error) {
		throw new NodeOperationError(
			context.getNode(),
			`No "${CREDENTIAL_DISPLAY_NAME}" credential is set`,
			{
				description: `Pick or create a "${CREDENTIAL_DISPLAY_NAME}" credential with your token in the node (${(error as Error).message}).`,
			},
		);
	}
	return typeof credentials.token === 'string' ? credentials.token : '';
}

/**
 * The activation check, run by checkExists() (n8n calls it when the workflow is activated and when the editor starts
 * listening for a test event), so that a trigger that could never accept a request fails there, with a reason, instead
 * of answering every request with an error.
 */
export async function checkSetup(this: IHookFunctions): Promise<void> {
	const token = await configuredToken(this);
	const problem = token === null ? null : tokenProblem(token);
	if (problem !== null) {
		const source = tokenSource(this);
		throw new NodeOperationError(this.getNode(), `${capitalized(source)} ${problem}`, {
			description: `Set ${source} to at least ${TOKEN_MIN_LENGTH} characters (letters, digits, - _ . ~), e.g. the output of "openssl rand -hex 24", and add it to the URL in Mavibot as ?token=… . Or turn off "Verify Token".`,
		});
	}
}

/** The answer refusing a request whose token is missing or wrong, or undefined when it may go on. */
export async function refuseUnverified(
	context: IWebhookFunctions,
): Promise<IWebhookResponseData | undefined> {
	const token = await configuredToken(context, context);
	if (token === null) return undefined;
	const source = tokenSource(context);
	const problem = tokenProblem(token);
	if (problem !== null) {
		return refuse(
			context,
			500,
			`The Mavibot Trigger in n8n cannot check requests: ${source} ${problem}`,
		);
	}
	const given = (context.getQueryData() as IDataObject)[TOKEN_QUERY_PARAMETER];
	if (given === undefined || given === '') {
		return refuse(context, 401, `The URL has no token: add ?token= followed by ${source} in n8n`);
	}
	if (!tokenMatches(given, token)) {
		return refuse(context, 401, `The token in the URL is wrong: use ${source} in n8n`);
	}
	return undefined;
}

/** The credential's Test button: the token is checked where it is used, nothing is called. */
async function testToken(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const token = typeof credential.data?.token === 'string' ? credential.data.token : '';
	const problem = tokenProblem(token);
	return problem === null
		? { status: 'OK', message: 'The token can be used: add it to the URL in Mavibot as ?token=…' }
		: { status: 'Error', message: `The token ${problem}` };
}

/** The node's methods.credentialTest; its credentials entry names the test (testedBy: 'mavibotTriggerTokenTest'). */
export const credentialTest = { mavibotTriggerTokenTest: testToken };

function capitalized(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
