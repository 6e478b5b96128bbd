'use strict';
// The Mavibot node as a tool of n8n's AI Agent, in a real n8n: Manual Trigger → AI Agent, n8n's OpenAI Chat Model
// node pointed (credential Base URL) at a scripted model on 127.0.0.1 (lib/modelServer.js), and Mavibot tool nodes
// (`n8n-nodes-mavibot.mavibotTool`, the tool variant n8n makes of a `usableAsTool` node) whose IDs and texts are
// `$fromAI(…)`. Each case checks the sends the sandbox received, the agent's final output, what the model was sent
// (tools, tool results, no API key), and measures what the model sees of each Mavibot tool.

const { workflow, manualTrigger } = require('../lib/workflow');
const { nodeOutput } = require('../lib/n8n');
const { startModelServer, toolCalls, finalText } = require('../lib/modelServer');
const { tail } = require('../lib/util');
const { fileCatalogue } = require('../../test/sandbox/files');
const { CREDENTIALS } = require('./credentials');
const { wire } = require('./execute');

const MAVIBOT_TOOL = 'n8n-nodes-mavibot.mavibotTool';
const AGENT = { type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3 };
const CHAT_MODEL = { type: '@n8n/n8n-nodes-langchain.lmChatOpenAi', typeVersion: 1.3 };
/** The OpenAI credential of the examples and the cases; its Base URL is the scripted model's. */
const MODEL_CREDENTIAL = {
	id: 'OpenAiAccount001',
	name: 'OpenAI account',
	apiKey: 'sk-e2e-scripted-model-key-0001',
};
const NEEDS = ['message.send', 'clientSearch.findByPhone', 'variable.get'];

/** A `$fromAI` expression: the model fills the parameter; `description` is all it is told about it. */
const fromAI = (key, description, type = 'string') =>
	`={{ $fromAI('${key}', '${description}', '${type}') }}`;

/** The $fromAI descriptions of the cases: what each value is, and its format. */
const DESCRIBE = {
	clientId: 'Mavibot client ID: digits only, e.g. 1002',
	text: 'Message text to send to the client, plain text',
	phone: 'Phone number with country code, digits only, e.g. 79991234567',
};

const TOOLS = {
	send: {
		name: 'Send message',
		parameters: {
			resource: 'message',
			operation: 'send',
			clientId: fromAI('clientId', DESCRIBE.clientId),
			text: fromAI('text', DESCRIBE.text),
		},
	},
	findByPhone: {
		name: 'Find client by phone',
		parameters: {
			resource: 'clientSearch',
			operation: 'findByPhone',
			phone: fromAI('phone', DESCRIBE.phone),
		},
	},
	getVariables: {
		name: 'Get client variables',
		parameters: {
			resource: 'variable',
			operation: 'get',
			clientId: fromAI('clientId', DESCRIBE.clientId),
		},
	},
};

const toolName = (nodeName) => nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_');

/** The tool `name` offered to the model, or a clear failure naming what was offered. */
function offered(body, nodeName) {
	const name = toolName(nodeName);
	const names = (body.tools || []).map((t) => t.function && t.function.name);
	if (!names.includes(name))
		throw new Error(`tool "${name}" not offered; offered: ${names.join(', ') || 'none'}`);
	return name;
}

// ---- the scripts the model plays (keyed by the model name the chat model node asks for) ----

