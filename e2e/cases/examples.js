'use strict';
// The example workflows of examples/ (what users import) and how the end-to-end tier checks them: each runs once
// headless with its sample data (`n8n execute --id`), and, published, through its real trigger while `n8n start` runs
// (website form and CRM webhooks, Mavibot Trigger fired by the sandbox). The browser check clicks the canvas's Execute
// workflow on each.
//
// The samples are pinned on the examples' real triggers (the editor's Execute workflow then runs them at once instead
// of waiting for a call). `n8n execute` ignores pinned data and starts only from a Manual Trigger, so the headless run
// uses a copy of the example (cliCopy) in which a Manual Trigger and a Set node that outputs the pinned item stand in
// for the pinned trigger.

const fs = require('node:fs');
const path = require('node:path');
const { REPO, http, sleep, waitUntil } = require('../lib/util');
const { nodeOutput } = require('../lib/n8n');
const { wire } = require('./execute');
const { CREDENTIALS } = require('./credentials');
const agent = require('./agent');
const { contentText } = require('../lib/modelServer');
const { fileCatalogue } = require('../../test/sandbox/files');

const EXAMPLES_DIR = path.join(REPO, 'examples');

/** The only request of `action` in wire form (method, key, query, body, outcome); fails unless there is exactly one. */
function one(assert, requests, action) {
	const found = wire(requests, action);
	assert.equal(found.length, 1, `exactly one "${action}" request (got ${found.length})`);
	assert.equal(found[0].key, 'test-key-full');
	assert.equal(found[0].outcome, 'ok', `"${action}" succeeded`);
	return found[0];
}

const webhookUrl = (n8n, workflow) => {
	const node = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.webhook');
	return `${n8n.baseUrl}/webhook/${node.parameters.path}`;
};

const triggerNode = (workflow) =>
	workflow.nodes.find((n) => n.type === 'n8n-nodes-mavibot.mavibotTrigger');
// Version 1.1 reads the token from its "Mavibot Trigger API" credential (the one e2e imports), version 1 from "Token".
const triggerToken = (trigger) =>
	trigger.credentials ? CREDENTIALS.trigger.data.token : trigger.parameters.token;

/** The example's Mavibot Trigger production route, and its URL with the token as Mavibot calls it. */
function triggerUrl(n8n, workflow) {
	const trigger = triggerNode(workflow);
	const route = `${trigger.webhookId}/mavibot`;
	const token = encodeURIComponent(triggerToken(trigger));
	return { route, url: `${n8n.baseUrl}/webhook/${route}?token=${token}` };
}

/** Waits until the sandbox has recorded `count` requests in all (workflows started by a webhook run after the answer). */
async function settledRequests(sandbox, count, timeoutMs = 20000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const requests = await sandbox.requests();
		if (requests.length >= count || Date.now() > deadline) return requests;
		await sleep(200);
	}
}

/** The scripted model's conversation for the AI example (model "gpt-4.1-mini"), checked for the API key. */
function exampleConversation(assert) {
	const model = agent.current();
	const conversation = model.conversation('gpt-4.1-mini');
	agent.assertNoApiKey(assert, model.requests());
	return conversation;
}

