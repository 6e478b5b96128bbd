/** Builders for the small workflows the tests run: Start (with items) → Mavibot. */
const { START_NODE_TYPE } = require('./n8n');

const MAVIBOT_NODE_TYPE = 'n8n-nodes-mavibot.mavibot';
const CREDENTIAL_REF = { mavibotApi: { id: 'MavibotCred00001', name: 'Mavibot sandbox' } };

function startNode(items = [{}]) {
	return {
		id: 'start-node',
		name: 'Start',
		type: START_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(items) },
	};
}

function mavibotNode(parameters, extra = {}) {
	return {
		id: 'mavibot-node',
		name: 'Mavibot',
		type: MAVIBOT_NODE_TYPE,
		typeVersion: 1,
		position: [220, 0],
		parameters,
		credentials: CREDENTIAL_REF,
		...extra,
	};
}

/** Start → Mavibot, as n8n stores a workflow. `extra` may set continueOnFail / onError on the Mavibot node. */
function mavibotWorkflow(parameters, { items = [{}], extra = {} } = {}) {
	return {
		name: 'Mavibot test',
		nodes: [startNode(items), mavibotNode(parameters, extra)],
		connections: { Start: { main: [[{ node: 'Mavibot', type: 'main', index: 0 }]] } },
	};
}

module.exports = { mavibotWorkflow, mavibotNode, startNode, MAVIBOT_NODE_TYPE, CREDENTIAL_REF };
