'use strict';
/**
 * Seed data of the Mavibot sandbox (deterministic; the seed string only drives the extra generated clients).
 *
 * Keys:      test-key-full (all permissions), test-key-readonly (R-Cl, R-CRM), test-key-nodelete (all but Del-Cl).
 * Project:   project_id 1.
 * Channels:  telegram bot id 23 / group_id 'mavi_test_bot'; whatsapp id 34810 / group_id 'd2hhdHNhcHBfMzQ4MTA='
 *            (phone 79990000000, status 1); vkontakte id 33 / group_id '143414131'; viber id 14 / group_id 11;
 *            email id 41 / group_id 'bot@shop.example'; avito, ok, facebook: none.
 * Clients:   1001 Telegram  '146467928'   Ann Petrova      (list 1170282; deals 40632 current/active, 40338 won)
 *            1002 WhatsApp  '79991234567' Boris Ivanov     (list 1170282; deal 40633 active, stage 102)
 *            1003 E-mail    'carol@example.com' Carol Smith (list 1170283; deal 40340 lost)
 *            1004 VK        '52734169'    Dmitry Sokolov   (list 1170283)
 *            1005 Telegram  '407184121'   Elena Kuznetsova (variable phone 79995556677; deal 40634 active)
 *            1006 WhatsApp  '79609879898' Farid Aliyev     (bot paused: callbacks get no bot reply)
 *            1007 E-mail    'george@example.com' George Brown
 *            1008 Telegram  '5566778899'  Hanna Müller     (list 1170282)
 *            1009 VK        '146467928'   Igor Volkov      (same platform id as 1001, other bot)
 *            1010 Web chat  'chat-7f3a9c' Website visitor  (client_type 5; online_chat_client_id recipient)
 *            1011 Viber     'viber-01234' Kirill Orlov
 *            1012 Telephony '79997778899' Lena Smirnova    (client_type 13, group '')
 * Lists:     1170282 'Hot leads' [1001, 1002, 1008]; 1170283 'Newsletter' [1003, 1004, every 10th generated];
 *            1170284 'Empty list' [].
 * Stages:    101 New → 102 Qualified → 103 Won (status 1); 104 Lost (status 2).
 * Blocks:    390 '/start', 391 'paid_ok', 392 'webinar_started', 393 'lead_from_site', 394 price list (no condition).
 * Operators: operator@example.com (id 7), manager@shop.example (id 8).
 * WhatsApp numbers reported as unregistered by check_whatsapp: 79995550000.
 * Generated clients (option `clients: N`): ids 200001…200000+N, types cycling 1, 6, 14, 0.
 * Ids created at runtime: clients from 3000001, deals from 40654, history/webhook message ids from 104500.
 */
const { addClient, createDeal, addHistory } = require('./store');

const KEYS = {
	full: 'test-key-full',
	readonly: 'test-key-readonly',
	nodelete: 'test-key-nodelete',
};

const PERMISSIONS = ['R-Cl', 'W-Cl', 'R-CRM', 'W-CRM', 'Del-Cl'];

const SEED = {
	projectId: 1,
	clients: {
		ann: 1001,
		boris: 1002,
		carol: 1003,
		dmitry: 1004,
		elena: 1005,
		farid: 1006,
		george: 1007,
		hanna: 1008,
		igor: 1009,
		webVisitor: 1010,
		kirill: 1011,
		lena: 1012,
	},
	deals: { annCurrent: 40632, annWon: 40338, boris: 40633, carolLost: 40340, elena: 40634 },
	lists: { hotLeads: 1170282, newsletter: 1170283, empty: 1170284 },
	stages: { new: 101, qualified: 102, won: 103, lost: 104 },
	blocks: { start: 390, paidOk: 391, webinar: 392, lead: 393, priceList: 394 },
	bots: {
		telegram: { id: 23, group_id: 'mavi_test_bot' },
		whatsapp: { id: 34810, group_id: 'd2hhdHNhcHBfMzQ4MTA=', phone: '79990000000' },
		vkontakte: { id: 33, group_id: '143414131' },
		viber: { id: 14, group_id: 11 },
		email: { id: 41, group_id: 'bot@shop.example' },
	},
	operators: ['operator@example.com', 'manager@shop.example'],
	generatedClientBase: 200000,
	firstRuntimeClientId: 3000001,
};

