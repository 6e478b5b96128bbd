/**
 * Waiting executions (Message → Send and Wait for Response) through n8n-core's WorkflowExecute, and the phone's side:
 * opening a resume link runs the node's webhook() in n8n-core's WebhookContext with the waiting execution's data,
 * and a webhook answer resumes the execution, the way n8n 2.41.1 does it (read in packages/cli/src/webhooks/
 * waiting-webhooks.ts and webhook-helpers.ts):
 * - the link must carry n8n's signature over path + query (`signature`, HMAC with the instance's secret), else n8n
 *   answers 401 with its own "invalid token" page and the node never sees the request;
 * - a finished execution answers n8n's "no action required" page;
 * - otherwise the waiting node is disabled, its run popped, webhook() runs; with `workflowData` the node's stack
 *   entry takes that data and the run goes on from there (the disabled node passes it on).
 * `resumeAfterLimit()` does what n8n's WaitTracker does when the wait limit passes: run the execution again as it is.
 */
const { Container } = require('@n8n/di');
const core = require('n8n-core');
const { createRunExecutionData } = require('n8n-workflow');

const { additionalDataFor, buildWorkflow, loadPackage, START_NODE_TYPE } = require('./n8n');
const { fakeResponse } = require('./webhook');

const EXECUTION_ID = '4711';
const WAITING_BASE = 'http://127.0.0.1:5678/webhook-waiting';

function additionalData(pkg, credentials, workflowJson) {
	const hooks = new core.ExecutionLifecycleHooks('webhook', EXECUTION_ID, {
		id: 'waiting-workflow',
		name: 'test',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections ?? {},
		active: false,
		settings: {},
	});
	return {
		...additionalDataFor(pkg, credentials, hooks),
		executionId: EXECUTION_ID,
		webhookWaitingBaseUrl: WAITING_BASE,
	};
}

async function process(execution, runExecutionData) {
	const workflow = buildWorkflow(execution.pkg, execution.workflowJson, { id: 'waiting-workflow' });
	const data = additionalData(execution.pkg, execution.credentials, execution.workflowJson);
	const run = await new core.WorkflowExecute(
		data,
		'webhook',
		runExecutionData,
	).processRunExecutionData(workflow);
	execution.run = run;
	execution.data = run.data;
	execution.finished = !run.waitTill;
	return run;
}

/** Output items (json) of a node in the execution's current run data. */
function outputOf(execution, name) {
	const runs = execution.data.resultData.runData[name] ?? [];
	return (runs.at(-1)?.data?.main?.[0] ?? []).map((item) => item.json);
}

/** Runs the workflow from its start node until it waits or ends. */
async function startExecution(workflowJson, { credentials }) {
	const pkg = await loadPackage();
	const execution = { pkg, workflowJson, credentials };
	const start = workflowJson.nodes.find((node) => node.type === START_NODE_TYPE);
	await process(
		execution,
		createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }],
			},
		}),
	);
	execution.output = (name) => outputOf(execution, name);
	return execution;
}

function signatureValid(url) {
	const signature = url.searchParams.get(core.WAITING_TOKEN_QUERY_PARAM);
	if (!signature) return false;
	const { hmacSignatureSecret } = Container.get(core.InstanceSettings);
	return core.validateUrlSignature(signature, url, hmacSignatureSecret);
}

/** The URL encoding a browser uses for a form: what n8n's body parser turns into an object. */
function formBody(fields) {
	return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value)]));
}

/**
 * Opens a resume link like a phone: GET shows a page, POST submits it (`form`: the fields). Returns the answer
 * { status, body } and whether the execution resumed.
 */
async function openLink(execution, link, { method = 'GET', form } = {}) {
	const url = new URL(link);
	const prefix = new URL(WAITING_BASE).pathname;
	const [executionId, suffix] = url.pathname.slice(prefix.length + 1).split('/');
	if (executionId !== EXECUTION_ID)
		return { status: 404, body: 'unknown execution', resumed: false };
	if (!signatureValid(url))
		return { status: 401, body: "n8n's invalid token page", resumed: false };
	if (execution.finished)
		return { status: 200, body: "n8n's no action required page", resumed: false };

	// n8n works on a copy of the stored execution: a page that does not answer changes nothing.
	const runExecutionData = structuredClone(execution.data);
	const stackEntry = runExecutionData.executionData.nodeExecutionStack[0];
	stackEntry.node.disabled = true;
	runExecutionData.waitTill = undefined;
	const lastNode = runExecutionData.resultData.lastNodeExecuted;
	runExecutionData.resultData.runData[lastNode].pop();

	const workflow = buildWorkflow(execution.pkg, execution.workflowJson, { id: 'waiting-workflow' });
	const node = workflow.getNode(lastNode);
	if (node.id !== decodeURIComponent(suffix))
		return { status: 404, body: 'no waiting webhook', resumed: false };
	const nodeType = execution.pkg.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const description = nodeType.description.webhooks.find(
		(webhook) => webhook.httpMethod === method,
	);
	const req = {
		method,
		url: `${url.pathname}${url.search}`,
		query: Object.fromEntries(url.searchParams),
		body: form ? formBody(form) : {},
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		params: {},
	};
	const res = fakeResponse();
	const data = {
		...additionalData(execution.pkg, execution.credentials, execution.workflowJson),
		httpRequest: req,
		httpResponse: res,
	};
	const webhookData = {
		httpMethod: method,
		node: node.name,
		path: node.id,
		webhookDescription: description,
		workflowId: workflow.id,
	};
	const context = new core.WebhookContext(
		workflow,
		node,
		data,
		'webhook',
		webhookData,
		[],
		runExecutionData,
	);
	const result = await nodeType.webhook.call(context);
	if (!result.workflowData)
		return { status: res.statusCode, body: res.body, headers: res.headers, resumed: false };

	stackEntry.data.main = result.workflowData;
	await process(execution, runExecutionData);
	return { status: 200, body: result.webhookResponse, resumed: true };
}

/** What n8n's WaitTracker does once the wait limit has passed: the execution runs on as stored. */
async function resumeAfterLimit(execution) {
	await process(execution, structuredClone(execution.data));
}

module.exports = { startExecution, openLink, resumeAfterLimit, EXECUTION_ID, WAITING_BASE };
