import type {
	IDataObject,
	INodeProperties,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { blockRequests } from './blockRequests';
import { readJsonBody } from './messageEvents/parse';
import { messageEvents } from './messageEvents';
import type { EventSource } from '../eventSource';
import { refuse } from '../eventSource';
import type { FromParameters, ParameterField } from '../webhookDescriptionFields';
import { queryWithoutToken } from '../token';
import { refuseUnverified, tokenProperties } from '../verification';

/** The event sources of the trigger, by their "Event Source" value. The first is the default. */
const EVENT_SOURCES: Record<string, EventSource> = { messageEvents, blockRequests };
const DEFAULT_SOURCE = 'messageEvents';
const sources = Object.values(EVENT_SOURCES);

/** The event source a "Trigger On" value names; any other value is the default source. */
function sourceNamed(value: unknown): EventSource {
	const name = String(value);
	return Object.prototype.hasOwnProperty.call(EVENT_SOURCES, name)
		? EVENT_SOURCES[name]
		: EVENT_SOURCES[DEFAULT_SOURCE];
}

/**
 * An expression giving, for the chosen Event Source, what `pick` returns for it (expression code); any other value
 * behaves like the default source.
 */
export function perSource(pick: (source: EventSource) => string): string {
	const fallback = EVENT_SOURCES[DEFAULT_SOURCE];
	const code = sources
		.filter((source) => source !== fallback)
		.reduceRight(
			(otherwise, source) =>
				`$parameter["source"] === ${JSON.stringify(source.option.value)} ? (${pick(source)}) : (${otherwise})`,
			pick(fallback),
		);
	return `={{ ${code} }}`;
}

/**
 * A webhook-description field each event source computes from the node's parameters: as an expression (perSource)
 * and as one function choosing the source the same way (see responseFields.ts).
 */
export function perSourceField(pick: (source: EventSource) => FromParameters): ParameterField {
	return {
		template: perSource((source) => `(${String(pick(source))})($parameter)`),
		resolve: (parameters) => pick(sourceNamed(parameters.source))(parameters),
	};
}

// "Trigger On": the name n8n's node panel looks for to list each option as a trigger of its own ("On message events").
const sourceProperty: INodeProperties = {
	displayName: 'Trigger On',
	name: 'source',
	type: 'options',
	noDataExpression: true,
	options: sources.map((source) => source.option).sort((a, b) => a.name.localeCompare(b.name)),
	default: DEFAULT_SOURCE,
};

/** Every parameter in the order the editor shows them: the source, its setup, the token, its options. */
export const triggerProperties: INodeProperties[] = [
	sourceProperty,
	...sources.flatMap((source) => source.properties),
	...tokenProperties,
	...sources.flatMap((source) => source.options),
];

/** Checks the token and the body, then hands the request to the chosen event source. */
export async function dispatch(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const refusal = await refuseUnverified(context);
	if (refusal) return refusal;
	const request = context.getRequestObject() as {
		body?: unknown;
		rawBody?: unknown;
		readRawBody?: () => Promise<void>;
	};
	// n8n reads the body of a trigger whose version is not exactly 1 (so 1.1) only for the content types it parses;
	// JSON sent without one, or with another one, is read here.
	if (
		request.body === undefined &&
		request.rawBody === undefined &&
		typeof request.readRawBody === 'function'
	) {
		await request.readRawBody();
	}
	const body = readJsonBody({ body: request.body, rawBody: request.rawBody });
	if (!body.ok) return refuse(context, 400, body.reason);
	const receivedAt = new Date();
	const source = sourceNamed(context.getNodeParameter('source', DEFAULT_SOURCE));
	const query = queryWithoutToken(context.getQueryData()) as IDataObject;
	return source.handle(context, { body: body.value, query, receivedAt });
}