const SCRIPTS = {
	'mavibot-send-by-id': [
		(body) =>
			toolCalls({
				name: offered(body, TOOLS.send.name),
				args: { clientId: '1002', text: 'Your order #5521 has shipped.' },
			}),
		(body, { history }) => finalText(`Sent. Mavibot answered: ${history[0].content}`),
	],
	'mavibot-find-then-send': [
		(body) =>
			toolCalls({ name: offered(body, TOOLS.findByPhone.name), args: { phone: '79991234567' } }),
		(body, { history }) => {
			const [found] = history[0].result;
			if (!found || !found.found) throw new Error(`the lookup found nobody: ${history[0].content}`);
			return toolCalls({
				name: offered(body, TOOLS.send.name),
				args: { clientId: String(found.client_id), text: 'Your order is ready for pickup.' },
			});
		},
		(body, { history }) => finalText(`Found: ${history[0].content}\nSent: ${history[1].content}`),
	],
	'mavibot-bad-client-id': [
		(body) =>
			toolCalls({
				name: offered(body, TOOLS.send.name),
				args: { clientId: 'Boris', text: 'Hello!' },
			}),
		(body, { history }) => finalText(`The tool refused: ${history[0].content}`),
	],
};
// The same script under a second model name, so that each case's conversation is told apart.
SCRIPTS['mavibot-bad-client-id-default'] = SCRIPTS['mavibot-bad-client-id'];

/**
 * The model of examples/ai-agent-answers-incoming-messages.json ("gpt-4.1-mini" there), played as a small state
 * machine over the prompt the example builds ("Client ID: …\nName: …\nMessage: …") and the tool calls so far:
 * a phone number in the message → Find client by phone → Get client variables of the client found; otherwise Get
 * client variables of the writer; then Send reply to the writer; then a final text quoting the reply's result.
 */
function exampleTurn(body, { prompt, history }) {
	const writer = /Client ID: (\d+)/.exec(prompt);
	const name = /Name: (.*)/.exec(prompt);
	const message = /Message: ([\s\S]*)/.exec(prompt);
	if (!writer || !name || !message) throw new Error(`unexpected prompt: ${prompt}`);
	const clientId = writer[1];
	const phone = /\b\d{10,15}\b/.exec(message[1]);
	const last = history[history.length - 1];
	const reply = (text) =>
		toolCalls({ name: offered(body, 'Send reply'), args: { clientId, text } });
	if (!last) {
		return phone
			? toolCalls({ name: offered(body, 'Find client by phone'), args: { phone: phone[0] } })
			: toolCalls({ name: offered(body, 'Get client variables'), args: { clientId } });
	}
	const [result] = Array.isArray(last.result) ? last.result : [last.result];
	if (last.name === 'Find_client_by_phone') {
		if (!result || !result.found)
			return reply(`Sorry ${name[1]}, I found no order for the phone ${phone[0]}.`);
		return toolCalls({
			name: offered(body, 'Get client variables'),
			args: { clientId: String(result.client_id) },
		});
	}
	if (last.name === 'Get_client_variables') {
		const vars = (result && result.variables) || {};
		const product = vars.product ? `${vars.product} ` : '';
		return reply(
			vars.delivery_date
				? `Hi ${name[1]}! Your ${product}order arrives on ${vars.delivery_date}.`
				: `Hi ${name[1]}! Your ${product}order is being prepared; the delivery date will follow.`,
		);
	}
	return finalText(`Replied to client ${clientId}: ${last.content}`);
}

/**
 * The model of examples/voice-message-transcription-ai-reply.json ("gpt-4o-mini" there): one answer, built from the
 * prompt the example gives its AI Agent ("Client: <name>\nMessage: <the typed text or the transcription>").
 */
function voiceExampleTurn(body, { prompt }) {
	const name = /^Client: (.*)$/m.exec(prompt);
	const message = /^Message: ([\s\S]*)$/m.exec(prompt);
	if (!name || !message || !message[1].trim()) throw new Error(`unexpected prompt: ${prompt}`);
	return finalText(voiceExampleAnswer(name[1], message[1].trim()));
}

/** What the voice example's model answers to `message` from the client `name`. */
const voiceExampleAnswer = (name, message) =>
	`Thanks, ${name}! You said: "${message}" A manager will confirm it within the hour.`;

const EXAMPLE_SCRIPTS = {
	'gpt-4.1-mini': Array(6).fill(exampleTurn),
	'gpt-4o-mini': [voiceExampleTurn],
};

/** What the scripted model hears in the sandbox's voice note (test/sandbox/files.js), recognised by its SHA-256. */
const VOICE_NOTE_TRANSCRIPT =
	'Hello! Can you deliver my order to 12 Lenin Street on Saturday morning?';
