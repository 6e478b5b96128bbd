/**
 * Runs workflows through n8n's own engine (n8n-core's WorkflowExecute), with this package loaded from its built
 * dist/ the way n8n loads community packages (PackageDirectoryLoader reads the "n8n" section of package.json),
 * and credentials applied by the credential's real `authenticate`.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// n8n-core writes <user folder>/.n8n/config on first use: keep it out of the home directory.
process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'mavibot-n8n-'));
// n8n logs every node error; the tests assert errors themselves (and check the logger's calls for keys).
process.env.N8N_LOG_LEVEL ??= 'silent';

const { Container } = require('@n8n/di');
const core = require('n8n-core');
const {
	NodeHelpers,
	Workflow,
	ICredentialsHelper,
	createRunExecutionData,
} = require('n8n-workflow');

// MAVIBOT_PACKAGE_DIR: a package built elsewhere (scripts/build-private.sh, or the packed tarball).
const PACKAGE_DIR = process.env.MAVIBOT_PACKAGE_DIR ?? path.resolve(__dirname, '..', '..');
const START_NODE_TYPE = 'n8n-nodes-base.manualTrigger';

/** A stand-in for n8n's Manual Trigger that outputs the items given in its `items` parameter. */
class StartNode {
	description = {
		displayName: 'Start',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Test start node',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	};

	async execute() {
		const raw = this.getNodeParameter('items', 0, '[{}]');
		const items = typeof raw === 'string' ? JSON.parse(raw) : raw;
		return [items.map((json) => ({ json }))];
	}
}

let loaded;

async function loadPackage() {
	if (loaded) return loaded;
	if (!fs.existsSync(path.join(PACKAGE_DIR, 'dist'))) {
		throw new Error('dist/ is missing: run `npm run build` before the tests');
	}
	const loader = new core.PackageDirectoryLoader(PACKAGE_DIR);
	await loader.loadAll();
	const { MakeFileNode, MAKE_FILE_NODE_TYPE } = require('./binaryData');
	const nodeTypes = {
		[START_NODE_TYPE]: { type: new StartNode(), sourcePath: '' },
		[MAKE_FILE_NODE_TYPE]: { type: new MakeFileNode(), sourcePath: '' },
	};
	for (const [name, data] of Object.entries(loader.nodeTypes))
		nodeTypes[`${loader.packageName}.${name}`] = data;
	const credentialTypes = {};
	for (const [name, data] of Object.entries(loader.credentialTypes))
		credentialTypes[name] = data.type;
	loaded = {
		packageName: loader.packageName,
		packageDir: PACKAGE_DIR,
		credentialTypes,
		nodeTypes: {
			getByName: (type) => nodeTypes[type]?.type,
			getByNameAndVersion: (type, version) => {
				const data = nodeTypes[type];
				if (!data) throw new Error(`Unknown node type ${type}`);
				return NodeHelpers.getVersionedNodeType(data.type, version);
			},
			getKnownTypes: () => ({}),
		},
		rawNodeTypes: nodeTypes,
	};
	return loaded;
}

/** Credentials from a map, applied by the credential type's own function `authenticate`. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(credentialTypes, credentials) {
		super();
		this.credentialTypes = credentialTypes;
		this.credentials = credentials;
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	async authenticate(credentials, typeName, requestOptions) {
		const type = this.credentialTypes[typeName];
		if (typeof type?.authenticate !== 'function') return requestOptions;
		return await type.authenticate(credentials, requestOptions);
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials() {
		throw new Error('not used');
	}
	async getDecrypted(_additionalData, _nodeCredentials, type) {
		const data = this.credentials[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		return { ...data };
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties(type) {
		return this.credentialTypes[type]?.properties ?? [];
	}
}

// Every run gets its own execution ID, as in n8n: the node remembers accepted writes per execution (Retry On Fail).
let executionCount = 0;
const nextExecutionId = () => `${process.pid}-${++executionCount}`;

function additionalDataFor(pkg, credentials, hooks, executionId = nextExecutionId()) {
	return {
		credentialsHelper: new TestCredentialsHelper(pkg.credentialTypes, credentials),
		hooks,
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		executionId,
		workflowId: 'test-workflow',
		userId: 'test-user',
	};
}

/** n8n's Workflow object for a workflow as n8n stores it (nodes + connections). */
function buildWorkflow(
	pkg,
	workflowJson,
	{ id = 'test-workflow', settings = { timezone: 'UTC', executionOrder: 'v1' } } = {},
) {
	return new Workflow({
		id,
		name: workflowJson.name ?? 'test',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections ?? {},
		active: false,
		nodeTypes: pkg.nodeTypes,
		staticData: {},
		settings,
	});
}

/**
 * Runs a workflow (as n8n stores it: nodes + connections) from its start node.
 * Returns the run, plus `output(nodeName)` → the json of every item of the node's first output.
 */
async function runWorkflow(
	workflowJson,
	{ credentials = {}, settings = {}, timezone = 'UTC', mode = 'manual', restApiUrl } = {},
) {
	const pkg = await loadPackage();
	const workflow = buildWorkflow(pkg, workflowJson, {
		settings: { timezone, executionOrder: 'v1', ...settings, ...(workflowJson.settings ?? {}) },
	});
	const executionId = nextExecutionId();
	const hooks = new core.ExecutionLifecycleHooks(mode, executionId, {
		id: 'test-workflow',
		name: 'test',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections ?? {},
		active: false,
		settings: {},
	});
	const additionalData = additionalDataFor(pkg, credentials, hooks, executionId);
	if (restApiUrl) additionalData.restApiUrl = restApiUrl;
	const start =
		workflowJson.nodes.find((node) => node.type === START_NODE_TYPE) ?? workflowJson.nodes[0];
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const run = await new core.WorkflowExecute(
		additionalData,
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);
	const runData = run.data.resultData.runData;
	const output = (name, outputIndex = 0) =>
		(runData[name]?.[0]?.data?.main?.[outputIndex] ?? []).map((item) => item.json);
	const items = (name, outputIndex = 0) => runData[name]?.[0]?.data?.main?.[outputIndex] ?? [];
	const error = run.data.resultData.error;
	return { run, runData, output, items, error, nodeError: (name) => runData[name]?.[0]?.error };
}

/** Stops the timers n8n-core starts on first use so that jest can exit on its own. */
async function shutdownN8n() {
	try {
		const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
		Container.get(SSHClientsManager).onShutdown();
	} catch {
		// Older n8n-core versions have no SSH client manager.
	}
}

module.exports = {
	runWorkflow,
	buildWorkflow,
	loadPackage,
	shutdownN8n,
	START_NODE_TYPE,
	TestCredentialsHelper,
	additionalDataFor,
};