const CHECKS = {
	'website-lead-to-whatsapp-funnel.json': {
		needs: ['callback.sendByWhatsAppPhone', 'deal.create'],
		activate: true,
		executeCases: [
			{
				name: 'example "website lead → WhatsApp funnel + deal" with its sample lead',
				verify({ run, requests, assert }) {
					assert.equal(run.code, 0, 'n8n execute exits 0');
					const callback = one(assert, requests, 'whatsapp_callback');
					assert.equal(callback.method, 'POST');
					assert.deepEqual(callback.body, {
						phone: '79165551234',
						name: 'Maria Lebedeva',
						message: 'lead_from_site',
						lead_product: 'Pro plan',
						lead_email: 'maria@example.com',
						lead_source: 'website',
					});
					const order = one(assert, requests, 'create_order');
					assert.deepEqual(order.body, {
						client_id: 3000001,
						name: 'Website lead: Pro plan',
						budget: 32000,
						state_id: 101,
					});
					const [deal] = nodeOutput(run.runData, 'Create deal');
					assert.equal(deal.order_id, 40654);
					assert.equal(deal.client_id, 3000001);
				},
			},
		],
		async serverChecks({ n8n, sandbox, check, workflow }) {
			await check(
				'example "website lead": the form webhook answers with the new deal',
				async (assert) => {
					await sandbox.reset();
					const res = await http('POST', webhookUrl(n8n, workflow), {
						body: {
							name: 'Omar Silva',
							phone: '+7 916 111-22-33',
							email: 'omar@example.com',
							product: 'Starter plan',
							budget: '1500',
						},
					});
					assert.equal(res.status, 200, res.text);
					assert.equal(res.body.status, 'success');
					assert.equal(res.body.order_id, 40654);
					assert.equal(res.body.client_id, 3000001);
					assert.equal(res.body.budget, 1500);
					const requests = await sandbox.requests();
					assert.equal(one(assert, requests, 'whatsapp_callback').body.phone, '79161112233');
					assert.deepEqual(one(assert, requests, 'create_order').body, {
						client_id: 3000001,
						name: 'Website lead: Starter plan',
						budget: 1500,
						state_id: 101,
					});
				},
			);
		},
	},

	'weekly-broadcast-to-list.json': {
		needs: ['message.broadcast'],
		activate: true,
		executeCases: [
			{
				name: 'example "weekly broadcast to a list" sent now',
				verify({ run, requests, assert }) {
					assert.equal(run.code, 0, 'n8n execute exits 0');
					const sent = one(assert, requests, 'broadcast');
					assert.equal(sent.method, 'POST');
					assert.deepEqual(sent.body, {
						list: 1170283,
						message:
							'Hello! This week at Mavi Shop: new arrivals and 10% off everything with the code MONDAY10. Reply "price" for the price list.',
						shift: 0.5,
					});
					const [out] = nodeOutput(run.runData, 'Weekly newsletter');
					assert.equal(out.status, 'success');
					assert.equal(out.audience, 'list');
					assert.ok(out.sent > 0, 'the sandbox sent to the list members');
				},
			},
		],
		async serverChecks({ n8n, check, workflow, owner }) {
			if (!owner) return;
			await check(
				'example "weekly broadcast": the schedule is active after publishing',
				async (assert) => {
					const wf = await n8n.restOk('GET', `workflows/${workflow.id}`);
					assert.equal(wf.active, true);
				},
			);
		},
	},

	'incoming-message-reply.json': {
		needs: ['trigger', 'message.send', 'variable.set'],
		activate: true,
		executeCases: [
			{
				name: 'example "incoming message → branch → reply + set variables" with its sample message',
				verify({ run, requests, assert }) {
					assert.equal(run.code, 0, 'n8n execute exits 0');
					const reply = one(assert, requests, 'message');
					assert.deepEqual(reply.body, {
						client_id: 1002,
						message: 'Here is our price list, Boris Ivanov!',
						message_id: 394,
					});
					const saved = one(assert, requests, 'save_variables');
					assert.deepEqual(saved.body, {
						client_id: 1002,
						variables: {
							'client.interest': 'pricing',
							'client.last_question': 'Hi! What is the price of the pro plan?',
						},
					});
					assert.equal(
						nodeOutput(run.runData, 'Thank and hand over'),
						undefined,
						'the other branch did not run',
					);
				},
			},
		],
		async serverChecks({ n8n, sandbox, check, workflow, owner }) {
			const { route, url } = triggerUrl(n8n, workflow);
			await check(
				'example "incoming message": a question without "price" is thanked and flagged',
				async (assert) => {
					await n8n.waitForWebhook(route);
					await sandbox.reset();
					const fired = await sandbox.fireWebhook(url, {
						client_id: 1005,
						message: 'Can I talk to a human?',
					});
					assert.equal(fired.result.status, 200);
					assert.deepEqual(fired.result.body, { status: 'ok' });
					const requests = await settledRequests(sandbox, 2);
					assert.deepEqual(one(assert, requests, 'message').body, {
						client_id: 1005,
						message: 'Thanks, Elena Kuznetsova! A manager will answer you shortly.',
					});
					assert.deepEqual(one(assert, requests, 'save_variables').body, {
						client_id: 1005,
						variables: {
							'client.needs_manager': 'yes',
							'client.last_question': 'Can I talk to a human?',
						},
					});
					if (owner) {
						const [execution] = await n8n.waitForExecutions(workflow.id, 1);
						assert.equal(execution.status, 'success');
					}
				},
			);
			await check(
				'example "incoming message": "PRICE?" gets the price list block',
				async (assert) => {
					await sandbox.reset();
					const fired = await sandbox.fireWebhook(url, { client_id: 1001, message: 'PRICE?' });
					assert.equal(fired.result.status, 200);
					const requests = await settledRequests(sandbox, 2);
					assert.deepEqual(one(assert, requests, 'message').body, {
						client_id: 1001,
						message: 'Here is our price list, Ann Petrova!',
						message_id: 394,
					});
					assert.equal(
						one(assert, requests, 'save_variables').body.variables['client.interest'],
						'pricing',
					);
				},
			);
		},
	},

	'crm-deal-stage-sync.json': {
		needs: ['clientSearch.findByPhone', 'deal.setStage', 'deal.getCurrent', 'deal.setVariables'],
		activate: true,
		executeCases: [
			{
				name: 'example "CRM deal-stage sync" with its sample event',
				verify({ run, requests, assert }) {
					assert.equal(run.code, 0, 'n8n execute exits 0');
					const find = one(assert, requests, 'find_client_id_by_phone');
					assert.equal(find.method, 'GET');
					assert.deepEqual(find.query, { phone: '79991234567' });
					assert.deepEqual(one(assert, requests, 'set_order_state').body, {
						client_id: 1002,
						state_id: 103,
					});
					assert.deepEqual(one(assert, requests, 'get_current_order_id').query, {
						client_id: '1002',
					});
					assert.deepEqual(one(assert, requests, 'set_order_vars').body, {
						client_id: 1002,
						order_id: 40633,
						variables: { crm_stage: 'won', crm_amount: 32000 },
					});
					const [out] = nodeOutput(run.runData, 'Save CRM fields');
					assert.equal(out.status, 'success');
				},
			},
		],
		async serverChecks({ n8n, sandbox, check, workflow }) {
			await check(
				'example "CRM sync": a known phone moves the deal and answers with the saved fields',
				async (assert) => {
					await sandbox.reset();
					const res = await http('POST', webhookUrl(n8n, workflow), {
						body: { phone: '79995556677', stage: 'Qualified', amount: 990 },
					});
					assert.equal(res.status, 200, res.text);
					assert.equal(res.body.status, 'success');
					assert.equal(res.body.order_id, 40634);
					const requests = await sandbox.requests();
					assert.deepEqual(one(assert, requests, 'set_order_state').body, {
						client_id: 1005,
						state_id: 102,
					});
					assert.deepEqual(one(assert, requests, 'set_order_vars').body.variables, {
						crm_stage: 'qualified',
						crm_amount: 990,
					});
				},
			);
			await check('example "CRM sync": an unknown phone changes nothing', async (assert) => {
				await sandbox.reset();
				const res = await http('POST', webhookUrl(n8n, workflow), {
					body: { phone: '79000000001', stage: 'won' },
				});
				assert.equal(res.status, 200, res.text);
				assert.equal(res.body.found, false);
				const requests = await sandbox.requests();
				assert.deepEqual(
					requests.map((r) => r.action),
					['find_client_id_by_phone'],
				);
			});
		},
	},
	'order-confirmation-over-whatsapp.json': {
		needs: [
			'clientSearch.findByWhatsAppPhone',
			'message.sendAndWait',
			'deal.getCurrent',
			'deal.moveToNextStage',
			'variable.set',
		],
		activate: true,
		// No headless case: the execution waits for the client, which `n8n execute` cannot do.
		async serverChecks({ n8n, sandbox, check, workflow, owner }) {
			const order = {
				phone: '+7 999 123-45-67',
				name: 'Boris',
				orderId: 'A-2048',
				total: '12.00 EUR',
			};
			await check(
				'example "order confirmation": the client confirms in WhatsApp → the deal moves on; a second click and a tampered link change nothing',
				async (assert) => {
					const { links, before } = await askTheClient({
						n8n,
						sandbox,
						workflow,
						order,
						owner,
						assert,
					});
					assert.deepEqual(Object.keys(links), ['Confirm', 'Decline']);

					// Tampered links (answer, execution or node changed, signature removed): n8n refuses them, nothing resumes.
					const tampered = [
						links.Confirm.replace('approved=true', 'approved=false'),
						links.Decline.replace(
							/\/webhook-waiting\/(\d+)\//,
							(_, id) => `/webhook-waiting/${Number(id) + 1000}/`,
						),
						links.Confirm.replace(
							/\/webhook-waiting\/(\d+)\/[^?]+/,
							'/webhook-waiting/$1/other-node',
						),
						links.Confirm.replace(/&signature=[0-9a-f]+/, ''),
					];
					for (const link of tampered) {
						const res = await http('POST', link, { form: {} });
						assert.notEqual(res.status, 200, `${link} → ${res.status}`);
					}
					if (owner)
						assert.equal((await n8n.executions(workflow.id))[0].status, 'waiting', 'still waiting');
					assert.equal(
						(await sandbox.requests()).length,
						before,
						'no request after the tampered links',
					);

					// Opening the link shows the choice; the execution goes on only when the client confirms on the page.
					const page = await http('GET', links.Confirm);
					assert.equal(page.status, 200, page.text);
					assert.match(page.text, /<form method="post">/);
					assert.match(page.text, />Confirm<\/button>/);
					assert.match(page.text, /Please confirm your order A-2048 \(12\.00 EUR\)/);
					const done = await http('POST', links.Confirm, { form: {} });
					assert.equal(done.status, 200, done.text);
					assert.match(done.text, /We will write to you when your order ships/);
					const requests = await settledRequests(sandbox, before + 2);
					assert.deepEqual(one(assert, requests, 'move_order_to_next_state').body, {
						client_id: 1002,
						order_id: 40633,
					});
					assert.equal(wire(requests, 'save_variables').length, 0, 'no manager flag');
					if (owner) {
						const execution = await finished(n8n, workflow);
						const [answer] = nodeOutput(execution.data.resultData.runData, 'Ask the client');
						assert.deepEqual(answer.data, { approved: true });
						assert.equal(answer.timedOut, false);
					}

					// A second click (either link) after the answer: a page, and nothing runs again.
					const again = await http('POST', links.Decline, { form: {} });
					assert.ok([200, 409].includes(again.status), `second click → ${again.status}`);
					await sleep(1000);
					assert.equal(
						(await sandbox.requests()).length,
						requests.length,
						'nothing sent after the second click',
					);
				},
			);
			await check(
				'example "order confirmation": the client declines → a manager is flagged, the deal stays',
				async (assert) => {
					const { links, before } = await askTheClient({
						n8n,
						sandbox,
						workflow,
						order,
						owner,
						assert,
					});
					const done = await http('POST', links.Decline, { form: {} });
					assert.equal(done.status, 200, done.text);
					const requests = await settledRequests(sandbox, before + 1);
					assert.deepEqual(one(assert, requests, 'save_variables').body, {
						client_id: 1002,
						variables: {
							'client.needs_manager': 'yes',
							'client.unconfirmed_order': 'A-2048',
							'client.order_answer': 'declined',
						},
					});
					assert.equal(wire(requests, 'move_order_to_next_state').length, 0, 'the deal stays');
				},
			);
		},
	},
};

