import type { INodeParameters, IWebhookDescription, NodeParameterValueType } from 'n8n-workflow';

/**
 * A value computed from the node's parameters. Self-contained (no outer names): its source text also becomes an n8n
 * expression, which runs inside n8n's expression sandbox.
 */
export type FromParameters = (parameters: INodeParameters) => NodeParameterValueType | undefined;

/** A webhook-description field: the expression n8n shows and evaluates, and the same computation as a function. */
export interface ParameterField {
	template: string;
	resolve: FromParameters;
}

/**
 * n8n evaluates the expression fields of a webhook description (`responseMode`, `responseData` …) for every request.
 * n8n 2.x also accepts, next to each expression, a function of the node's parameters under this registered symbol
 * (n8n-workflow's WEBHOOK_RESOLVERS) and calls it instead of its expression engine while the node's parameters hold
 * no expression. n8n 1.x ignores it and evaluates the expression.
 */
const NATIVE_RESOLVERS = Symbol.for('n8n.webhookDescriptionResolvers');

/** Spreads into a webhook description: each field's expression, and its function for n8n 2.x. */
export function withNativeResolvers(
	fields: Record<string, ParameterField>,
): Partial<IWebhookDescription> {
	const templates: Record<string, string> = {};
	for (const [name, field] of Object.entries(fields)) templates[name] = field.template;
	return { ...templates, [NATIVE_RESOLVERS]: fields } as Partial<IWebhookDescription>;
}
