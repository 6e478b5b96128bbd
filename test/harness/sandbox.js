/** Starts the Mavibot sandbox for a test file and gives the credentials that point n8n at it. */
const { createSandbox } = require('../sandbox/server');
const { KEYS, SEED } = require('../sandbox/state');

async function startSandbox(options = {}) {
	const sandbox = createSandbox(options);
	const { url } = await sandbox.start(0);
	return {
		sandbox,
		url,
		credentials: (apiKey = KEYS.full, baseUrl = url) => ({ mavibotApi: { apiKey, baseUrl } }),
		stop: () => sandbox.stop(),
	};
}

module.exports = { startSandbox, KEYS, SEED };

/**
 * The usual lifecycle of a test file: one sandbox for the file, reset before each test, stopped (with n8n-core's
 * timers) after the last. Returns the environment object, filled in before the first test runs.
 */
function useSandbox(options = {}) {
	const env = {};
	beforeAll(async () => {
		Object.assign(env, await startSandbox(options));
	});
	beforeEach(() => env.sandbox.reset());
	afterAll(async () => {
		await env.stop();
		await require('./n8n').shutdownN8n();
	});
	return env;
}

module.exports.useSandbox = useSandbox;
