'use strict';
// Builders for the workflow JSON `n8n import:workflow` reads (the shape the editor exports).

const crypto = require('node:crypto');

const MAVIBOT = 'n8n-nodes-mavibot.mavibot';
const MAVIBOT_TRIGGER = 'n8n-nodes-mavibot.mavibotTrigger';

/** A stable UUID from a text, so that re-generated workflows diff cleanly. */
function uuidFrom(text) {
	const h = crypto.createHash('sha1').update(text).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const NODE_SETTINGS = [
	'onError',
	'retryOnFail',
	'maxTries',
	'waitBetweenTries',
	'alwaysOutputData',
];

/**
 * A workflow: `nodes` is a list of node specs ({ name, type, parameters, typeVersion?, credentials?, webhookId?, and
 * the node settings onError, retryOnFail, maxTries, waitBetweenTries, alwaysOutputData });
 * `connections` a list of [from, to], [from, to, outputIndex] or [from, to, outputIndex, type] (type: 'main', or an AI
 * connection such as 'ai_languageModel' / 'ai_tool', from a sub-node into the agent).
 */
function workflow({ id, name, nodes, connections = [], settings = {}, tags }) {
	if (!/^[A-Za-z0-9]{16}$/.test(id))
		throw new Error(`Workflow id "${id}" must be 16 letters or digits`);
	const byName = {};
	const built = nodes.map((spec, index) => {
		const node = {
			parameters: spec.parameters || {},
			id: spec.id || uuidFrom(`${id}/${spec.name}`),
			name: spec.name,
			type: spec.type,
			typeVersion: spec.typeVersion || 1,
			position: spec.position || [index * 260, spec.row ? spec.row * 200 : 0],
		};
		if (spec.webhookId) node.webhookId = spec.webhookId;
		// Node settings (the Settings tab): On Error, Retry On Fail.
		for (const setting of NODE_SETTINGS)
			if (spec[setting] !== undefined) node[setting] = spec[setting];
		if (spec.credentials) node.credentials = spec.credentials;
		byName[spec.name] = node;
		return node;
	});
	const conn = {};
	for (const [from, to, output = 0, type = 'main'] of connections) {
		if (!byName[from] || !byName[to]) throw new Error(`Connection ${from} → ${to}: unknown node`);
		conn[from] = conn[from] || {};
		conn[from][type] = conn[from][type] || [];
		while (conn[from][type].length <= output) conn[from][type].push([]);
		conn[from][type][output].push({ node: to, type, index: 0 });
	}
	return {
		id,
		name,
		active: false,
		nodes: built,
		connections: conn,
		settings: { executionOrder: 'v1', ...settings },
		pinData: {},
		...(tags ? { tags } : {}),
	};
}

const manualTrigger = (name = 'Run') => ({
	name,
	type: 'n8n-nodes-base.manualTrigger',
	parameters: {},
});

/** A No Operation node: where a branch ends, so that its items show in the run data. */
const noOp = (name) => ({ name, type: 'n8n-nodes-base.noOp', parameters: {} });

/** A Mavibot action node using credential `credential` ({ id, name }). */
const mavibot = (name, parameters, credential) => ({
	name,
	type: MAVIBOT,
	parameters,
	credentials: { mavibotApi: { id: credential.id, name: credential.name } },
});

/**
 * A Mavibot Trigger 1.1 (what the editor adds) on incoming message events unless `parameters` say otherwise, checking
 * the token of the "Mavibot Trigger API" credential `credential` ({ id, name }).
 */
const mavibotTrigger = ({ webhookId, credential, parameters = {} }) => ({
	name: 'Mavibot Trigger',
	type: MAVIBOT_TRIGGER,
	typeVersion: 1.1,
	webhookId,
	parameters: { source: 'messageEvents', direction: 'incoming', ...parameters },
	credentials: { mavibotTriggerApi: { id: credential.id, name: credential.name } },
});

/** A Code node ("Run Once for All Items") that outputs `items` (plain objects) as JSON items. */
const items = (name, list) => ({
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { jsCode: `return ${JSON.stringify(list.map((json) => ({ json })))};` },
});

module.exports = {
	MAVIBOT,
	MAVIBOT_TRIGGER,
	uuidFrom,
	workflow,
	manualTrigger,
	mavibotTrigger,
	mavibot,
	items,
	noOp,
};
