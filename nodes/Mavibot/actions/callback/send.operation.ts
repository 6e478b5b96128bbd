import { callbackOperation } from './callbackOperation';
import { identificationFields, identifyClient } from './identifyClient';
import type { OperationOption } from '../types';

export const option: OperationOption = {
	name: 'Send',
	value: 'send',
	action: 'Send a callback to a client',
	description:
		'Start a bot funnel for a known client (by client ID, phone or e-mail) with a hidden callback message (callback)',
};

export const { description, execute } = callbackOperation({
	action: 'callback',
	recipientFields: identificationFields,
	identify: identifyClient,
	textRequired: true,
});
