/**
 * Runs of every operation against the sandbox whose real output the output schemas
 * (nodes/Mavibot/__schema__/v<version>/<resource>/<operation>.json) must describe. Each operation has at least one
 * case; where a setting changes the shape of the output (Simplify, found / not found, optional fields that are only
 * echoed when given), the cases cover each shape, so that the schema is checked against all of them.
 *
 * `variant` names a second schema file for a setting whose output differs (e.g. Simplify off →
 * <operation>.simplifyOff.json); n8n's editor reads the file without a variant, which describes the defaults.
 */
const { SEED } = require('../sandbox/state');

const C = SEED.clients;
const B = SEED.bots;
const rl = (value, mode = 'id') => ({ __rl: true, mode, value });
const one = (parameters, items, variant) => ({ parameters, items: items ?? [{}], variant });
/** A case that sends a binary file made in the workflow (Attachment Source: Binary File). */
const withFile = (parameters) => ({
	parameters: { ...parameters, additionalFields: { attachmentSource: 'binary' } },
	items: [{}],
	file: {
		content: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
		fileName: 'a.pdf',
		mimeType: 'application/pdf',
	},
});

/** resource → operation → cases ({ parameters, items?, variant? }). */
const CASES = {
	callback: {
		send: [
			one({
				clientId: String(C.ann),
				callbackText: '/start',
				additionalFields: { resumeBot: true, delaySeconds: 60 },
			}),
			one({
				identifyClientBy: 'phone',
				clientPhone: '+7 999 123-45-67',
				callbackText: 'lead_from_site',
			}),
		],
		sendByEmail: [
			one({
				email: 'new.lead@example.com',
				emailBot: rl(B.email.group_id),
				callbackText: 'lead_from_site',
			}),
		],
		sendByOkId: [
			one({ userId: '575384911234', okGroup: rl('70000001234567'), callbackText: '/start' }),
		],
		sendByTelegramId: [
			one({ userId: '146467928', bot: rl(B.telegram.group_id), callbackText: '/start' }),
			one({ userId: '407184121', bot: rl(''), callbackText: '/start' }),
		],
		sendByVkId: [
			one({ userId: '52734169', vkGroup: rl(B.vkontakte.group_id), callbackText: '/start' }),
		],
		sendByWhatsAppPhone: [
			one({
				phone: '+7 (999) 123-45-67',
				whatsAppChannel: rl(String(B.whatsapp.id)),
				callbackText: 'lead_from_site',
			}),
		],
		sendToMany: [
			one({
				platformIds: '146467928, 5566778899',
				bot: rl(B.telegram.group_id),
				callbackText: 'webinar_started',
			}),
		],
	},
	channel: {
		checkWhatsApp: [
			one({ phone: '={{ $json.phone }}' }, [
				{ phone: '+7 999 123-45-67' },
				{ phone: '79995550000' },
			]),
		],
		getBotBlocks: [one({ returnAll: true })],
		getMany: [one({})],
	},
	client: {
		deleteMany: [one({ clientIds: `${C.george}, ${C.kirill}\n999999` })],
		getMany: [one({ limit: 3 }), one({ limit: 3, simplify: false }, undefined, 'simplifyOff')],
		getSubscribers: [
			one({ returnAll: true }),
			one({ returnAll: true, simplify: false }, undefined, 'simplifyOff'),
		],
		import: [
			one({ platformId: '777000111', clientType: 1, bot: rl(B.telegram.group_id) }),
			one({ platformId: '146467928', clientType: 1, bot: rl(B.telegram.group_id) }),
		],
	},
	clientSearch: {
		findAllByVariable: [one({ variable: 'city', value: 'Kazan' })],
		findAllByVariables: [
			one({
				variables: {
					variable: [
						{ name: 'city', value: 'Kazan' },
						{ name: 'source', value: 'site' },
					],
				},
			}),
		],
		findByEmail: [
			one({ email: '={{ $json.email }}' }, [
				{ email: 'carol@example.com' },
				{ email: 'nobody@example.com' },
			]),
		],
		findByOnlineChat: [
			one({ recipient: 'chat-7f3a9c' }),
			one({ recipient: 'chat-7f3a9c', additionalFields: { tag: 'pricing_page', name: 'Visitor' } }),
		],
		findByPhone: [
			one({ phone: '={{ $json.phone }}' }, [
				{ phone: '+7 999 123-45-67' },
				{ phone: '70000000000' },
			]),
		],
		findByPlatformIds: [
			one({ platformIds: '146467928, 5566778899', bot: rl(B.telegram.group_id, 'list') }),
		],
		findByVariable: [
			one({ variable: '={{ $json.variable }}', value: '={{ $json.value }}' }, [
				{ variable: 'city', value: 'Novosibirsk' },
				{ variable: 'city', value: 'Paris' },
			]),
			one({ variable: 'product', value: 'pro', searchIn: 'order', bot: rl(B.vkontakte.group_id) }),
		],
		findByWhatsAppPhone: [
			one({ phone: '={{ $json.phone }}', bot: rl(B.whatsapp.group_id, 'list') }, [
				{ phone: '79991234567' },
				{ phone: '70000000000' },
			]),
		],
		findLatestByVariable: [
			one({ variable: '={{ $json.variable }}', value: '={{ $json.value }}' }, [
				{ variable: 'city', value: 'Kazan' },
				{ variable: 'city', value: 'Paris' },
			]),
		],
		search: [
			one({
				conditions: { condition: [{ variable: 'city', operator: 'equals', value: 'Kazan' }] },
			}),
		],
	},
	conversation: {
		assign: [one({ clientId: String(C.ann), email: 'manager@shop.example' })],
		clearHistory: [one({ clientId: String(C.ann) })],
		getHistory: [
			one({ clientId: String(C.ann) }),
			one({ clientId: String(C.ann), simplify: false }, undefined, 'simplifyOff'),
		],
	},
	deal: {
		create: [
			one({
				clientId: String(C.dmitry),
				additionalFields: { name: 'Pro plan', budget: 1500.5, stateId: '102' },
			}),
			one({ identifyBy: 'phone', phone: '+7 999 000-11-22' }),
		],
		getCurrent: [one({ clientId: String(C.ann) })],
		getMany: [one({ clientId: String(C.ann), status: 'any' })],
		getStage: [
			one({ clientId: String(C.ann) }),
			one({ clientId: String(C.ann), orderId: String(SEED.deals.annWon) }),
		],
		getVariables: [
			one({
				clientId: String(C.ann),
				orderId: String(SEED.deals.annCurrent),
				variableNames: 'product, missing_var',
			}),
		],
		moveToNextStage: [one({ clientId: String(C.boris), orderId: String(SEED.deals.boris) })],
		setStage: [one({ clientId: String(C.ann), stateId: String(SEED.stages.qualified) })],
		setVariables: [
			one({
				clientId: String(C.ann),
				orderId: String(SEED.deals.annCurrent),
				variables: { variable: [{ name: 'order_sum', value: '2500' }] },
			}),
		],
	},
	file: {
		download: [
			one((sandbox) => ({
				url: sandbox.fileUrl('invoice.pdf'),
				options: { allowPrivateNetwork: true },
			})),
		],
	},
	list: {
		addClients: [one({ listId: String(SEED.lists.hotLeads), clientIds: `${C.dmitry}, 999999` })],
		removeClients: [
			one({ listId: String(SEED.lists.hotLeads), clientIds: `${C.ann}, ${C.dmitry}` }),
		],
	},
	message: {
		broadcast: [
			one({
				listId: String(SEED.lists.hotLeads),
				text: 'The sale starts today',
				additionalFields: { shift: 1.5 },
			}),
			one({ sendTo: 'clients', clientIds: `${C.ann}, ${C.boris}`, text: 'Hello' }),
			withFile({ sendTo: 'clients', clientIds: `${C.ann}`, text: 'The price list' }),
			one({
				sendTo: 'platformIds',
				platformIds: '146467928',
				bot: rl(B.telegram.group_id),
				text: 'Hello',
			}),
		],
		send: [
			one({ clientId: String(C.ann), text: 'Hello' }),
			withFile({ clientId: String(C.ann), text: 'Your invoice' }),
			one({
				clientId: String(C.ann),
				text: 'Later',
				additionalFields: { sendAt: '2030-12-01 09:30:00' },
			}),
		],
		sendToWhatsApp: [
			one({
				phone: '+7 (999) 123-45-67',
				whatsAppChannel: rl(String(B.whatsapp.id)),
				text: 'Your invoice',
			}),
			withFile({
				phone: '+7 (999) 123-45-67',
				whatsAppChannel: rl(String(B.whatsapp.id)),
				text: 'Your invoice',
			}),
		],
		// The run waits for the client: `answer` is how the case resumes it (outputs.js). `data` holds what the client
		// answered (approved, the text, the form fields by label), so it is an open object.
		sendAndWait: [
			{ ...one({ clientId: String(C.ann), message: 'Confirm order A-1?' }), answer: { link: 0 } },
			{
				...one({
					clientId: String(C.ann),
					message: 'What should we change?',
					responseType: 'freeText',
				}),
				answer: { link: 0, form: { text: 'Deliver on Friday' } },
			},
			{
				...one({
					clientId: String(C.ann),
					message: 'Approve?',
					options: {
						limitWaitTime: {
							values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'hours' },
						},
					},
				}),
				answer: { limit: true },
			},
		],
	},
	variable: {
		get: [
			one({ clientId: String(C.elena) }),
			one({ clientId: String(C.elena), output: 'flat' }, undefined, 'flatOutput'),
		],
		set: [
			one({
				clientId: String(C.ann),
				variables: { variable: [{ name: 'client.city', value: 'Riga' }] },
			}),
			one({
				target: 'many',
				clientIds: `${C.ann}, ${C.boris}`,
				variables: { variable: [{ name: 'tag', value: 'vip' }] },
			}),
		],
	},
};