/** Posts the order to the shop webhook; returns the answer links of the message the sandbox received. */
async function askTheClient({ n8n, sandbox, workflow, order, owner, assert }) {
	await sandbox.reset();
	const res = await http('POST', webhookUrl(n8n, workflow), { body: order });
	assert.equal(res.status, 200, res.text);
	const message = await waitUntil(async () => wire(await sandbox.requests(), 'message')[0], {
		what: 'the question',
	});
	assert.equal(message.body.client_id, 1002);
	assert.equal(message.body.buttons, undefined, 'links in the text');
	const links = Object.fromEntries(
		[...message.body.message.matchAll(/^(\w+): (http\S+)$/gm)].map(([, label, url]) => [
			label,
			url,
		]),
	);
	if (owner)
		await waitUntil(async () => (await n8n.executions(workflow.id))[0]?.status === 'waiting', {
			what: 'waiting',
		});
	return { links, before: (await sandbox.requests()).length };
}

/** The newest execution of a workflow once it has finished. */
async function finished(n8n, workflow) {
	const id = await waitUntil(
		async () => {
			const [newest] = await n8n.executions(workflow.id);
			return newest && !['new', 'running', 'waiting'].includes(newest.status) && newest.id;
		},
		{ what: 'the execution to finish' },
	);
	const execution = await n8n.execution(id);
	if (execution.status !== 'success')
		throw new Error(`execution ${id} ended with status ${execution.status}`);
	return execution;
}

