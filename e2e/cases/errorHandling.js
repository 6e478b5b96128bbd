'use strict';
// The node settings n8n itself acts on, proved in a real n8n: On Error → Continue (using error output) and Retry On
// Fail. Each case is self-contained ({ name, needs, workflow, setup({ sandbox }), verify({ run, requests, sandbox,
// assert }) }), so that another runner (e.g. a queue-mode worker) can import the workflow, call setup after a
// sandbox reset, execute it and call verify with the run data (run.runData) and the sandbox's requests.

const { workflow, manualTrigger, mavibot, items, noOp } = require('../lib/workflow');
const { nodeOutput } = require('../lib/n8n');
const { CREDENTIALS } = require('./credentials');

const good = CREDENTIALS.sandbox;
const SERIAL = { maxParallelRequests: 1 };
const SERVER_ERROR = {
	kind: 'status',
	status: 500,
	body: { status: 'fail', message: 'Something went wrong' },
};

/** The n-th request of `action` (1-based) fails once with HTTP 500; the ones before it pass untouched. */
async function failRequest(sandbox, action, n) {
	for (let index = 1; index < n; index++) await sandbox.misbehave({ action, kind: 'delay', ms: 0 });
	await sandbox.misbehave({ action, ...SERVER_ERROR });
}

/** The items of one output of a node's first run: { json, pairedItem }. */
function outputItems(runData, node, output) {
	const main = runData?.[node]?.[0]?.data?.main;
	return (main?.[output] ?? []).map((item) => ({ json: item.json, pairedItem: item.pairedItem }));
}

const DELETE_IDS = Array.from({ length: 600 }, (_, index) => 200001 + index);

const errorOutput = {
	name: 'On Error → Continue (using error output): Send, Get Many and Delete Many (2nd chunk) route failures to the error output',
	needs: ['message.send', 'client.getMany', 'client.deleteMany'],
	workflow: workflow({
		id: 'E2eErrorOutput01',
		name: 'e2e: error output',
		nodes: [
			manualTrigger(),
			items('Clients', [
				{ id: 1001, limit: 2 },
				{ id: 1002, limit: 1 },
				{ id: 1005, limit: 2 },
			]),
			{
				...mavibot(
					'Send',
					{
						resource: 'message',
						operation: 'send',
						clientId: '={{ $json.id }}',
						text: 'Your order has shipped',
						requestOptions: SERIAL,
					},
					good,
				),
				onError: 'continueErrorOutput',
			},
			noOp('Send Failed'),
			{
				...mavibot(
					'Get Many',
					{
						resource: 'client',
						operation: 'getMany',
						returnAll: false,
						limit: '={{ $json.limit }}',
						requestOptions: SERIAL,
					},
					good,
				),
				onError: 'continueErrorOutput',
			},
			noOp('Read Failed'),
			items('Deletions', [{ ids: DELETE_IDS }, { ids: [1003] }]),
			{
				...mavibot(
					'Delete Many',
					{
						resource: 'client',
						operation: 'deleteMany',
						clientIds: '={{ $json.ids }}',
						requestOptions: SERIAL,
					},
					good,
				),
				onError: 'continueErrorOutput',
			},
			noOp('Delete Failed'),
		],
		connections: [
			['Run', 'Clients'],
			['Clients', 'Send'],
			['Send', 'Send Failed', 1],
			['Clients', 'Get Many'],
			['Get Many', 'Read Failed', 1],
			['Run', 'Deletions'],
			['Deletions', 'Delete Many'],
			['Delete Many', 'Delete Failed', 1],
		],
	}),
	async setup({ sandbox }) {
		await failRequest(sandbox, 'message', 2);
		await failRequest(sandbox, 'get_clients', 2);
		await failRequest(sandbox, 'delete_clients', 2);
	},
	async verify({ run, assert }) {
		assert.equal(run.code, 0, 'the run succeeds: the failures went down the error outputs');
		const perOutput = (node) => [
			outputItems(run.runData, node, 0).length,
			outputItems(run.runData, node, 1).length,
		];
		assert.deepEqual(
			{
				send: perOutput('Send'),
				getMany: perOutput('Get Many'),
				deleteMany: perOutput('Delete Many'),
			},
			{ send: [2, 1], getMany: [4, 1], deleteMany: [1, 1] },
			'items per output [success, error]',
		);
		const [sendFailure] = outputItems(run.runData, 'Send', 1);
		assert.equal(sendFailure.json.error, 'Mavibot "message" failed: Something went wrong [item 1]');
		assert.equal(sendFailure.json.id, 1002, 'n8n adds the input item to the error item');
		assert.deepEqual(sendFailure.pairedItem, { item: 1 });
		assert.deepEqual(
			outputItems(run.runData, 'Send', 0).map((item) => [item.json.client_id, item.pairedItem]),
			[
				[1001, { item: 0 }],
				[1005, { item: 2 }],
			],
		);
		const [readFailure] = outputItems(run.runData, 'Get Many', 1);
		assert.equal(
			readFailure.json.error,
			'Mavibot "get_clients" failed: Something went wrong [item 1]',
		);
		const [deleteFailure] = outputItems(run.runData, 'Delete Many', 1);
		assert.match(deleteFailure.json.error, /500 of 600 clients were already deleted/);
		assert.match(deleteFailure.json.message, /Run again with the IDs from position 501 on/);
		assert.deepEqual(deleteFailure.pairedItem, { item: 0 });
		for (const branch of ['Send Failed', 'Read Failed', 'Delete Failed']) {
			assert.equal(
				nodeOutput(run.runData, branch)?.length,
				1,
				`the error branch "${branch}" ran with the failed item`,
			);
		}
	},
};

const CLIENTS = [1001, 1002, 1003, 1005, 1008];

const retryOnFail = {
	name: 'Retry On Fail: 5 sends, the 3rd answered HTTP 500 once: each client gets the message once',
	needs: ['message.send'],
	workflow: workflow({
		id: 'E2eRetryOnFail01',
		name: 'e2e: Retry On Fail',
		nodes: [
			manualTrigger(),
			items(
				'Clients',
				CLIENTS.map((id) => ({ id })),
			),
			{
				...mavibot(
					'Send',
					{
						resource: 'message',
						operation: 'send',
						clientId: '={{ $json.id }}',
						text: 'Hello',
						requestOptions: SERIAL,
					},
					good,
				),
				retryOnFail: true,
				maxTries: 3,
				waitBetweenTries: 10,
			},
		],
		connections: [
			['Run', 'Clients'],
			['Clients', 'Send'],
		],
	}),
	async setup({ sandbox }) {
		await failRequest(sandbox, 'message', 3);
	},
	async verify({ run, requests, sandbox, assert }) {
		assert.equal(run.code, 0, 'the retry succeeds');
		const sent = requests.filter((r) => r.action === 'message').map((r) => r.body.client_id);
		assert.deepEqual(
			sent,
			[1001, 1002, 1003, 1003, 1005, 1008],
			'the retry sends only what Mavibot had not accepted',
		);
		const delivered = (await sandbox.deliveries()).map((d) => d.clientId);
		assert.deepEqual(delivered, CLIENTS, 'duplicated deliveries: 0');
		assert.deepEqual(
			nodeOutput(run.runData, 'Send').map((j) => j.client_id),
			CLIENTS,
		);
	},
};

module.exports = { cases: [errorOutput, retryOnFail], failRequest };
