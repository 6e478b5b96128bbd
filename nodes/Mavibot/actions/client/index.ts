import { defineResource } from '../defineResource';
import * as deleteMany from './deleteMany.operation';
import * as getMany from './getMany.operation';
import * as getSubscribers from './getSubscribers.operation';
import * as importClients from './import.operation';

export const { operations, description } = defineResource(
	'client',
	[deleteMany, getMany, getSubscribers, importClients],
	'getMany',
);