CHECKS['ai-agent-answers-incoming-messages.json'] = {
	needs: ['trigger', 'clientSearch.findByPhone', 'variable.get', 'message.send'],
	activate: true,
	executeCases: [
		{
			name: 'example "AI agent answers incoming messages" with its sample message (scripted model)',
			async verify({ run, requests, assert }) {
				const conversation = exampleConversation(assert);
				assert.equal(run.code, 0, 'n8n execute exits 0');
				assert.deepEqual(
					requests.map((r) => r.action),
					['get_variables', 'message'],
				);
				assert.deepEqual(one(assert, requests, 'get_variables').query, { client_id: '1001' });
				assert.deepEqual(one(assert, requests, 'message').body, {
					client_id: 1001,
					message: 'Hi Ann Petrova! Your starter order arrives on 13.04.2025.',
				});
				const offered = conversation[0].body.tools.map((t) => t.function.name).sort();
				assert.deepEqual(offered, ['Find_client_by_phone', 'Get_client_variables', 'Send_reply']);
				const [read, sent] = agent.toolMessages(conversation);
				assert.match(read, /"delivery_date":"13\.04\.2025"/);
				const [out] = nodeOutput(run.runData, 'AI Agent');
				assert.equal(
					out.output,
					`Replied to client 1001: ${sent}`,
					'the answer quotes the send result',
				);
			},
		},
	],
	async serverChecks({ n8n, sandbox, check, workflow, owner }) {
		const { route, url } = triggerUrl(n8n, workflow);
		await check(
			'example "AI agent": a message giving a phone → find, read that client, reply to the writer',
			async (assert) => {
				await n8n.waitForWebhook(route);
				await sandbox.reset();
				agent.current().reset();
				const fired = await sandbox.fireWebhook(url, {
					client_id: 1005,
					message: 'Hello! I ordered with the phone 79991234567. When does it arrive?',
				});
				assert.equal(fired.result.status, 200);
				const requests = await settledRequests(sandbox, 3);
				assert.deepEqual(
					requests.map((r) => r.action),
					['find_client_id_by_phone', 'get_variables', 'message'],
				);
				assert.deepEqual(one(assert, requests, 'find_client_id_by_phone').query, {
					phone: '79991234567',
				});
				assert.deepEqual(one(assert, requests, 'get_variables').query, { client_id: '1002' });
				assert.deepEqual(one(assert, requests, 'message').body, {
					client_id: 1005,
					message:
						'Hi Elena Kuznetsova! Your pro order is being prepared; the delivery date will follow.',
				});
				exampleConversation(assert);
				if (owner) {
					const [execution] = await n8n.waitForExecutions(workflow.id, 1);
					assert.equal(execution.status, 'success');
				}
			},
		);
	},
};

