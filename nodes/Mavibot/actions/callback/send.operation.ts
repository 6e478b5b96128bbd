import { callbackOperation, identificationFields, identifyClient } from './shared';

export const { description, execute } = callbackOperation({
	action: 'callback',
	recipientFields: identificationFields,
	identify: identifyClient,
	textRequired: true,
});
