import { defineResource } from '../defineResource';
import * as assign from './assign.operation';
import * as clearHistory from './clearHistory.operation';
import * as getHistory from './getHistory.operation';

export const { operations, description } = defineResource(
	'conversation',
	[assign, clearHistory, getHistory],
	'getHistory',
);
