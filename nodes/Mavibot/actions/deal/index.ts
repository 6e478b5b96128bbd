import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../helpers/displayOptions';
import * as create from './create.operation';
import * as getCurrent from './getCurrent.operation';
import * as getMany from './getMany.operation';
import * as getStage from './getStage.operation';
import * as getVariables from './getVariables.operation';
import * as moveToNextStage from './moveToNextStage.operation';
import * as setStage from './setStage.operation';
import * as setVariables from './setVariables.operation';

export const operations = {
	create,
	getCurrent,
	getMany,
	getStage,
	getVariables,
	moveToNextStage,
	setStage,
	setVariables,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['deal'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a deal',
				description:
					"Create a deal in MavibotCRM for a client found by ID, phone or e-mail; it becomes the client's current deal",
			},
			{
				name: 'Get Current',
				value: 'getCurrent',
				action: 'Get the current deal of a client',
				description: "Get the ID of the client's current (active) deal",
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many deals of a client',
				description: 'List the deal IDs of a client by status: active, won, lost or any',
			},
			{
				name: 'Get Stage',
				value: 'getStage',
				action: 'Get the stage of a deal',
				description: "Get the pipeline stage ID of a deal, or of the client's current deal",
			},
			{
				name: 'Get Variables',
				value: 'getVariables',
				action: 'Get variables of a deal',
				description: 'Read named variables of a deal',
			},
			{
				name: 'Move to Next Stage',
				value: 'moveToNextStage',
				action: 'Move a deal to the next stage',
				description: 'Move a deal one stage on along its pipeline and output the new stage ID',
			},
			{
				name: 'Set Stage',
				value: 'setStage',
				action: 'Set the stage of the current deal',
				description: "Move the client's current deal to a given pipeline stage",
			},
			{
				name: 'Set Variables',
				value: 'setVariables',
				action: 'Set variables of a deal',
				description: 'Write variables of a deal, given one by one or as JSON',
			},
		],
		default: 'create',
	},
	...operationProperties('deal', operations),
];