/**
 * Objects whose field names are the user's own (variables): their schema is an open object. Per schema file
 * ("<resource>/<operation>[.<variant>]"), the paths of such objects ("$" is the output item itself).
 */
const MAPS = {
	'deal/getVariables': ['$.variables'],
	'deal/setVariables': ['$.variables'],
	'clientSearch/findByPlatformIds': ['$.variables'],
	'variable/get': ['$.variables'],
	'variable/get.flatOutput': ['$'],
	'variable/set': ['$.variables'],
	'message/sendAndWait': ['$.data'],
	// Mavibot Trigger: what Mavibot or a bot block posted, as it was
	'trigger/output': ['$.raw'],
	'trigger/output.blockRequests': ['$.body', '$.query'],
};

/** Every case as { resource, operation, variant, parameters, items }, in a stable order. */
function allCases() {
	const cases = [];
	for (const [resource, operations] of Object.entries(CASES)) {
		for (const [operation, list] of Object.entries(operations)) {
			for (const { parameters, items, variant, answer, file } of list) {
				cases.push({ resource, operation, variant, parameters, items, answer, file });
			}
		}
	}
	return cases;
}

/**
 * Mavibot Trigger: requests to its webhook, per event source. n8n reads a trigger's schema without discriminators from
 * __schema__/v<version>/output.json (n8n-core's output-schema-resolver): that file describes the default source,
 * Message Events; the other source has its own variant file, as n8n names variants (output.<variant>.json).
 * `event(state)` builds a request from the sandbox's state (its documented webhook payload).
 */
