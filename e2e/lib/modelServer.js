'use strict';
// A scripted model behind an OpenAI-compatible chat-completions API, on 127.0.0.1 only. n8n's OpenAI Chat Model
// node reaches it through its credential's Base URL (<url>/v1). Each request's `model` names a script; a script
// sees the request (tools offered, messages so far) and answers the next turn: tool calls or a final text. It keeps
// no state of its own: the turn is the number of assistant messages already in the conversation, so an agent that
// replays the conversation gets the same answers. Every request is recorded as received.
//
// It also transcribes: POST /v1/audio/transcriptions (multipart/form-data, fields `model` and `file`, as n8n's OpenAI
// node sends an audio file) answers { text } from `transcripts` (the file's SHA-256 → its text), else a text that
// names the file's size. What was uploaded (name, type, size, SHA-256) is recorded with the request.
//
//   const model = await startModelServer({ 'send-by-id': [(req) => toolCall(...), (req) => text(...)] },
//     { transcripts: { '<sha256>': 'Hello, …' } });
//   model.url            // http://127.0.0.1:<port>/v1, the credential's Base URL
//   model.requests()     // [{ method, path, headers, body, raw, upload? }] in arrival order
//   model.transcriptions() // [{ fields, file: { name, fileName, contentType, size, sha256 }, text }]
//   model.reset(); await model.stop();

const crypto = require('node:crypto');
const http = require('node:http');
const { parseMultipart } = require('./multipart');

/** An assistant turn that calls tools: calls is [{ name, args }]. */
const toolCalls = (...calls) => ({ toolCalls: calls });
/** An assistant turn that ends the conversation with `text`. */
const finalText = (text) => ({ text });

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function sendJson(res, status, value) {
	const text = JSON.stringify(value);
	res.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
	});
	res.end(text);
}

let callCounter = 0;

/** The chat-completions `message` of an assistant turn. */
function assistantMessage(turn) {
	if (turn.toolCalls) {
		return {
			role: 'assistant',
			content: null,
			tool_calls: turn.toolCalls.map(({ name, args }) => ({
				id: `call_${++callCounter}`,
				type: 'function',
				function: { name, arguments: JSON.stringify(args) },
			})),
		};
	}
	return { role: 'assistant', content: String(turn.text) };
}

function completion(model, message) {
	return {
		id: `chatcmpl-${++callCounter}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [
			{
				index: 0,
				message,
				logprobs: null,
				finish_reason: message.tool_calls ? 'tool_calls' : 'stop',
			},
		],
		usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
	};
}

/** The same answer as server-sent events (`stream: true`): one chunk with the whole delta, then [DONE]. */
function streamCompletion(res, model, message) {
	res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
	const base = {
		id: `chatcmpl-${++callCounter}`,
		object: 'chat.completion.chunk',
		created: Math.floor(Date.now() / 1000),
		model,
	};
	const delta = message.tool_calls
		? {
				role: 'assistant',
				content: null,
				tool_calls: message.tool_calls.map((c, index) => ({ index, ...c })),
			}
		: { role: 'assistant', content: message.content };
	const chunks = [
		{ ...base, choices: [{ index: 0, delta, finish_reason: null }] },
		{
			...base,
			choices: [{ index: 0, delta: {}, finish_reason: message.tool_calls ? 'tool_calls' : 'stop' }],
		},
	];
	for (const chunk of chunks) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
	res.end('data: [DONE]\n\n');
}

/**
 * Starts the server. `scripts` maps a model name to its turns: functions (request body, context) → toolCalls(…) or
 * finalText(…). Context: { turn, prompt, history }: the text of the last user message, and the tool calls made so far
 * with what came back, [{ name, args, content (the tool message as sent), result (content parsed when JSON) }].
 */
function startModelServer(scripts, { port = 0, transcripts = {} } = {}) {
	const received = [];
	const server = http.createServer(async (req, res) => {
		const bytes = await readBody(req);
		const raw = bytes.toString('utf8');
		const multipart = /^multipart\//i.test(req.headers['content-type'] || '');
		let body;
		try {
			body = raw && !multipart ? JSON.parse(raw) : undefined;
		} catch {
			body = undefined;
		}
		const headers = { ...req.headers };
		const record = { method: req.method, path: req.url, headers, body, raw };
		received.push(record);
		const route = req.url.replace(/\?.*$/, '').replace(/^\/v1/, '');
		if (req.method === 'POST' && route === '/audio/transcriptions') {
			transcribe(res, record, bytes, transcripts);
			return;
		}
		if (req.method === 'GET' && route === '/models') {
			sendJson(res, 200, {
				object: 'list',
				data: Object.keys(scripts).map((id) => ({ id, object: 'model', owned_by: 'e2e' })),
			});
			return;
		}
		if (req.method !== 'POST' || route !== '/chat/completions' || !body) {
			sendJson(res, 404, {
				error: {
					message: `The scripted model serves POST /v1/chat/completions and /v1/audio/transcriptions, not ${req.method} ${req.url}`,
					type: 'invalid_request_error',
				},
			});
			return;
		}
		const script = scripts[body.model];
		if (!script) {
			sendJson(res, 404, {
				error: {
					message: `No script for model "${body.model}"`,
					type: 'invalid_request_error',
					code: 'model_not_found',
				},
			});
			return;
		}
		const messages = body.messages || [];
		const turn = messages.filter((m) => m.role === 'assistant').length;
		const history = toolHistory(messages);
		if (turn >= script.length) {
			sendJson(res, 500, {
				error: {
					message: `Script "${body.model}" has ${script.length} turns; asked for turn ${turn + 1}`,
					type: 'server_error',
				},
			});
			return;
		}
		let message;
		try {
			message = assistantMessage(
				script[turn](body, { turn, history, prompt: userPrompt(messages) }),
			);
		} catch (error) {
			sendJson(res, 500, {
				error: {
					message: `Script "${body.model}" turn ${turn + 1}: ${error.message}`,
					type: 'server_error',
				},
			});
			return;
		}
		if (body.stream) streamCompletion(res, body.model, message);
		else sendJson(res, 200, completion(body.model, message));
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			const { port } = server.address();
			resolve({
				url: `http://127.0.0.1:${port}/v1`,
				port,
				requests: () => received.slice(),
				/** The chat-completions requests of one script (model name). */
				conversation: (model) => received.filter((r) => r.body && r.body.model === model),
				/** The transcription requests: the form fields, the uploaded file and the text answered. */
				transcriptions: () => received.filter((r) => r.upload).map((r) => r.upload),
				reset: () => {
					received.length = 0;
				},
				stop: () => new Promise((done) => server.close(() => done())),
			});
		});
	});
}

