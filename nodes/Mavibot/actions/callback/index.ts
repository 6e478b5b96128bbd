import { defineResource } from '../defineResource';
import * as send from './send.operation';
import * as sendByEmail from './sendByEmail.operation';
import * as sendByOkId from './sendByOkId.operation';
import * as sendByTelegramId from './sendByTelegramId.operation';
import * as sendByVkId from './sendByVkId.operation';
import * as sendByWhatsAppPhone from './sendByWhatsAppPhone.operation';
import * as sendToMany from './sendToMany.operation';

export const { operations, description } = defineResource(
	'callback',
	[send, sendByEmail, sendByOkId, sendByTelegramId, sendByVkId, sendByWhatsAppPhone, sendToMany],
	'send',
);