const TRANSCRIPTS = { [fileCatalogue()['voice.ogg'].sha256()]: VOICE_NOTE_TRANSCRIPT };

function agentWorkflow({ id, name, model, prompt, tools, onError }) {
	const toolNodes = tools.map((t) => ({
		name: t.name,
		type: MAVIBOT_TOOL,
		parameters: t.parameters,
		onError,
		credentials: { mavibotApi: { id: CREDENTIALS.sandbox.id, name: CREDENTIALS.sandbox.name } },
		row: 1,
	}));
	return workflow({
		id,
		name,
		nodes: [
			manualTrigger(),
			{
				name: 'AI Agent',
				...AGENT,
				parameters: { promptType: 'define', text: prompt, options: {} },
			},
			{
				name: 'OpenAI Chat Model',
				...CHAT_MODEL,
				parameters: {
					model: { __rl: true, mode: 'id', value: model },
					responsesApiEnabled: false,
					options: {},
				},
				credentials: { openAiApi: { id: MODEL_CREDENTIAL.id, name: MODEL_CREDENTIAL.name } },
				row: 1,
			},
			...toolNodes,
		],
		connections: [
			['Run', 'AI Agent'],
			['OpenAI Chat Model', 'AI Agent', 0, 'ai_languageModel'],
			...toolNodes.map((t) => [t.name, 'AI Agent', 0, 'ai_tool']),
		],
	});
}

const CASES = [
	{
		name: 'agent sends a message to the client ID the user gave (one tool call)',
		workflow: agentWorkflow({
			id: 'E2eAgentSendById',
			name: 'e2e: AI Agent → Mavibot tool: send by client ID',
			model: 'mavibot-send-by-id',
			prompt: 'Tell client 1002 that order #5521 has shipped.',
			tools: [TOOLS.send, TOOLS.getVariables],
		}),
		verify({ assert, requests, conversation, output }) {
			const sent = wire(requests, 'message');
			assert.deepEqual(
				sent.map((r) => r.body),
				[{ client_id: 1002, message: 'Your order #5521 has shipped.' }],
				'exactly the one send',
			);
			assert.equal(requests.length, 1, 'nothing else was called');
			assert.equal(conversation.length, 2, 'two model calls: the tool call, then the answer');
			const [result] = toolMessages(conversation);
			assert.match(result, /"status":"success"/);
			assert.match(result, /"client_id":1002/);
			assert.equal(
				output,
				`Sent. Mavibot answered: ${result}`,
				'the final output quotes the tool result',
			);
		},
	},
	{
		name: 'agent finds a client by phone, then sends to the ID it found (two tool calls)',
		workflow: agentWorkflow({
			id: 'E2eAgentFindSend',
			name: 'e2e: AI Agent → Mavibot tools: find by phone, then send',
			model: 'mavibot-find-then-send',
			prompt: 'The customer with phone 79991234567 can pick up the order: tell them.',
			tools: [TOOLS.findByPhone, TOOLS.send],
		}),
		verify({ assert, requests, conversation, output }) {
			assert.deepEqual(
				requests.map((r) => r.action),
				['find_client_id_by_phone', 'message'],
				'the lookup, then the send',
			);
			assert.deepEqual(wire(requests, 'find_client_id_by_phone')[0].query, {
				phone: '79991234567',
			});
			assert.deepEqual(wire(requests, 'message')[0].body, {
				client_id: 1002,
				message: 'Your order is ready for pickup.',
			});
			assert.equal(conversation.length, 3, 'three model calls');
			const [found, sent] = toolMessages(conversation);
			assert.match(found, /"found":true/);
			assert.match(found, /"client_id":1002/);
			assert.match(sent, /"status":"success"/);
			assert.equal(
				output,
				`Found: ${found}\nSent: ${sent}`,
				'the final output quotes both tool results',
			);
		},
	},
	{
		// The node refuses a Client ID that is not a number before sending anything. With the tool node's On Error =
		// Continue the router turns the failure into an output item {error, description}: the model gets the reason
		// and how to fix it, on n8n 1.x and 2.x.
		name: 'a non-numeric client ID, tool On Error = Continue: the refusal and its fix come back to the model',
		workflow: agentWorkflow({
			id: 'E2eAgentBadIdArg',
			name: 'e2e: AI Agent → Mavibot tool: bad client ID (On Error: Continue)',
			model: 'mavibot-bad-client-id',
			prompt: 'Say hello to Boris.',
			tools: [TOOLS.send],
			onError: 'continueRegularOutput',
		}),
		verify({ assert, requests, conversation, output, run }) {
			assertRefused(assert, { requests, conversation, output, run });
			const [result] = toolMessages(conversation);
			const [item] = JSON.parse(result);
			assert.equal(typeof item.description, 'string', `the fix comes with the error: ${result}`);
			assert.match(item.description, /client/i);
		},
	},
	{
		// n8n 2.x turns a failing tool node into the tool result [{error: <message>}] by itself; 1.x fails the run.
		name: 'a non-numeric client ID, default error handling: the refusal comes back to the model, the run goes on',
		onlyOn: {
			v2: true,
			why: 'n8n 1.x fails the execution when a tool node fails, unless its On Error is Continue (case above)',
		},
		workflow: agentWorkflow({
			id: 'E2eAgentBadIdDef',
			name: 'e2e: AI Agent → Mavibot tool: bad client ID (default error handling)',
			model: 'mavibot-bad-client-id-default',
			prompt: 'Say hello to Boris.',
			tools: [TOOLS.send],
		}),
		verify: (context) => assertRefused(context.assert, context),
	},
];

