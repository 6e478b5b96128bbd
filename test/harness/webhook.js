/**
 * Calls a trigger node's webhook() the way n8n does when a request reaches a webhook URL: through n8n-core's real
 * WebhookContext (and HookContext for checkExists/create/delete), on a Workflow built from the package loaded out of
 * dist/ by the harness's loadPackage(). The webhook description (responseMode, responseData, path) is evaluated as
 * n8n 2.41's webhook-helpers evaluate it, and `answer` says what n8n would send back to the caller.
 *
 * What n8n itself does around webhook() (read in n8n 2.41.1, packages/cli/src/webhooks/webhook-helpers.ts):
 * - `noWebhookResponse: true`: the node answered through getResponseObject(); nothing else is sent.
 * - no `workflowData`: no execution; n8n answers `webhookResponse`, or {"message":"Webhook call received"}.
 * - `workflowData` and responseMode "onReceived": n8n starts the run and answers at once with the evaluated
 *   `responseData` if it is truthy (and not "noData"), else `webhookResponse`, else {"message":"Workflow was started"}.
 * - `workflowData` and responseMode "lastNode": n8n answers after the run with the last node's output
 *   ("firstEntryJson": the json of its first item).
 */
const core = require('n8n-core');
const {
	NodeHelpers,
	Workflow,
	createRunExecutionData,
	resolveWebhookDescriptionField,
} = require('n8n-workflow');

const { additionalDataFor, loadPackage } = require('./n8n');

const TRIGGER_NODE_TYPE = 'n8n-nodes-mavibot.mavibotTrigger';
const ECHO_NODE_TYPE = 'test.echo';
const WORKFLOW_ID = 'TriggerWorkflow1';
const WEBHOOK_ID = '6f1e0c56-3c1b-4f3e-9d4c-7f0a2b8e51aa';

/** A test node that outputs, per input item, the object in its `json` parameter (expressions resolved per item). */
class EchoNode {
	description = {
		displayName: 'Echo',
		name: 'echo',
		group: ['transform'],
		version: 1,
		description: 'Outputs its "json" parameter',
		defaults: { name: 'Echo' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'JSON', name: 'json', type: 'json', default: '{}' }],
	};

	async execute() {
		return [
			this.getInputData().map((_item, index) => {
				const value = this.getNodeParameter('json', index);
				return {
					json: typeof value === 'string' ? JSON.parse(value) : value,
					pairedItem: { item: index },
				};
			}),
		];
	}
}

function triggerNode(parameters, extra = {}) {
	return {
		id: 'mavibot-trigger-node',
		name: 'Mavibot Trigger',
		type: TRIGGER_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters,
		...extra,
	};
}

function echoNode(name, json) {
	return {
		id: `echo-${name}`,
		name,
		type: ECHO_NODE_TYPE,
		typeVersion: 1,
		position: [220, 0],
		parameters: { json },
	};
}

/** The package's node types plus the Echo test node. */
async function nodeTypesWithEcho() {
	const pkg = await loadPackage();
	const echo = new EchoNode();
	return {
		pkg,
		nodeTypes: {
			getByName: (type) => (type === ECHO_NODE_TYPE ? echo : pkg.nodeTypes.getByName(type)),
			getByNameAndVersion: (type, version) =>
				type === ECHO_NODE_TYPE ? echo : pkg.nodeTypes.getByNameAndVersion(type, version),
			getKnownTypes: () => ({}),
		},
	};
}

/**
 * A workflow with the Mavibot Trigger (and optional nodes after it). `workflowId` and `nodeId` let tests give two
 * triggers separate de-duplication memories.
 */
/**
 * A workflow with the trigger (version `typeVersion`, default 1) and `nodes`. `credentials` maps credential type →
 * decrypted data (e.g. { mavibotTriggerApi: { token } }): the trigger node references each, and the contexts the
 * harness builds hand them to getCredentials().
 */