const TRIGGER_TOKEN = 'schema-test-token-0123456789';
const TRIGGER_CASES = [
	{
		file: 'output.json',
		parameters: { source: 'messageEvents', direction: 'both' },
		requests: (sandbox) => [
			{
				body: sandbox.buildWebhookEvent({
					client_id: C.ann,
					attachments: ['https://cdn.example.com/a.jpg'],
				}),
			},
			{
				body: sandbox.buildWebhookEvent({
					client_id: C.lena,
					is_input: 0,
					delivered: 0,
					error_message: 'blocked',
				}),
			},
			{
				body: sandbox.buildWebhookEvent({
					client_id: C.boris,
					message: 'crm_state_changed 101 102',
				}),
			},
		],
	},
	{
		// Download Attachments: one file downloaded, one failed.
		file: 'output.json',
		parameters: {
			source: 'messageEvents',
			options: { downloadAttachments: true, allowPrivateNetwork: true },
		},
		requests: (sandbox) => [
			{
				body: sandbox.buildWebhookEvent({
					client_id: C.dmitry,
					attachments: [sandbox.fileUrl('photo.jpg'), sandbox.fileUrl('missing.pdf')],
				}),
			},
		],
	},
	{
		file: 'output.json',
		parameters: { source: 'messageEvents', options: { includeRaw: false } },
		requests: (sandbox) => [{ body: sandbox.buildWebhookEvent({ client_id: C.carol }) }],
	},
	{
		file: 'output.blockRequests.json',
		parameters: { source: 'blockRequests' },
		requests: () => [
			{
				body: { client_id: '1001', question: 'When does my order ship?' },
				query: { step: 'order' },
			},
			{ body: { client_id: 1002, order: { id: 40633, items: [1, 2] } } },
		],
	},
];

/** The schema file of a case, relative to the node's __schema__/v<version>/ folder. */
const schemaFile = ({ resource, operation, variant }) =>
	`${resource}/${operation}${variant ? `.${variant}` : ''}.json`;

module.exports = { CASES, MAPS, TRIGGER_CASES, TRIGGER_TOKEN, allCases, schemaFile };
