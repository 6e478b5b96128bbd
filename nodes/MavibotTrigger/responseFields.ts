import type { INodeParameters, IWebhookDescription, NodeParameterValueType } from 'n8n-workflow';

type FromParameters = (parameters: INodeParameters) => NodeParameterValueType | undefined;

/**
 * n8n evaluates the expression fields of a webhook description (`responseMode`, `responseData` …) for every request.
 * n8n 2.x also accepts, next to each expression, a plain function of the node's parameters under this registered
 * symbol (n8n-workflow's WEBHOOK_RESOLVERS) and calls it instead of its expression engine while the node's
 * parameters hold no expression. n8n 1.x ignores it and evaluates the expression.
 */
const NATIVE_RESOLVERS = Symbol.for('n8n.webhookDescriptionResolvers');

/**
 * Webhook description fields computed from the node's parameters. Each function is both the resolver and, through
 * its source, the expression (`={{(<function>)($parameter)}}`), so the two cannot disagree. The functions must be
 * self-contained: they run inside n8n's expression sandbox too.
 */
export function fieldsFromParameters(fields: Record<string, FromParameters>): Partial<IWebhookDescription> {
	const templates: Record<string, string> = {};
	const resolvers: Record<string, { template: string; resolve: FromParameters }> = {};
	for (const [field, resolve] of Object.entries(fields)) {
		const template = `={{(${String(resolve)})($parameter)}}`;
		templates[field] = template;
		resolvers[field] = { template, resolve };
	}
	return { ...templates, [NATIVE_RESOLVERS]: resolvers } as Partial<IWebhookDescription>;
}