const BASE_TIME = 1735725600; // 2025-01-01 10:00:00 UTC
const WA_GROUP = SEED.bots.whatsapp.group_id;

function channels() {
	return {
		telegram: [
			{
				id: 23,
				short_name: 'mavi_test_bot',
				name: 'Mavi Test Bot',
				enabled: true,
				group_id: 'mavi_test_bot',
			},
		],
		whatsapp: [
			{ id: 34810, name: 'Sales WhatsApp', phone: '79990000000', status: 1, group_id: WA_GROUP },
		],
		vkontakte: [{ id: 33, group: '143414131', group_id: '143414131' }],
		viber: [{ id: 14, uri: 'mavishop', name: 'Mavi Shop Viber', enabled: true, group_id: 11 }],
		email: [{ id: 41, email: 'bot@shop.example', group_id: 'bot@shop.example' }],
		avito: [],
		ok: [],
		facebook: [],
	};
}

function blocks() {
	return [
		{
			id: 390,
			condition: '/start',
			answer: 'Hello! I am the Mavi Test Bot.',
			message_type: 0,
			description: 'Greeting',
		},
		{
			id: 391,
			condition: 'paid_ok',
			answer: 'Thank you, your payment was received.',
			message_type: 0,
			description: 'Payment confirmed',
		},
		{
			id: 392,
			condition: 'webinar_started',
			answer: 'The webinar has started: https://example.com/webinar',
			message_type: 0,
			description: 'Webinar reminder',
		},
		{
			id: 393,
			condition: 'lead_from_site',
			answer: 'Thanks for your request! A manager will contact you soon.',
			message_type: 0,
			description: 'Website lead',
		},
		{
			id: 394,
			condition: '',
			answer: 'Our price list is attached.',
			message_type: 1,
			description: 'Price list (sent by id only)',
		},
	];
}

const FIXED_CLIENTS = [
	{
		id: 1001,
		client_type: 1,
		platform_id: '146467928',
		name: 'Ann Petrova',
		group: 'mavi_test_bot',
		tag: 'spring_promo',
		message_id: 390,
		avatar: 'https://cdn.example.com/avatars/ann.jpg',
		variables: { tg_username: '@ann_p', city: 'Moscow', quiz_score: '7', source: 'telegram_ads' },
	},
	{
		id: 1002,
		client_type: 6,
		platform_id: '79991234567',
		name: 'Boris Ivanov',
		group: WA_GROUP,
		phone: '79991234567',
		variables: { city: 'Kazan', source: 'site' },
	},
	{
		id: 1003,
		client_type: 14,
		platform_id: 'carol@example.com',
		name: 'Carol Smith',
		group: 'bot@shop.example',
		email: 'carol@example.com',
		variables: { city: 'London', source: 'newsletter', status: 'vip' },
	},
	{
		id: 1004,
		client_type: 0,
		platform_id: '52734169',
		name: 'Dmitry Sokolov',
		group: '143414131',
		variables: { city: 'Moscow', source: 'vk_ads' },
	},
	{
		id: 1005,
		client_type: 1,
		platform_id: '407184121',
		name: 'Elena Kuznetsova',
		group: 'mavi_test_bot',
		tag: 'webinar',
		variables: {
			tg_username: '@elena_k',
			city: 'Saint Petersburg',
			quiz_score: '9',
			phone: '79995556677',
		},
	},
	{
		id: 1006,
		client_type: 6,
		platform_id: '79609879898',
		name: 'Farid Aliyev',
		group: WA_GROUP,
		phone: '79609879898',
		bot_paused: true,
		variables: { city: 'Kazan' },
	},
	{
		id: 1007,
		client_type: 14,
		platform_id: 'george@example.com',
		name: 'George Brown',
		group: 'bot@shop.example',
		email: 'george@example.com',
		variables: { source: 'site' },
	},
	{
		id: 1008,
		client_type: 1,
		platform_id: '5566778899',
		name: 'Hanna Müller',
		group: 'mavi_test_bot',
		variables: {},
	},
	{
		id: 1009,
		client_type: 0,
		platform_id: '146467928',
		name: 'Igor Volkov',
		group: '143414131',
		variables: { city: 'Novosibirsk' },
	},
	{
		id: 1010,
		client_type: 5,
		platform_id: 'chat-7f3a9c',
		name: 'Website visitor',
		group: 'site_widget',
		tag: 'pricing_page',
		variables: {},
	},
	{
		id: 1011,
		client_type: 2,
		platform_id: 'viber-01234',
		name: 'Kirill Orlov',
		group: '11',
		variables: { city: 'Minsk' },
	},
	{
		id: 1012,
		client_type: 13,
		platform_id: '79997778899',
		name: 'Lena Smirnova',
		group: '',
		phone: '79997778899',
		variables: {},
	},
];

