import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalText } from '../../helpers/parameters';
import { mavibotApiRequest } from '../../transport';
import type { MavibotOperation } from '../types';
import { callbackAdditionalFields, callbackTextField, clientNameField } from './fields';
import { applyCallbackOptions, readCallbackText } from './readParameters';
import type { CallbackAction } from './reservedParameters';

/** The output item of a single-client callback: the API's answer, what identified the client, text, variables. */
export function callbackResult(
	response: IDataObject,
	identity: IDataObject,
	text: string | undefined,
	variables: IDataObject,
): IDataObject {
	return {
		status: 'success',
		...response,
		...identity,
		...(text !== undefined ? { callback_text: text } : {}),
		...(Object.keys(variables).length ? { variables } : {}),
	};
}

export interface CallbackSpec {
	action: CallbackAction;
	/** The fields that say who gets the callback (shown before Callback Text). */
	recipientFields: INodeProperties[];
	/** Reads them: the parameters that identify the client (and its bot) in the request, in request order. */
	identify: (context: IExecuteFunctions, itemIndex: number) => IDataObject;
	/** Whether the callback text is required; when not, an empty text only creates or updates the client. */
	textRequired: boolean;
	/** Whether the action takes a client name (`name`, under Additional Fields). */
	clientName?: boolean;
}

/**
 * A single-client callback operation: the recipient fields, Callback Text, and Additional Fields (client name, Resume
 * Bot, schedule, variables). The request body is the identity, name, message, then the additional parameters.
 */
export function callbackOperation(
	spec: CallbackSpec,
): Pick<MavibotOperation, 'description' | 'execute'> {
	return {
		description: [
			...spec.recipientFields,
			callbackTextField(spec.textRequired),
			callbackAdditionalFields(spec.clientName ? [clientNameField] : []),
		],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const identity = spec.identify(this, itemIndex);
			const text = readCallbackText(this, itemIndex, spec.textRequired);
			const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const body: IDataObject = { ...identity };
			const name = spec.clientName ? optionalText(fields.clientName) : undefined;
			if (name !== undefined) body.name = name;
			if (text !== undefined) body.message = text;
			const variables = applyCallbackOptions(this, itemIndex, spec.action, fields, body);
			const response = (await mavibotApiRequest.call(
				this,
				spec.action,
				{ body },
				itemIndex,
			)) as IDataObject;
			return callbackResult(response, identity, text, variables);
		},
	};
}
