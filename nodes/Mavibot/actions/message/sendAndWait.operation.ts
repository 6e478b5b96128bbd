import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../helpers/validation';
import { mavibotApiRequest } from '../../transport';
import type { OperationOption, OperationResult } from '../types';
import { readConfig } from './sendAndWait/config';
import type { SendAndWaitConfig } from './sendAndWait/config';
import { answerLinks, messageContent } from './sendAndWait/links';
import { optionsField } from './sendAndWait/optionsField';
import { recipientFields } from './sendAndWait/recipientFields';
import { resolveRecipient } from './sendAndWait/recipient';
import { responseFields } from './sendAndWait/responseFields';
import { waitForAnswer, waitTill } from './sendAndWait/waitLimit';

export const option: OperationOption = {
	name: 'Send and Wait for Response',
	value: 'sendAndWait',
	action: 'Send a message and wait for the response',
	description:
		'Send a question with answer links (approve/decline, a text or a form) and pause the workflow until the client answers',
};

export const description: INodeProperties[] = [...recipientFields, ...responseFields, optionsField];

/** An execution waits once, for one answer: the question goes out for the first item only, as in n8n's own nodes. */
export const runsOnce = true;

function checkConfig(
	context: IExecuteFunctions,
	itemIndex: number,
	config: SendAndWaitConfig,
): void {
	if (!config.message) {
		throw invalidParameter(
			context,
			itemIndex,
			'Message',
			'is empty',
			'Write the question the client answers.',
		);
	}
	if (config.responseType !== 'customForm') return;
	if (!config.fields.length) {
		throw invalidParameter(
			context,
			itemIndex,
			'Form Fields',
			'is empty',
			'Add at least one field to the form.',
		);
	}
	const labels = new Set<string>();
	for (const field of config.fields) {
		if (labels.has(field.label)) {
			throw invalidParameter(
				context,
				itemIndex,
				'Form Fields',
				`has two fields labelled "${field.label}"`,
				'Give every field its own label: the output names the answers by label.',
			);
		}
		labels.add(field.label);
		if (field.type === 'dropdown' && !field.choices?.length) {
			throw invalidParameter(
				context,
				itemIndex,
				`Form Fields → ${field.label} → Options`,
				'is empty',
				'Give the choices of the dropdown list, separated by commas.',
			);
		}
	}
}

/**
 * Sends the question with links to n8n's resume URL of this execution and puts the execution to wait. The answer
 * comes back through the node's waiting webhook (sendAndWait/webhook.ts), which gives the node's output.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const config = readConfig((name, fallback) => this.getNodeParameter(name, itemIndex, fallback));
	checkConfig(this, itemIndex, config);
	const until = waitTill(this, itemIndex);
	const recipient = await resolveRecipient(this, itemIndex);
	const links = answerLinks(this, config);
	const body: IDataObject = {
		client_id: recipient.clientId,
		...messageContent(config, links, config.linksInText || recipient.linksInText),
	};
	const response = (await mavibotApiRequest.call(
		this,
		'message',
		{ body },
		itemIndex,
	)) as IDataObject;
	const limited = await waitForAnswer(this, until);
	return {
		...response,
		status: 'waiting',
		client_id: recipient.clientId,
		...recipient.lookup,
		waitingUntil: limited ? until.toISOString() : null,
	};
}