const FIXED_DEALS = [
	{
		id: 40338,
		client_id: 1001,
		state_id: 103,
		name: 'Ann: trial',
		budget: 0,
		variables: { product: 'trial' },
		current: false,
	},
	{
		id: 40632,
		client_id: 1001,
		state_id: 101,
		name: 'Ann: starter plan',
		budget: 1500,
		variables: { product: 'starter', delivery_date: '13.04.2025', order_sum: '1500' },
	},
	{
		id: 40633,
		client_id: 1002,
		state_id: 102,
		name: 'Boris: pro plan',
		budget: 32000,
		variables: { product: 'pro' },
	},
	{
		id: 40340,
		client_id: 1003,
		state_id: 104,
		name: 'Carol: consulting',
		budget: 5000,
		variables: { product: 'consulting', lost_reason: 'price' },
	},
	{
		id: 40634,
		client_id: 1005,
		state_id: 101,
		name: 'Elena: webinar seat',
		budget: 990,
		variables: { product: 'webinar' },
	},
];

const FIXED_HISTORY = {
	1001: [
		{ text: '/start', client_replica: true, answered: true },
		{ text: 'Hello! I am the Mavi Test Bot.', message_id: 390 },
		{ text: 'How much is the starter plan?', client_replica: true, answered: true },
		{ text: 'The starter plan costs 1500.', manager_id: 7, manager_email: 'operator@example.com' },
	],
	1002: [
		{ text: 'Hi, is the pro plan available?', client_replica: true },
		{ text: 'Yes! Sending details.', message_from_outside: 1 },
	],
	1003: [{ text: 'newsletter_signup', message_from_outside: 3 }],
	1005: [
		{ text: '/start', client_replica: true, answered: true },
		{ text: 'Hello! I am the Mavi Test Bot.', message_id: 390 },
	],
};

