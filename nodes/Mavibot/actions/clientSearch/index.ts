import { defineResource } from '../defineResource';
import * as findAllByVariable from './findAllByVariable.operation';
import * as findAllByVariables from './findAllByVariables.operation';
import * as findByEmail from './findByEmail.operation';
import * as findByOnlineChat from './findByOnlineChat.operation';
import * as findByPhone from './findByPhone.operation';
import * as findByPlatformIds from './findByPlatformIds.operation';
import * as findByVariable from './findByVariable.operation';
import * as findByWhatsAppPhone from './findByWhatsAppPhone.operation';
import * as findLatestByVariable from './findLatestByVariable.operation';
import * as search from './search.operation';

export const { operations, description } = defineResource(
	'clientSearch',
	[
		findAllByVariable,
		findAllByVariables,
		findByEmail,
		findByOnlineChat,
		findByPhone,
		findByPlatformIds,
		findByVariable,
		findByWhatsAppPhone,
		findLatestByVariable,
		search,
	],
	'findByPhone',
);
