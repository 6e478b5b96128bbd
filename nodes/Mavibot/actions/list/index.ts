import { defineResource } from '../defineResource';
import * as addClients from './addClients.operation';
import * as removeClients from './removeClients.operation';

export const { operations, description } = defineResource(
	'list',
	[addClients, removeClients],
	'addClients',
);