/**
 * POST /v1/audio/transcriptions: the multipart body's `file` and other fields, recorded on the request as `upload`,
 * answered { text } as OpenAI's API does (400 with an OpenAI-style error for a body it cannot read or without a file).
 */
function transcribe(res, record, bytes, transcripts) {
	let parts;
	try {
		parts = parseMultipart(bytes, record.headers['content-type']);
	} catch (error) {
		sendJson(res, 400, {
			error: {
				message: `Could not read the multipart body: ${error.message}`,
				type: 'invalid_request_error',
			},
		});
		return;
	}
	const fields = Object.fromEntries(
		parts.filter((p) => p.fileName === undefined).map((p) => [p.name, p.content.toString('utf8')]),
	);
	const part = parts.find((p) => p.name === 'file' && p.fileName !== undefined);
	if (!part) {
		record.upload = { fields, file: null, text: null };
		sendJson(res, 400, {
			error: {
				message: `No file part named "file" (parts: ${parts.map((p) => p.name).join(', ') || 'none'})`,
				type: 'invalid_request_error',
				param: 'file',
			},
		});
		return;
	}
	const file = {
		name: part.name,
		fileName: part.fileName,
		contentType: part.contentType,
		size: part.content.length,
		sha256: crypto.createHash('sha256').update(part.content).digest('hex'),
	};
	const text =
		transcripts[file.sha256] ??
		`An audio file of ${file.size} bytes (${file.fileName}) with no scripted transcript.`;
	record.upload = { fields, file, text };
	sendJson(res, 200, { text });
}

/** The text of a message's content (a string, or OpenAI's list of parts). */
function contentText(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content))
		return content.map((p) => (typeof p === 'string' ? p : p.text || '')).join('');
	return content == null ? '' : JSON.stringify(content);
}

/** The tool calls of the conversation with the tool messages that answer them (matched by tool_call_id). */
function toolHistory(messages) {
	const answers = new Map(
		messages.filter((m) => m.role === 'tool').map((m) => [m.tool_call_id, contentText(m.content)]),
	);
	return messages
		.filter((m) => m.role === 'assistant' && Array.isArray(m.tool_calls))
		.flatMap((m) => m.tool_calls)
		.map((call) => {
			const content = answers.get(call.id);
			return {
				name: call.function.name,
				args: parseMaybe(call.function.arguments),
				content,
				result: parseMaybe(content),
			};
		});
}

function userPrompt(messages) {
	const users = messages.filter((m) => m.role === 'user');
	return users.length ? contentText(users[users.length - 1].content) : '';
}

function parseMaybe(text) {
	if (typeof text !== 'string') return text;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

module.exports = { startModelServer, toolCalls, finalText, contentText };
