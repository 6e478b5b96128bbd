import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { downloadBudget, DownloadError, downloadFile } from '../../../shared/download/download';
import { downloadLimitFields, readDownloadLimits } from '../../../shared/download/options';
import type { DownloadLimitValues } from '../../../shared/download/options';
import { requiredText } from '../../helpers/parameters';
import { invalidParameter } from '../../helpers/validation';
import { withBinary } from '../../helpers/binaryOutput';
import type { OperationOption, OperationResult } from '../types';
import { collection, requiredTextField } from '../fields/builders';

export const option: OperationOption = {
	name: 'Download',
	value: 'download',
	action: 'Download a file',
	description:
		'Download a file from a link (an attachment of a message event or of the history) as binary data',
};

const URL_FIX =
	'Give the link of the file, e.g. {{ $json.attachments[0] }} from the Mavibot Trigger or an attachment_url from Get History';

export const description: INodeProperties[] = [
	requiredTextField(
		'URL',
		'url',
		'e.g. https://files.example.com/photo.jpg',
		'Link of the file to download (http or https). The request carries no Mavibot credential.',
	),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		description: 'The name of the output binary field to put the file in',
	},
	collection('Options', downloadLimitFields('file')),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationResult> {
	const url = requiredText(this, itemIndex, 'url', 'URL', URL_FIX);
	const binaryProperty = requiredText(
		this,
		itemIndex,
		'binaryPropertyName',
		'Put Output File in Field',
		'Name the binary field the file goes to, e.g. data',
	);
	const read = readDownloadLimits(
		this.getNodeParameter('options', itemIndex, {}) as DownloadLimitValues,
	);
	if (!read.ok) {
		throw invalidParameter(this, itemIndex, read.field, read.problem, 'Correct it in Options');
	}
	const { maxBytes, seconds, allowPrivate } = read.limits;
	try {
		const file = await downloadFile(this, url, {
			maxBytes,
			allowPrivate,
			budget: downloadBudget(seconds, this.getExecutionCancelSignal?.()),
		});
		return withBinary(
			{
				url,
				finalUrl: file.finalUrl,
				fileName: file.binary.fileName ?? 'file',
				mimeType: file.binary.mimeType,
				bytes: file.bytes,
				binaryProperty,
			},
			{ [binaryProperty]: file.binary },
		);
	} catch (error) {
		if (!(error instanceof DownloadError))
			throw new NodeOperationError(this.getNode(), error, { itemIndex });
		throw new NodeOperationError(this.getNode(), `${error.message} [item ${itemIndex}]`, {
			description: error.fix,
			itemIndex,
		});
	}
}