async function buildTriggerWorkflow(
	parameters,
	{
		nodes = [],
		connections = {},
		workflowId = WORKFLOW_ID,
		nodeId,
		typeVersion = 1,
		credentials = {},
	} = {},
) {
	const { pkg, nodeTypes } = await nodeTypesWithEcho();
	const references = Object.fromEntries(
		Object.keys(credentials).map((type) => [type, { id: `${type}-1`, name: type }]),
	);
	const trigger = triggerNode(parameters, {
		typeVersion,
		...(nodeId ? { id: nodeId } : {}),
		...(Object.keys(references).length > 0 ? { credentials: references } : {}),
	});
	const workflow = new Workflow({
		id: workflowId,
		name: 'Mavibot Trigger test',
		nodes: [trigger, ...nodes],
		connections,
		active: true,
		nodeTypes,
		staticData: {},
		settings: { executionOrder: 'v1', timezone: 'UTC' },
	});
	const node = workflow.getNode(trigger.name); // with the defaults the Workflow constructor filled in
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	return {
		pkg,
		nodeTypes,
		workflow,
		node,
		nodeType,
		nodes: [trigger, ...nodes],
		connections,
		credentials,
	};
}

/** The webhook as n8n registers it (WebhookService.getNodeWebhooks): method, path, description. */
function nodeWebhookData(setup, additionalData) {
	const { workflow, node, nodeType } = setup;
	const [description] = nodeType.description.webhooks;
	let path = String(
		workflow.expression.getSimpleParameterValue(node, description.path, 'internal', {}),
	);
	path = path.replace(/^\//, '').replace(/\/$/, '');
	const isFullPath = workflow.expression.getSimpleParameterValue(
		node,
		description.isFullPath,
		'internal',
		{},
		undefined,
		false,
	);
	const httpMethod = workflow.expression.getSimpleParameterValue(
		node,
		description.httpMethod,
		'internal',
		{},
		undefined,
		'GET',
	);
	return {
		httpMethod,
		node: node.name,
		path: NodeHelpers.getNodeWebhookPath(workflow.id, node, path, isFullPath, false),
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	};
}

/** A webhook-description field evaluated like n8n's WebhookExecutionContext does. */
function evaluateDescriptionField(setup, webhookData, field, mode, defaultValue, complex) {
	const { workflow, node } = setup;
	const native = resolveWebhookDescriptionField(node, webhookData.webhookDescription, field);
	if (native.resolved) return native.value;
	const value = webhookData.webhookDescription[field];
	const additionalKeys = { $executionId: undefined };
	return complex
		? workflow.expression.getComplexParameterValue(
				node,
				value,
				mode,
				additionalKeys,
				undefined,
				defaultValue,
			)
		: workflow.expression.getSimpleParameterValue(
				node,
				value,
				mode,
				additionalKeys,
				undefined,
				defaultValue,
			);
}

/** The request object n8n hands the node (an express Request after n8n's body parsing). */
function fakeRequest({
	body,
	rawBody,
	query = {},
	headers = {},
	contentType = 'application/json',
	unread,
} = {}) {
	let raw = rawBody;
	if (raw === undefined && body !== undefined)
		raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	// `unread`: a body n8n has not read (start nodes whose version is not 1, content types n8n does not parse): readRawBody() reads it.
	if (unread !== undefined) {
		return {
			...fakeRequest({ query, headers, contentType }),
			rawBody: undefined,
			async readRawBody() {
				this.rawBody = unread;
			},
		};
	}
	return {
		method: 'POST',
		url: '/webhook',
		body,
		rawBody: raw,
		query,
		params: {},
		headers: { 'content-type': contentType, 'user-agent': 'Mavibot', ...headers },
		contentType,
	};
}

/** An express-like response that records what the node sends. */
function fakeResponse() {
	const res = {
		statusCode: 200,
		headers: {},
		body: undefined,
		sent: false,
		headersSent: false,
		status(code) {
			res.statusCode = code;
			return res;
		},
		setHeader(name, value) {
			res.headers[name.toLowerCase()] = value;
			return res;
		},
		json(body) {
			res.body = body;
			res.sent = true;
			res.headersSent = true;
			return res;
		},
		send(body) {
			res.body = body;
			res.sent = true;
			res.headersSent = true;
			return res;
		},
		end(body) {
			if (body !== undefined) res.body = body;
			res.sent = true;
			res.headersSent = true;
			return res;
		},
	};
	return res;
}

/** What n8n's extractWebhookOnReceivedResponse answers. */
function onReceivedBody(responseData, result) {
	if (responseData === 'noData') return undefined;
	if (responseData) return responseData;
	if (result.webhookResponse !== undefined) return result.webhookResponse;
	return { message: 'Workflow was started' };
}

/**
 * Runs the workflow from the trigger's output with n8n-core's WorkflowExecute, as n8n does after webhook() returned
 * workflowData. Returns the run and `output(nodeName)` (json of the first output's items).
 */
async function runFromTrigger(setup, workflowData, mode = 'webhook') {
	const { pkg, workflow, node } = setup;
	const hooks = new core.ExecutionLifecycleHooks(mode, '1', {
		id: workflow.id,
		name: workflow.name,
		nodes: setup.nodes,
		connections: setup.connections,
		active: true,
		settings: {},
	});
	const additionalData = additionalDataFor(pkg, setup.credentials ?? {}, hooks);
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: workflowData }, source: null }] },
	});
	const run = await new core.WorkflowExecute(
		additionalData,
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);
	const runData = run.data.resultData.runData;
	const output = (name) => (runData[name]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
	return {
		run,
		runData,
		output,
		lastNodeExecuted: run.data.resultData.lastNodeExecuted,
		error: run.data.resultData.error,
	};
}