const VOICE_MODEL = 'gpt-4o-mini';

/** The voice example's chat-model conversation (one request, no API key) and the prompt the AI Agent sent. */
function voiceConversation(assert) {
	const model = agent.current();
	agent.assertNoApiKey(assert, model.requests());
	const conversation = model.conversation(VOICE_MODEL);
	assert.equal(conversation.length, 1, 'one chat-model request');
	const users = conversation[0].body.messages.filter((m) => m.role === 'user');
	return contentText(users[users.length - 1].content);
}

/** The newest finished execution of `workflow` once `count` have finished, checked for success. */
async function newestExecution(n8n, workflow, count, assert) {
	const [newest] = await n8n.waitForExecutions(workflow.id, count, { timeoutMs: 60000 });
	assert.equal(newest.status, 'success', `execution ${newest.id} succeeded`);
	return newest.data.resultData.runData;
}

CHECKS['voice-message-transcription-ai-reply.json'] = {
	needs: ['trigger', 'message.send'],
	activate: true,
	executeCases: [
		{
			name: 'example "voice message → transcription → AI reply" with its sample typed message (scripted model)',
			setup: () => agent.current().reset(),
			verify({ run, requests, assert }) {
				assert.equal(run.code, 0, 'n8n execute exits 0');
				const text = 'Hi! Do you deliver on Saturdays?';
				assert.equal(voiceConversation(assert), `Client: Ann Petrova\nMessage: ${text}`);
				assert.deepEqual(one(assert, requests, 'message').body, {
					client_id: 1001,
					message: agent.voiceExampleAnswer('Ann Petrova', text),
				});
				assert.equal(requests.length, 1, 'nothing else was sent');
				assert.deepEqual(agent.current().transcriptions(), [], 'nothing transcribed');
				assert.equal(nodeOutput(run.runData, 'Transcribe voice note'), undefined);
			},
		},
	],
	async serverChecks({ n8n, sandbox, check, workflow, owner }) {
		const { route, url } = triggerUrl(n8n, workflow);
		await check(
			'example "voice message": the sandbox\'s voice note reaches the transcription as served (SHA-256), the AI reply goes to its writer',
			async (assert) => {
				await n8n.waitForWebhook(route);
				await sandbox.reset();
				agent.current().reset();
				const voice = fileCatalogue()['voice.ogg'];
				const fired = await sandbox.fireWebhook(url, {
					client_id: 1002,
					message: '',
					// The shape real payloads give an attachment (test/fixtures/messageEvents/attachmentsObjects.json).
					attachments: [{ file: `${sandbox.url}${voice.path}`, name: 'voice.ogg', type: 'audio' }],
				});
				assert.equal(fired.result.status, 200);
				assert.deepEqual(fired.result.body, { status: 'ok' });
				const requests = await settledRequests(sandbox, 1, 60000);
				assert.deepEqual(one(assert, requests, 'message').body, {
					client_id: 1002,
					message: agent.voiceExampleAnswer('Boris Ivanov', agent.VOICE_NOTE_TRANSCRIPT),
				});
				const uploads = agent.current().transcriptions();
				assert.equal(uploads.length, 1, 'one transcription request');
				assert.deepEqual(uploads[0].fields, { model: 'whisper-1' });
				assert.deepEqual(
					uploads[0].file,
					{
						name: 'file',
						fileName: 'voice.ogg',
						contentType: 'audio/ogg',
						size: voice.length,
						sha256: voice.sha256(),
					},
					"the model received exactly the sandbox's voice note",
				);
				assert.equal(
					voiceConversation(assert),
					`Client: Boris Ivanov\nMessage: ${agent.VOICE_NOTE_TRANSCRIPT}`,
					'the AI Agent was given the transcription',
				);
				if (owner) {
					const runData = await newestExecution(n8n, workflow, 1, assert);
					const [event] = nodeOutput(runData, 'Mavibot Trigger');
					assert.deepEqual(event.attachmentFiles, [
						{
							url: `${sandbox.url}${voice.path}`,
							binaryProperty: 'data',
							fileName: 'voice.ogg',
							mimeType: 'audio/ogg',
							bytes: voice.length,
						},
					]);
					assert.deepEqual(event.attachmentErrors, []);
				}
			},
		);
		await check(
			'example "voice message": a typed message is answered without a transcription',
			async (assert) => {
				await sandbox.reset();
				agent.current().reset();
				const text = 'Do you have the pro plan in stock?';
				const fired = await sandbox.fireWebhook(url, { client_id: 1005, message: text });
				assert.equal(fired.result.status, 200);
				const requests = await settledRequests(sandbox, 1, 60000);
				assert.deepEqual(one(assert, requests, 'message').body, {
					client_id: 1005,
					message: agent.voiceExampleAnswer('Elena Kuznetsova', text),
				});
				assert.equal(voiceConversation(assert), `Client: Elena Kuznetsova\nMessage: ${text}`);
				assert.deepEqual(agent.current().transcriptions(), [], 'no transcription request');
				if (owner) {
					const runData = await newestExecution(n8n, workflow, 2, assert);
					assert.equal(nodeOutput(runData, 'Transcribe voice note'), undefined, 'not transcribed');
				}
			},
		);
	},
};

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

