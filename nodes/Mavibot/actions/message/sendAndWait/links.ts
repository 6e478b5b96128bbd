import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { SendAndWaitConfig } from './config';

export interface AnswerLink {
	label: string;
	url: string;
}

/** n8n 1.1xx asks the node to switch signature checking on; n8n versions before signing have no getSignedResumeUrl. */
type SigningContext = Omit<IExecuteFunctions, 'getSignedResumeUrl'> & {
	setSignatureValidationRequired?: () => void;
	getSignedResumeUrl?: (parameters: Record<string, string>) => string;
};

function unsignedLink(context: IExecuteFunctions, parameters: Record<string, string>): string {
	const resumeUrl = String(context.evaluateExpression('{{ $execution.resumeUrl }}', 0));
	const url = new URL(`${resumeUrl}/${encodeURIComponent(context.getNode().id)}`);
	for (const [key, value] of Object.entries(parameters)) url.searchParams.set(key, value);
	return url.toString();
}

/**
 * The links of the message: n8n's own resume URL of this execution and node, signed by n8n where it signs them
 * (HMAC over path and query, so a changed execution ID, node ID or answer is refused by n8n before the node sees it).
 */
export function answerLinks(context: IExecuteFunctions, config: SendAndWaitConfig): AnswerLink[] {
	const signing = context as SigningContext;
	signing.setSignatureValidationRequired?.();
	const link = (parameters: Record<string, string>) =>
		signing.getSignedResumeUrl
			? signing.getSignedResumeUrl(parameters)
			: unsignedLink(context, parameters);
	if (config.responseType !== 'approval')
		return [{ label: config.messageButtonLabel, url: link({}) }];
	const approve = { label: config.approveLabel, url: link({ approved: 'true' }) };
	if (config.approvalType !== 'double') return [approve];
	return [approve, { label: config.disapproveLabel, url: link({ approved: 'false' }) }];
}

/**
 * The content of the `message` action: the text with URL buttons (inline buttons with a link, the API's link button),
 * and the links as `hint`, the text Mavibot shows instead of buttons in messengers without them (WhatsApp). With
 * `linksInText` the links are written under the text and no buttons are sent.
 */
export function messageContent(
	config: SendAndWaitConfig,
	links: AnswerLink[],
	linksInText: boolean,
): IDataObject {
	const linkLines = links.map((link) => `${link.label}: ${link.url}`).join('\n');
	if (linksInText) return { message: `${config.message}\n\n${linkLines}` };
	return {
		message: config.message,
		buttons: {
			hint: linkLines,
			buttons: links.map((link, index) => ({
				text: link.label,
				type: 'inline',
				url: link.url,
				line: index,
			})),
		},
	};
}