/**
 * POSTs a request to the trigger: webhook() runs in n8n-core's WebhookContext. Returns
 * - `result`: what webhook() returned; `response`: what the node wrote to the response object itself;
 * - `responseMode` / `responseData`: the webhook description evaluated for this node;
 * - `answer`: { status, body } n8n would send, and `runs`: whether n8n would start an execution;
 * - `items`: the json of the output items (when the workflow runs);
 * - `execute()`: runs the workflow from those items (WorkflowExecute) and, for responseMode lastNode, fills
 *   `answer` with the last node's first item, as n8n does.
 */
async function callTrigger(setup, request = {}, { mode = 'webhook' } = {}) {
	const { pkg, workflow, node, nodeType } = setup;
	const req = fakeRequest(request);
	const res = fakeResponse();
	const additionalData = {
		...additionalDataFor(pkg, setup.credentials ?? {}, undefined),
		httpRequest: req,
		httpResponse: res,
	};
	const webhookData = nodeWebhookData(setup, additionalData);
	const responseMode = evaluateDescriptionField(
		setup,
		webhookData,
		'responseMode',
		mode,
		'onReceived',
		false,
	);
	const responseData = evaluateDescriptionField(
		setup,
		webhookData,
		'responseData',
		mode,
		'firstEntryJson',
		true,
	);
	const responseCode = evaluateDescriptionField(
		setup,
		webhookData,
		'responseCode',
		mode,
		200,
		false,
	);

	const context = new core.WebhookContext(
		workflow,
		node,
		additionalData,
		mode,
		webhookData,
		[],
		null,
	);
	const result = await nodeType.webhook.call(context);

	const runs = result.workflowData !== undefined;
	let answer;
	if (result.noWebhookResponse === true) answer = { status: res.statusCode, body: res.body };
	else if (!runs)
		answer = {
			status: responseCode,
			body: result.webhookResponse ?? { message: 'Webhook call received' },
		};
	else if (responseMode === 'onReceived')
		answer = { status: responseCode, body: onReceivedBody(responseData, result) };
	else answer = undefined; // given after the run

	const call = {
		result,
		response: { status: res.statusCode, body: res.body, sent: res.sent },
		webhookData,
		responseMode,
		responseData,
		answer,
		runs,
		items: runs ? result.workflowData[0].map((item) => item.json) : [],
		async execute() {
			const run = await runFromTrigger(setup, result.workflowData, mode);
			if (responseMode === 'lastNode' && responseData === 'firstEntryJson') {
				const last = run.runData[run.lastNodeExecuted]?.[0]?.data?.main?.[0] ?? [];
				call.answer = { status: responseCode, body: last[0]?.json };
			}
			return run;
		},
	};
	return call;
}