/** Case "bad client ID": refused before sending, the error in the tool result, quoted by the answer, run succeeded. */
function assertRefused(assert, { requests, conversation, output, run }) {
	assert.equal(requests.length, 0, 'nothing was sent to Mavibot');
	assert.equal(conversation.length, 2, 'the model got the error and answered');
	const [result] = toolMessages(conversation);
	const error = toolError(result);
	assert.equal(typeof error, 'string', `the tool result carries an error: ${result}`);
	assert.match(
		error,
		/"Client ID" is "Boris", which is not a Mavibot client ID/,
		'the error names the parameter and the value',
	);
	assert.equal(output, `The tool refused: ${result}`, 'the final output quotes the error');
	assert.equal(run.code, 0, 'the execution succeeded');
}

/** The error text of a tool result: n8n sends a failed tool as [{error}] (or {error, errorType}). */
function toolError(result) {
	const parsed = JSON.parse(result);
	const first = Array.isArray(parsed) ? parsed[0] : parsed;
	return first && first.error;
}

/** The tool messages the model received, in order, as sent. */
function toolMessages(conversation) {
	const last = conversation[conversation.length - 1].body.messages;
	return last
		.filter((m) => m.role === 'tool')
		.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)));
}

/**
 * What the model sees of each Mavibot tool in a chat-completions request: name, description, parameter schema, the
 * size of all three as sent (characters of the JSON) with a token estimate (4 characters a token), and for each
 * parameter whether it has a description.
 */
function measureTools(body, nodeNames) {
	const wanted = new Set(nodeNames.map(toolName));
	return (body.tools || [])
		.map((t) => t.function)
		.filter((f) => wanted.has(f.name))
		.map((f) => {
			const chars = JSON.stringify(f).length;
			const properties = (f.parameters && f.parameters.properties) || {};
			return {
				name: f.name,
				description: f.description,
				chars,
				tokens: Math.ceil(chars / 4),
				parameters: Object.entries(properties).map(([key, schema]) => ({
					key,
					type: schema.type,
					description: schema.description || '',
				})),
			};
		});
}

// ---- what run.js calls ----

let model;

/**
 * Starts the scripted model (once per version run; `port` 0 picks a free one); `extraScripts` come from the examples.
 * It transcribes the sandbox's voice note as VOICE_NOTE_TRANSCRIPT.
 */
