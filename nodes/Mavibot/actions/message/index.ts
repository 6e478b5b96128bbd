import { defineResource } from '../defineResource';
import * as broadcast from './broadcast.operation';
import * as send from './send.operation';
import * as sendAndWait from './sendAndWait.operation';
import * as sendToWhatsApp from './sendToWhatsApp.operation';

export const { operations, description } = defineResource(
	'message',
	[broadcast, send, sendAndWait, sendToWhatsApp],
	'send',
);
