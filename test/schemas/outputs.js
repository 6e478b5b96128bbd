/** Runs the cases of cases.js through n8n's engine against the sandbox and collects their output items. */
const { runWorkflow } = require('../harness/n8n');
const { mavibotWorkflow } = require('../harness/workflows');
const { buildTriggerWorkflow, callTrigger } = require('../harness/webhook');
const { TRIGGER_TOKEN } = require('./cases');

/** The output items (json) of one case, run on a freshly reset sandbox; throws when the run fails. */
async function runCase(env, { resource, operation, parameters, items }) {
	env.sandbox.reset();
	const result = await runWorkflow(mavibotWorkflow({ resource, operation, ...parameters }, { items }), {
		credentials: env.credentials(),
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
	const setup = await buildTriggerWorkflow({ token: TRIGGER_TOKEN, ...parameters }, { nodeId: `schema-case-${caseIndex}` });
	const items = [];
	for (const { body, query = {} } of requests(sandbox)) {
		const call = await callTrigger(setup, { body, query: { ...query, token: TRIGGER_TOKEN } });
		if (!call.runs) throw new Error(`The trigger ran nothing: ${JSON.stringify(call.answer)}`);
		items.push(...call.items);
	}
	return items;
}

module.exports = { runCase, runTriggerCase };