async function start(extraScripts = {}, { port = 0 } = {}) {
	model = await startModelServer(
		{ ...SCRIPTS, ...EXAMPLE_SCRIPTS, ...extraScripts },
		{ port, transcripts: TRANSCRIPTS },
	);
	return model;
}

const current = () => model;

async function stop() {
	if (model) await model.stop();
	model = undefined;
}

function credentials() {
	return model
		? [
				{
					id: MODEL_CREDENTIAL.id,
					name: MODEL_CREDENTIAL.name,
					type: 'openAiApi',
					data: { apiKey: MODEL_CREDENTIAL.apiKey, url: model.url },
				},
			]
		: [];
}

const workflows = () => CASES.map((c) => c.workflow);

/** Checks that hold for every conversation: no Mavibot API key in anything the model server received. */
function assertNoApiKey(assert, received) {
	const key = CREDENTIALS.sandbox.data.apiKey;
	for (const r of received) {
		assert.ok(
			!r.raw.includes(key) && !JSON.stringify(r.headers).includes(key) && !r.path.includes(key),
			`the Mavibot API key reached the model in ${r.method} ${r.path}`,
		);
	}
}

async function run(ctx) {
	const { n8n, sandbox, report, prefix, features, args = {} } = ctx;
	const lacking = NEEDS.filter((n) => !features.has(n));
	if (lacking.length) {
		report.skip(`${prefix}AI Agent cases`, `the package has no ${lacking.join(', ')} yet`);
		return;
	}
	for (const c of CASES) {
		if (c.onlyOn && !c.onlyOn[ctx.version]) {
			report.skip(`${prefix}agent: ${c.name}`, c.onlyOn.why);
			continue;
		}
		await report.check(`${prefix}agent: ${c.name}`, async (assert) => {
			await sandbox.reset();
			model.reset();
			const run = await n8n.execute(c.workflow.id);
			const runData = run.data && run.data.data && run.data.data.resultData.runData;
			const requests = await sandbox.requests();
			const received = model.requests();
			const conversation = model.conversation(
				c.workflow.nodes.find((n) => n.name === 'OpenAI Chat Model').parameters.model.value,
			);
			const [agentOut] = nodeOutput(runData, 'AI Agent') || [];
			if (args.verbose)
				console.log(
					JSON.stringify({ requests, received: received.map((r) => r.body) }, null, 1).slice(
						0,
						20000,
					),
				);
			try {
				assert.equal(run.code, 0, 'n8n execute exits 0');
				assert.ok(conversation.length > 0, 'the chat model node called the scripted model');
				assertNoApiKey(assert, received);
				await c.verify({
					assert,
					requests,
					conversation,
					output: agentOut && agentOut.output,
					run,
				});
			} catch (error) {
				console.log(
					`   --- n8n execute output (last lines) ---\n${tail(run.stdout + run.stderr, 40).replace(/^/gm, '   | ')}`,
				);
				throw error;
			}
			const toolNodes = c.workflow.nodes.filter((n) => n.type === MAVIBOT_TOOL).map((n) => n.name);
			for (const tool of measureTools(conversation[0].body, toolNodes)) {
				const params = tool.parameters
					.map((p) => `${p.key}:${p.type}${p.description ? '' : ' (no description)'}`)
					.join(', ');
				console.log(
					`   ${tool.name}: "${tool.description}" — ${tool.chars} chars ≈ ${tool.tokens} tokens; ${params}`,
				);
				for (const p of tool.parameters)
					assert.ok(p.description, `${tool.name}.${p.key} has a description`);
			}
		});
	}
}

module.exports = {
	start,
	stop,
	current,
	credentials,
	workflows,
	run,
	measureTools,
	assertNoApiKey,
	toolMessages,
	toolName,
	voiceExampleAnswer,
	VOICE_NOTE_TRANSCRIPT,
	MODEL_CREDENTIAL,
	MAVIBOT_TOOL,
};
