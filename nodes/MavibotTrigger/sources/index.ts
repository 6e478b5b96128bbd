import type { INodeProperties } from 'n8n-workflow';

import type { EventSource } from '../eventSource';
import type { FromParameters, ParameterField } from '../webhookDescriptionFields';
import { tokenProperties } from '../verification';
import { blockRequests } from './blockRequests';
import { messageEvents } from './messageEvents';

/**
 * The event sources of the trigger, by their "Trigger On" value: one folder each, one line here. The "Trigger On"
 * options, the property order and the webhook's per-source fields (responseMode, responseData, subtitle) are built
 * from this table, so the node file does not change when a source is added.
 */
const EVENT_SOURCES: Record<string, EventSource> = { messageEvents, blockRequests };
export const DEFAULT_SOURCE = 'messageEvents';
const sources = Object.values(EVENT_SOURCES);

/** The event source a "Trigger On" value names; any other value is the default source. */
export function sourceNamed(value: unknown): EventSource {
	const name = String(value);
	return Object.prototype.hasOwnProperty.call(EVENT_SOURCES, name)
		? EVENT_SOURCES[name]
		: EVENT_SOURCES[DEFAULT_SOURCE];
}

/**
 * An expression giving, for the source "Trigger On" names, what `pick` returns for it (expression code); any other
 * value behaves like the default source.
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
 * and as one function choosing the source the same way (see webhookDescriptionFields.ts).
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
