import { defineResource } from '../defineResource';
import * as checkWhatsApp from './checkWhatsApp.operation';
import * as getBotBlocks from './getBotBlocks.operation';
import * as getMany from './getMany.operation';

export const { operations, description } = defineResource(
	'channel',
	[checkWhatsApp, getBotBlocks, getMany],
	'getMany',
);
