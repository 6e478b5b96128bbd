import type {
	IDataObject,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { readConfig } from './config';
import type { SendAndWaitConfig } from './config';
import { formPage, invalidLinkPage, thankYouPage } from './pages';
import type { PageField } from './pages';
import { checkAnswers } from './answers';

/**
 * The node's waiting webhook, as n8n's Wait node and sendAndWait operations declare it: n8n serves it at
 * <webhook-waiting base>/<execution ID>/<node ID> only while this execution waits on this node (`restartWebhook`), and
 * checks the link's signature before the node sees the request.
 */
export const sendAndWaitWebhooks: IWebhookDescription[] = ['GET', 'POST'].map((httpMethod) => ({
	name: 'default',
	httpMethod,
	responseMode: 'onReceived',
	responseData: '',
	path: '={{ $nodeId }}',
	restartWebhook: true,
	isFullPath: true,
}));

function sendPage(context: IWebhookFunctions, html: string, status = 200): IWebhookResponseData {
	const res = context.getResponseObject();
	res.status(status);
	res.setHeader('Content-Type', 'text/html; charset=utf-8');
	res.setHeader('Cache-Control', 'no-store');
	res.send(html);
	return { noWebhookResponse: true };
}

/** Resumes the execution with the answer and answers the phone with the thank-you page. */
function answer(config: SendAndWaitConfig, data: IDataObject): IWebhookResponseData {
	return {
		webhookResponse: thankYouPage(config.texts, config.thankYouText),
		workflowData: [[{ json: { data, timedOut: false, answeredAt: new Date().toISOString() } }]],
	};
}

function approvalPage(
	context: IWebhookFunctions,
	config: SendAndWaitConfig,
	isPost: boolean,
): IWebhookResponseData {
	const { approved } = context.getQueryData() as IDataObject;
	const allowed = config.approvalType === 'double' ? ['true', 'false'] : ['true'];
	if (typeof approved !== 'string' || !allowed.includes(approved)) {
		return sendPage(context, invalidLinkPage(config.texts), 400);
	}
	if (isPost) return answer(config, { approved: approved === 'true' });
	// A GET only shows the choice: link previews and scanners open links too, and must not answer for the client.
	const buttonLabel = approved === 'true' ? config.approveLabel : config.disapproveLabel;
	return sendPage(
		context,
		formPage(config.texts, { title: '', description: config.message, fields: [], buttonLabel }),
	);
}

function formFields(config: SendAndWaitConfig): PageField[] {
	if (config.responseType === 'customForm') return config.fields;
	return [{ name: 'text', label: config.texts.yourAnswer, type: 'textarea', required: true }];
}

function formResponse(
	context: IWebhookFunctions,
	config: SendAndWaitConfig,
	isPost: boolean,
): IWebhookResponseData {
	const fields = formFields(config);
	const show = (shown: PageField[], status = 200) =>
		sendPage(
			context,
			formPage(config.texts, {
				title: config.formTitle,
				description: config.formDescription,
				fields: shown,
				buttonLabel: config.formButtonLabel,
			}),
			status,
		);
	if (!isPost) return show(fields);
	const checked = checkAnswers(fields, (context.getBodyData() ?? {}) as IDataObject, config.texts);
	// A refused submission shows the form again with the reasons and the values typed; the execution keeps waiting.
	if (!checked.ok) return show(checked.fields, 400);
	if (config.responseType === 'freeText') return answer(config, { text: checked.values.text });
	return answer(config, checked.values);
}

export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const config = readConfig((name, fallback) => this.getNodeParameter(name, fallback));
	const isPost = this.getRequestObject().method === 'POST';
	if (config.responseType === 'approval') return approvalPage(this, config, isPost);
	return formResponse(this, config, isPost);
}
