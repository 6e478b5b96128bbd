import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import type { MavibotAction } from './actions';
import { MAVIBOT_ACTIONS } from './actions';
import { recallWrite, rememberWrite, writeKey } from './acceptedWrites';
import { NOT_SENT_CODES, errorCode, errorText } from './connectionErrors';
import { CREDENTIAL, credentialsOf } from './credentialCache';
import { isMavibotErrorOfKind, mavibotError } from './errors';
import { pacerFor } from './pacer';
import { parseMavibotResponse } from './response';
import { backoffMs, retryAfterMs } from './retryWait';
import { readSettings } from './settings';

export type MavibotContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface MavibotRequest {
	/** Query-string parameters (GET actions). */
	qs?: IDataObject;
	/** JSON body (POST actions); a top-level array for load_clients. */
	body?: IDataObject | IDataObject[];
}

/**
 * Sends one Mavibot API action. Every request of the package goes through here: the credential adds the key to the
 * URL, failures come back as NodeApiErrors that keep the API's reason but never the key, 429/503 answers are waited
 * out (bounded, honouring Retry-After), and an action that writes is never repeated once it may have been received:
 * not by this loop, and not when n8n's "Retry On Fail" runs the node again (see acceptedWrites.ts).
 */
export async function mavibotApiRequest(
	this: MavibotContext,
	action: MavibotAction,
	request: MavibotRequest = {},
	itemIndex = 0,
): Promise<unknown> {
	const info = MAVIBOT_ACTIONS[action];
	const settings = readSettings(this);
	const { decrypted, secrets } = await credentialsOf(this);
	const pacer = pacerFor(this, settings.maxRequestsPerSecond);
	const node = this.getNode();
	const memoryKey = info.writes ? writeKey(this, action, request, itemIndex) : undefined;
	const earlier = memoryKey === undefined ? undefined : recallWrite(memoryKey);
	if (earlier && 'answer' in earlier) return JSON.parse(earlier.answer) as unknown;
	if (earlier) {
		throw mavibotError(node, {
			action,
			itemIndex,
			kind: 'maybeDelivered',
			reason: earlier.lostReason,
			secrets,
		});
	}
	const options: IHttpRequestOptions = {
		method: info.method,
		url: `/${action}`,
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: settings.timeoutMs,
		headers: { accept: 'application/json' },
	};
	if (request.qs && Object.keys(request.qs).length) options.qs = request.qs;
	if (request.body !== undefined) options.body = request.body;

	for (let attempt = 0; ; attempt++) {
		await pacer.waitForTurn();
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL,
				{ ...options },
				{ credentialsDecrypted: decrypted },
			)) as IN8nHttpFullResponse;
		} catch (error) {
			const code = errorCode(error);
			if (code === 'ERR_CANCELED') throw new NodeApiError(node, error as JsonObject);
			const reachedServer = !(code && NOT_SENT_CODES.has(code));
			const safeToRepeat = !info.writes || !reachedServer;
			if (safeToRepeat && attempt < settings.maxRetries && code !== 'ENOTFOUND') {
				await sleep(backoffMs(attempt));
				continue;
			}
			const kind = reachedServer && info.writes ? 'maybeDelivered' : 'network';
			const reason = `${errorText(error)}${code ? ` (${code})` : ''}`;
			if (kind === 'maybeDelivered' && memoryKey !== undefined)
				rememberWrite(memoryKey, { lostReason: reason });
			throw mavibotError(node, { action, itemIndex, kind, reason, secrets });
		}

		const httpCode = response.statusCode;
		if (
			(httpCode === 429 || httpCode === 503) &&
			settings.retryOnRateLimit &&
			attempt < settings.maxRetries
		) {
			const wait = retryAfterMs(response.headers?.['retry-after']) ?? backoffMs(attempt);
			if (wait <= settings.maxRetryWaitMs) {
				// Every request of this execution waits, not just this one: the limit is per key.
				if (httpCode === 429) pacer.rateLimited(wait);
				else pacer.pause(wait);
				continue;
			}
		}

		if (httpCode !== 429) pacer.succeeded();
		const text = typeof response.body === 'string' ? response.body : String(response.body ?? '');
		const parsed = parseMavibotResponse(httpCode, text, info.answer);
		if (parsed.ok) {
			if (memoryKey !== undefined)
				rememberWrite(memoryKey, { answer: JSON.stringify(parsed.data) });
			return parsed.data;
		}
		throw mavibotError(node, {
			action,
			itemIndex,
			kind: parsed.kind,
			reason: parsed.reason,
			httpCode,
			body: parsed.body,
			secrets,
		});
	}
}

/** Like mavibotApiRequest, but "not found" (HTTP 404, `client_not_found`, `order … not found`) gives `undefined`. */
export async function mavibotApiRequestOrNotFound(
	this: MavibotContext,
	action: MavibotAction,
	request: MavibotRequest = {},
	itemIndex = 0,
): Promise<unknown> {
	try {
		return await mavibotApiRequest.call(this, action, request, itemIndex);
	} catch (error) {
		if (isMavibotErrorOfKind(error, 'notFound')) return undefined;
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
}

export { MAVIBOT_ACTIONS } from './actions';
export type { MavibotAction } from './actions';
