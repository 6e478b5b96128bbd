import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { MavibotAction } from './actions';
import { MAVIBOT_ACTIONS, PERMISSION_LABELS } from './actions';
import { redact, redactDeep } from './redact';

export interface MavibotErrorDetails {
	action: MavibotAction;
	itemIndex: number;
	/** The platform's own reason, already free of the API key. */
	reason: string;
	httpCode?: number;
	body?: unknown;
	description?: string;
	secrets: string[];
	/** A marker the caller can test without parsing the message: 'notFound', 'rateLimited', 'notJson', … */
	kind: MavibotErrorKind;
}

export type MavibotErrorKind =
	| 'apiError'
	| 'badKey'
	| 'permission'
	| 'notFound'
	| 'notJson'
	| 'rateLimited'
	| 'unavailable'
	| 'network'
	| 'maybeDelivered';

const NOT_FOUND = /not[\s_]+found/i;

export function kindOfBodyError(reason: string, httpCode: number): MavibotErrorKind {
	if (httpCode === 403 || /permission|access denied|forbidden/i.test(reason)) return 'permission';
	if (httpCode === 401 || /api[\s_-]*key|token/i.test(reason)) return 'badKey';
	if (httpCode === 404 || NOT_FOUND.test(reason)) return 'notFound';
	return 'apiError';
}

function hintFor(details: MavibotErrorDetails): string {
	const permission = PERMISSION_LABELS[MAVIBOT_ACTIONS[details.action].permission];
	switch (details.kind) {
		case 'badKey':
			return 'Check the API key in the Mavibot credential: copy it again from Project settings → Integrations, without spaces, and check the Base URL of your Mavibot host.';
		case 'permission':
			return `The API key lacks the permission this action needs. In Mavibot, open Project settings → Integrations and give the key "${permission}", or use a key that has it.`;
		case 'notFound':
			return 'Check the IDs sent with this item (client, deal, list): Mavibot could not find them in this project.';
		case 'notJson':
			return 'Mavibot answered with a page instead of JSON. Check the Base URL in the credential (for example https://chatter.mavibot.ai, without /api) and try again later if the platform is down.';
		case 'rateLimited':
			return 'Mavibot is rate limiting this API key. Lower "Max Parallel Requests" or set "Max Requests per Second" in the node options, or space the items out with a Loop Over Items and Wait node.';
		case 'unavailable':
			return 'Mavibot is temporarily unavailable. Try again later; reads are retried automatically.';
		case 'maybeDelivered':
			return 'The request may have reached Mavibot before the connection failed, so it was not repeated (a client must never get a message twice). Check the dialog in Mavibot before running this item again.';
		case 'network':
			return 'Check that the Base URL in the credential is reachable from n8n.';
		default:
			return `Check the parameters of this item. The API key needs "${permission}" for this action.`;
	}
}

/** Builds the node error for a failed Mavibot call: the API's reason, the action, a fix-it hint and the item. */
export function mavibotError(node: INode, details: MavibotErrorDetails): NodeApiError {
	const reason = redact(details.reason, details.secrets);
	const message = `Mavibot "${details.action}" failed: ${reason} [item ${details.itemIndex}]`;
	const description = redact(details.description ?? hintFor(details), details.secrets);
	const response: JsonObject = {
		message,
		action: details.action,
		reason,
		kind: details.kind,
	};
	if (details.httpCode !== undefined) response.httpCode = String(details.httpCode);
	if (details.body !== undefined)
		response.body = redactDeep(details.body, details.secrets) as JsonObject;
	const error = new NodeApiError(node, response, {
		message,
		description,
		httpCode: details.httpCode !== undefined ? String(details.httpCode) : undefined,
		itemIndex: details.itemIndex,
	});
	// NodeApiError may swap the message for a generic text for some HTTP codes: keep the API's own reason.
	error.message = message;
	error.description = description;
	return error;
}

export function isMavibotErrorOfKind(error: unknown, kind: MavibotErrorKind): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const cause = (error as NodeApiError & { errorResponse?: JsonObject }).errorResponse;
	return cause?.kind === kind;
}
