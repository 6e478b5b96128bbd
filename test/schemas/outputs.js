/** Runs the cases of cases.js through n8n's engine against the sandbox and collects their output items. */
const { runWorkflow } = require('../harness/n8n');
const { mavibotNode, mavibotWorkflow, startNode } = require('../harness/workflows');
const { mavibotFileWorkflow } = require('../harness/binaryData');
const { openLink, resumeAfterLimit, startExecution } = require('../harness/waiting');

const START_TO_MAVIBOT = { Start: { main: [[{ node: 'Mavibot', type: 'main', index: 0 }]] } };
const { buildTriggerWorkflow, callTrigger } = require('../harness/webhook');
const { TRIGGER_TOKEN } = require('./cases');

/**
 * A Send and Wait case: the execution waits (harness/waiting.js), then the client answers through a link of the message
 * the sandbox received (`answer.link`: its index, `answer.form`: the answer page's fields), or the wait limit passes.
 */
async function runWaitingCase(env, { resource, operation, parameters, items, answer }) {
	const execution = await startExecution(
		{
			name: 'schema case',
			nodes: [startNode(items), mavibotNode({ resource, operation, ...parameters })],
			connections: START_TO_MAVIBOT,
		},
		{ credentials: env.credentials() },
	);
	if (answer.limit) await resumeAfterLimit(execution);
	else {
		const [message] = env.sandbox.requestsFor('message');
		const link = message.body.buttons.buttons[answer.link].url;
		await openLink(execution, link, { method: 'POST', form: answer.form });
	}
	if (!execution.finished)
		throw new Error(`${resource} → ${operation}: the execution did not resume`);
	return execution.output('Mavibot');
}

/** The output items (json) of one case, run on a freshly reset sandbox; throws when the run fails. */
async function runCase(env, testCase) {
	const { resource, operation, items } = testCase;
	// Parameters that need the sandbox's address (File → Download's URL) are a function of the sandbox.
	const parameters =
		typeof testCase.parameters === 'function'
			? testCase.parameters(env.sandbox)
			: testCase.parameters;
	env.sandbox.reset();
	if (testCase.answer) return await runWaitingCase(env, testCase);
	// A case with `file` sends a binary file made in the workflow (Attachment Source: Binary File).
	const workflow = testCase.file
		? mavibotFileWorkflow({ resource, operation, ...parameters }, { items, file: testCase.file })
		: mavibotWorkflow({ resource, operation, ...parameters }, { items });
	const result = await runWorkflow(workflow, {
		credentials: env.credentials(),
		restApiUrl: env.restApiUrl,
	});
	if (result.error) throw new Error(`${resource} → ${operation}: ${result.error.message}`);
	return result.output('Mavibot');
}

/**
 * The output items of one Mavibot Trigger case: each request posted to the trigger's webhook as n8n would hand it over.
 * Each case gets a trigger node of its own, so that its message IDs are not taken for repeated deliveries.
 */
async function runTriggerCase(sandbox, { parameters, requests }, caseIndex) {
	sandbox.reset();
	const setup = await buildTriggerWorkflow(
		{ token: TRIGGER_TOKEN, ...parameters },
		{ nodeId: `schema-case-${caseIndex}` },
	);
	const items = [];
	for (const { body, query = {} } of requests(sandbox)) {
		const call = await callTrigger(setup, { body, query: { ...query, token: TRIGGER_TOKEN } });
		if (!call.runs) throw new Error(`The trigger ran nothing: ${JSON.stringify(call.answer)}`);
		items.push(...call.items);
	}
	return items;
}

module.exports = { runCase, runTriggerCase };