/**
 * The example as `n8n execute` can run it: each trigger with pinned data is replaced by Manual Trigger → Set (raw JSON
 * of the pinned item) wired to the trigger's targets; the Set node keeps the trigger's name, so that expressions such
 * as `$('Mavibot Trigger').item` still find it. The copy has its own id (the last 3 characters become "Cli"). An
 * example without pinned data is returned as it is.
 */
function cliCopy(workflow) {
	const pinned = Object.entries(workflow.pinData || {});
	if (pinned.length === 0) return workflow;
	const copy = JSON.parse(JSON.stringify(workflow));
	copy.id = `${workflow.id.slice(0, 13)}Cli`;
	copy.name = `${workflow.name} (headless copy)`;
	copy.pinData = {};
	for (const [name, [item]] of pinned) {
		const trigger = copy.nodes.find((node) => node.name === name);
		const start = `${name} (manual)`;
		copy.nodes = copy.nodes.filter((node) => node !== trigger);
		copy.nodes.push(
			{
				parameters: {},
				id: `${trigger.id}-manual`,
				name: start,
				type: MANUAL_TRIGGER,
				typeVersion: 1,
				position: [trigger.position[0], trigger.position[1] - 200],
			},
			{
				parameters: { mode: 'raw', jsonOutput: JSON.stringify(item.json), options: {} },
				id: `${trigger.id}-sample`,
				name,
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: trigger.position,
			},
		);
		copy.connections[start] = { main: [[{ node: name, type: 'main', index: 0 }]] };
	}
	return copy;
}

