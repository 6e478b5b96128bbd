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
