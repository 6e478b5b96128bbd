import { defineResource } from '../defineResource';
import * as create from './create.operation';
import * as getCurrent from './getCurrent.operation';
import * as getMany from './getMany.operation';
import * as getStage from './getStage.operation';
import * as getVariables from './getVariables.operation';
import * as moveToNextStage from './moveToNextStage.operation';
import * as setStage from './setStage.operation';
import * as setVariables from './setVariables.operation';

export const { operations, description } = defineResource(
	'deal',
	[create, getCurrent, getMany, getStage, getVariables, moveToNextStage, setStage, setVariables],
	'create',
);