/**
 * The example as the tier and the demo import it against the sandbox: the sandbox serves attachment files from
 * 127.0.0.1, which a Mavibot Trigger that downloads attachments refuses unless "Allow Private Addresses" is on. The
 * shipped example keeps it off (real Mavibot file hosts are public); this copy switches it on.
 */
function forTheSandbox(workflow) {
	const downloads = (node) =>
		node.type === 'n8n-nodes-mavibot.mavibotTrigger' &&
		node.parameters.options &&
		node.parameters.options.downloadAttachments === true;
	if (!workflow.nodes.some(downloads)) return workflow;
	const copy = JSON.parse(JSON.stringify(workflow));
	for (const node of copy.nodes.filter(downloads))
		node.parameters.options.allowPrivateNetwork = true;
	return copy;
}

function loadExamples() {
	if (!fs.existsSync(EXAMPLES_DIR)) return [];
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = forTheSandbox(
				JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')),
			);
			const checks = CHECKS[file] || {};
			const needs = checks.needs || [];
			return {
				file,
				workflow,
				needs,
				cliWorkflow: cliCopy(workflow),
				executeCases: (checks.executeCases || []).map((c) => ({
					...c,
					needs,
					workflow: cliCopy(workflow),
				})),
				serverChecks: checks.serverChecks && ((ctx) => checks.serverChecks({ ...ctx, workflow })),
				activate: checks.activate === true,
				checked: Boolean(CHECKS[file]),
			};
		});
}

module.exports = { loadExamples, cliCopy, forTheSandbox, EXAMPLES_DIR, CHECKS };