// Small deterministic PRNG (mulberry32) for generated clients.
function prng(seedText) {
	let h = 1779033703;
	for (const ch of String(seedText)) h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
	let a = h >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const FIRST_NAMES = [
	'Alex',
	'Maria',
	'Ivan',
	'Olga',
	'Pavel',
	'Sofia',
	'Timur',
	'Yana',
	'Nikita',
	'Daria',
	'Omar',
	'Lucia',
];
const LAST_NAMES = [
	'Smirnov',
	'Popova',
	'Lebedev',
	'Kozlova',
	'Novak',
	'Garcia',
	'Meyer',
	'Rossi',
	'Tanaka',
	'Silva',
];
const CITIES = ['Moscow', 'Kazan', 'London', 'Berlin', 'Almaty', 'Minsk', 'Riga'];
const SOURCES = ['site', 'telegram_ads', 'vk_ads', 'newsletter', 'referral'];

function generateClients(state, count, seedText) {
	const random = prng(seedText);
	const pick = (arr) => arr[Math.floor(random() * arr.length)];
	const newsletter = state.lists.get(SEED.lists.newsletter).clients;
	for (let i = 1; i <= count; i++) {
		const fields = {
			id: SEED.generatedClientBase + i,
			name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
			created_at: BASE_TIME + 86400 + i,
			variables: { city: pick(CITIES), source: pick(SOURCES), n: String(i) },
			client_type: 0,
			platform_id: String(300000000 + i),
			group: '143414131',
			phone: null,
			email: null,
		};
		const kind = i % 4; // 1 → Telegram, 2 → WhatsApp, 3 → e-mail, 0 → VK
		if (kind === 1) {
			fields.client_type = 1;
			fields.platform_id = String(600000000 + i);
			fields.group = 'mavi_test_bot';
		} else if (kind === 2) {
			fields.client_type = 6;
			fields.platform_id = fields.phone = `7916${String(i).padStart(7, '0')}`;
			fields.group = WA_GROUP;
		} else if (kind === 3) {
			fields.client_type = 14;
			fields.platform_id = fields.email = `user${i}@example.com`;
			fields.group = 'bot@shop.example';
		}
		addClient(state, fields);
		if (i % 10 === 0) newsletter.add(fields.id);
	}
}

/** Builds a fresh state. `clients` = number of extra generated clients. */
function createState({ seed = 'default', clients = 0 } = {}) {
	const state = {
		seed,
		projectId: SEED.projectId,
		keys: {
			[KEYS.full]: [...PERMISSIONS],
			[KEYS.readonly]: ['R-Cl', 'R-CRM'],
			[KEYS.nodelete]: PERMISSIONS.filter((p) => p !== 'Del-Cl'),
		},
		channels: channels(),
		blocks: blocks(),
		stages: [
			{ id: 101, name: 'New' },
			{ id: 102, name: 'Qualified' },
			{ id: 103, name: 'Won', outcome: 'won' },
			{ id: 104, name: 'Lost', outcome: 'lost' },
		],
		operators: [
			{ id: 7, email: 'operator@example.com', name: 'Olga Operator' },
			{ id: 8, email: 'manager@shop.example', name: 'Max Manager' },
		],
		whatsappUnregistered: new Set(['79995550000']),
		clients: new Map(),
		platformIndex: new Map(),
		deals: new Map(),
		lists: new Map(),
		history: new Map(),
		seq: { client: SEED.firstRuntimeClientId, deal: 40654, message: 104500, assign: 0 },
	};

	FIXED_CLIENTS.forEach((c, i) => addClient(state, { ...c, created_at: BASE_TIME + i * 3600 }));
	for (const d of FIXED_DEALS) {
		createDeal(state, state.clients.get(d.client_id), {
			...d,
			created_at: BASE_TIME + 7200 + (d.id % 100) * 60,
		});
	}
	let historyId = 104400;
	for (const [clientId, items] of Object.entries(FIXED_HISTORY)) {
		items.forEach((item, i) => {
			addHistory(state, Number(clientId), {
				...item,
				id: historyId++,
				created_at: BASE_TIME + 3600 + i * 300,
			});
		});
	}
	const list = (id, name, members) => state.lists.set(id, { id, name, clients: new Set(members) });
	list(SEED.lists.hotLeads, 'Hot leads', [1001, 1002, 1008]);
	list(SEED.lists.newsletter, 'Newsletter', [1003, 1004]);
	list(SEED.lists.empty, 'Empty list', []);

	if (clients > 0) generateClients(state, clients, seed);
	return state;
}

module.exports = { KEYS, PERMISSIONS, SEED, BASE_TIME, createState };
