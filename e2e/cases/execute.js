'use strict';
// Workflows run headless with `n8n execute --id` against the sandbox. Each case: a workflow, the operations it
// needs (skipped until they exist in the package), and a check of the run data and of the requests the sandbox got.

const { workflow, manualTrigger, mavibot, items } = require('../lib/workflow');
const { nodeOutput } = require('../lib/n8n');
const { CREDENTIALS } = require('./credentials');
const errorHandling = require('./errorHandling');
const files = require('./files');

const good = CREDENTIALS.sandbox;
const bad = CREDENTIALS.wrongKey;

/** The requests of one action, without the sandbox's bookkeeping. */
const wire = (requests, action) =>
	requests
		.filter((r) => r.action === action)
		.map((r) => ({
			method: r.method,
			key: r.key,
			query: r.query,
			body: r.body,
			outcome: r.outcome,
		}));

const cases = [
	{
		name: 'Message → Send: one request per item, text from an expression, buttons and a bot block',
		needs: ['message.send'],
		workflow: workflow({
			id: 'E2eMessageSend01',
			name: 'e2e: Message → Send',
			nodes: [
				manualTrigger(),
				items('Clients', [
					{ clientId: 1001, name: 'Ann' },
					{ clientId: 1002, name: 'Boris' },
					{ clientId: '1005', name: 'Elena' },
				]),
				mavibot(
					'Send',
					{
						resource: 'message',
						operation: 'send',
						clientId: '={{ $json.clientId }}',
						text: '={{ "Hello, " + $json.name + "!" }}',
						additionalFields: {
							botBlock: { __rl: true, mode: 'id', value: '390' },
						},
					},
					good,
				),
			],
			connections: [
				['Run', 'Clients'],
				['Clients', 'Send'],
			],
		}),
		verify({ run, requests, assert }) {
			assert.equal(run.code, 0, 'n8n execute exits 0');
			const sent = wire(requests, 'message');
			assert.equal(sent.length, 3, 'three message requests');
			const byClient = Object.fromEntries(sent.map((r) => [r.body.client_id, r]));
			assert.deepEqual(Object.keys(byClient).sort(), ['1001', '1002', '1005']);
			for (const [id, name] of [
				[1001, 'Ann'],
				[1002, 'Boris'],
				[1005, 'Elena'],
			]) {
				const r = byClient[id];
				assert.equal(r.method, 'POST');
				assert.equal(r.key, 'test-key-full');
				assert.deepEqual(r.body, { client_id: id, message: `Hello, ${name}!`, message_id: 390 });
				assert.equal(r.outcome, 'ok');
			}
			const out = nodeOutput(run.runData, 'Send');
			assert.deepEqual(
				out.map((j) => [j.status, j.client_id]),
				[
					['success', 1001],
					['success', 1002],
					['success', 1005],
				],
				'output keeps the item order',
			);
		},
	},
	{
		name: 'Variable → Set then Get: profile and deal variables round-trip',
		needs: ['variable.set', 'variable.get'],
		workflow: workflow({
			id: 'E2eVariables0001',
			name: 'e2e: Variable → Set, Get',
			nodes: [
				manualTrigger(),
				mavibot(
					'Set Variables',
					{
						resource: 'variable',
						operation: 'set',
						target: 'one',
						clientId: '1002',
						variablesInput: 'fields',
						variables: {
							variable: [
								{ name: 'client.phone', value: '79990001122' },
								{ name: 'city', value: 'Samara' },
								{ name: 'quiz_score', value: '={{ 3 + 4 }}' },
							],
						},
					},
					good,
				),
				mavibot(
					'Get Variables',
					{
						resource: 'variable',
						operation: 'get',
						clientId: '={{ $json.client_id }}',
						output: 'flat',
					},
					good,
				),
			],
			connections: [
				['Run', 'Set Variables'],
				['Set Variables', 'Get Variables'],
			],
		}),
		verify({ run, requests, assert }) {
			assert.equal(run.code, 0, 'n8n execute exits 0');
			const saved = wire(requests, 'save_variables');
			assert.equal(saved.length, 1);
			assert.equal(saved[0].method, 'POST');
			assert.deepEqual(saved[0].body, {
				// An expression value keeps its type: {{ 3 + 4 }} is the number 7.
				variables: { 'client.phone': '79990001122', city: 'Samara', quiz_score: 7 },
				client_id: 1002,
			});
			const read = wire(requests, 'get_variables');
			assert.equal(read.length, 1);
			assert.equal(read[0].method, 'GET');
			assert.deepEqual(read[0].query, { client_id: '1002' });
			const [out] = nodeOutput(run.runData, 'Get Variables');
			assert.equal(out.client_id, 1002);
			assert.equal(out.city, 'Samara', 'deal variable read back');
			assert.equal(String(out.quiz_score), '7');
			assert.equal(out.phone, '79990001122', 'client.phone wrote the profile');
		},
	},
	{
		name: 'A wrong API key fails the run with a clear error and never prints the key',
		needs: ['message.send'],
		workflow: workflow({
			id: 'E2eWrongApiKey01',
			name: 'e2e: wrong API key',
			nodes: [
				manualTrigger(),
				mavibot(
					'Send',
					{ resource: 'message', operation: 'send', clientId: '1001', text: 'Hi' },
					bad,
				),
			],
			connections: [['Run', 'Send']],
		}),
		verify({ run, requests, assert }) {
			// 1 normally; under heavy load n8n 2.x was once seen ending by a signal (code null) after the failure.
			assert.notEqual(
				run.code,
				0,
				`n8n execute reports the failed run (exit ${run.code}, signal ${run.signal})`,
			);
			const sent = wire(requests, 'message');
			assert.equal(sent.length, 1);
			assert.equal(sent[0].key, bad.data.apiKey);
			assert.equal(sent[0].outcome, 'error');
			const printed = run.stdout + run.stderr;
			assert.match(printed, /API key|api key/i, 'the error talks about the API key');
			assert.ok(
				!printed.includes(bad.data.apiKey),
				'the key does not appear in anything n8n printed',
			);
		},
	},
	...errorHandling.cases,
	...files.cases,
];

module.exports = { cases, wire };
