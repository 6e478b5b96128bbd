import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mavibotApiRequest } from '../../transport';
import type { OperationResult } from '../types';
import {
	applyCallbackOptions,
	callbackAdditionalFields,
	callbackResult,
	callbackTextField,
	identificationFields,
	identifyClient,
	readCallbackText,
} from './shared';

export const description: INodeProperties[] = [
	...identificationFields,
	callbackTextField(),
	callbackAdditionalFields(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const identity = identifyClient(this, itemIndex);
	const text = readCallbackText(this, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { ...identity, message: text };
	const variables = applyCallbackOptions(this, itemIndex, 'callback', fields, body);
	const response = (await mavibotApiRequest.call(this, 'callback', { body }, itemIndex)) as IDataObject;
	return callbackResult(response, identity, text, variables);
}