/** Runs one of the node's webhookMethods (checkExists / create / delete) in n8n-core's HookContext. */
async function runWebhookMethod(setup, method, { mode = 'webhook', activation = 'activate' } = {}) {
	const { pkg, workflow, node, nodeType } = setup;
	const additionalData = additionalDataFor(pkg, setup.credentials ?? {}, undefined);
	const webhookData = nodeWebhookData(setup, additionalData);
	const context = new core.HookContext(
		workflow,
		node,
		additionalData,
		mode,
		activation,
		webhookData,
	);
	return await nodeType.webhookMethods.default[method].call(context);
}

/** The Production URL the editor shows for the trigger (n8n's NodeHelpers.getNodeWebhookUrl). */
function productionUrl(setup) {
	const additionalData = additionalDataFor(setup.pkg, {}, undefined);
	const webhookData = nodeWebhookData(setup, additionalData);
	return `${additionalData.webhookBaseUrl}/${webhookData.path}`;
}

/** Express-style query object: repeated keys become arrays. */
function queryObject(searchParams) {
	const query = {};
	for (const [key, value] of searchParams) {
		if (query[key] === undefined) query[key] = value;
		else query[key] = [].concat(query[key], value);
	}
	return query;
}

/** n8n's parseBody (packages/cli/src/middlewares/body-parser.ts): what req.body is for each content type. */
function parseLikeN8n(rawBody, contentType) {
	if (rawBody.length === 0) return { body: undefined };
	const text = rawBody.toString('utf8');
	try {
		if (contentType === 'application/json') return { body: JSON.parse(text) };
		if (contentType === 'application/x-www-form-urlencoded')
			return { body: queryObject(new URLSearchParams(text)) };
		if (contentType === 'text/plain') return { body: text };
		return { body: undefined };
	} catch (error) {
		return { error: error.message };
	}
}

/**
 * A small HTTP server standing in for n8n's webhook endpoint of this one trigger, so that the sandbox's
 * sendWebhook() can POST real requests: POST /webhook/<path> runs callTrigger() (and, when the workflow runs, the
 * workflow itself), anything else gets n8n's 404. `calls` records every call.
 */
async function serveTrigger(setup) {
	const http = require('node:http');
	const webhookPath = `/webhook/${nodeWebhookData(setup, additionalDataFor(setup.pkg, {}, undefined)).path}`;
	const calls = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', async () => {
			const sendJson = (status, body) => {
				res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
				res.end(body === undefined ? '' : JSON.stringify(body));
			};
			try {
				const url = new URL(req.url, 'http://127.0.0.1');
				if (req.method !== 'POST' || url.pathname !== webhookPath) {
					sendJson(404, {
						code: 404,
						message: `The requested webhook "${req.method} ${url.pathname}" is not registered.`,
					});
					return;
				}
				const rawBody = Buffer.concat(chunks);
				const contentType =
					(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() || undefined;
				const parsed = parseLikeN8n(rawBody, contentType);
				if (parsed.error !== undefined) {
					sendJson(422, { code: 422, message: 'Failed to parse request body' });
					return;
				}
				const call = await callTrigger(setup, {
					body: parsed.body,
					rawBody,
					query: queryObject(url.searchParams),
					headers: req.headers,
					contentType,
				});
				calls.push(call);
				if (call.runs) call.run = await call.execute();
				sendJson(call.answer.status, call.answer.body);
			} catch (error) {
				sendJson(500, { message: `Test server failure: ${error.message}` });
			}
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		calls,
		url: `http://127.0.0.1:${port}${webhookPath}`,
		stop: () => new Promise((resolve) => server.close(resolve)),
	};
}

module.exports = {
	serveTrigger,
	buildTriggerWorkflow,
	callTrigger,
	runWebhookMethod,
	productionUrl,
	echoNode,
	fakeRequest,
	fakeResponse,
	TRIGGER_NODE_TYPE,
	WEBHOOK_ID,
	WORKFLOW_ID,
};
