/**
 * Keeps a test file's packets on loopback, and stubs name resolution for the private-address tests.
 *
 * - Every socket connection to an address that is not loopback is refused in-process (recorded in `blocked`), so a
 *   broken address check fails the test instead of sending a packet (10.x, 169.254.169.254, …).
 * - Name resolution (`dns.lookup`, which the connector uses) answers only from a table: `localhost` and the names a
 *   test gives with `connectTo(name, address)`; any other name fails with ENOTFOUND without asking a DNS server.
 * - n8n 2.x's egress filter resolves names with its own DnsResolver: `checkerSees(name, address)` makes it see a
 *   different address than the connector, e.g. a public one for a name the connector sends to the sandbox.
 *
 * Call installNetworkGuard() at the top of a test file, before n8n-core creates its services.
 */
const dns = require('node:dns');
const net = require('node:net');

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function installNetworkGuard() {
	const connectorTable = new Map([['localhost', '127.0.0.1']]);
	const checkerTable = new Map();
	const blocked = [];
	const lookups = [];

	function resolve(table, hostname) {
		const name = String(hostname).toLowerCase().replace(/\.$/, '');
		if (net.isIP(name)) return name;
		return table.get(name);
	}

	function notFound(hostname) {
		const error = new Error(
			`getaddrinfo ENOTFOUND ${hostname} (network guard: not in the test's table)`,
		);
		error.code = 'ENOTFOUND';
		error.hostname = hostname;
		return error;
	}

	const answer = (address, options) => {
		const family = net.isIP(address);
		return options && options.all ? [{ address, family }] : { address, family };
	};

	dns.lookup = function guardedLookup(hostname, options, callback) {
		if (typeof options === 'function') {
			callback = options;
			options = {};
		}
		if (typeof options === 'number') options = { family: options };
		lookups.push(hostname);
		const address = resolve(connectorTable, hostname);
		process.nextTick(() => {
			if (!address) return callback(notFound(hostname));
			const found = answer(address, options);
			if (options && options.all) return callback(null, found);
			return callback(null, found.address, found.family);
		});
	};
	dns.promises.lookup = async (hostname, options) => {
		lookups.push(hostname);
		const address = resolve(connectorTable, hostname);
		if (!address) throw notFound(hostname);
		return answer(address, options);
	};

	const originalConnect = net.Socket.prototype.connect;
	net.Socket.prototype.connect = function guardedConnect(...args) {
		// net.connect() passes its normalised arguments as one array: [options, callback].
		const normalised = Array.isArray(args[0]) ? args[0] : undefined;
		const first = normalised ? normalised[0] : args[0];
		let host;
		if (first && typeof first === 'object') {
			if (first.path) return originalConnect.apply(this, args);
			host = first.host ?? 'localhost';
		} else if (typeof first === 'number' || /^\d+$/.test(String(first))) {
			host = typeof args[1] === 'string' ? args[1] : 'localhost';
		} else {
			return originalConnect.apply(this, args); // a pipe path
		}
		const address = net.isIP(host) ? host : resolve(connectorTable, host);
		if (address && !LOOPBACK.test(address)) {
			blocked.push({ host, address });
			throw new Error(`network guard: refused a connection to ${host} (${address}): not loopback`);
		}
		// A custom lookup (n8n's secure lookup, an agent's) is checked too: whatever it answers must be loopback.
		if (first && typeof first === 'object' && typeof first.lookup === 'function') {
			const lookup = first.lookup;
			const guarded = {
				...first,
				lookup(name, options, callback) {
					lookup(name, options, (error, found, family) => {
						const list = Array.isArray(found) ? found : [{ address: found, family }];
						const outside = list.find((entry) => entry && !LOOPBACK.test(entry.address));
						if (!error && outside) {
							blocked.push({ host: name, address: outside.address });
							return callback(new Error(`network guard: ${name} resolved to ${outside.address}`));
						}
						return callback(error, found, family);
					});
				},
			};
			if (normalised) normalised[0] = guarded;
			else args[0] = guarded;
		}
		return originalConnect.apply(this, args);
	};

	/** n8n's DnsResolver, replaced in n8n's container: the egress filter sees `checkerTable`, then the connector's table. */
	function stubN8nResolver() {
		const { Container } = require('@n8n/di');
		const { DnsResolver } = require('@n8n/backend-network');
		Container.set(DnsResolver, {
			async lookup(hostname) {
				const address = resolve(checkerTable, hostname) ?? resolve(connectorTable, hostname);
				if (!address) throw notFound(hostname);
				return [{ address, family: net.isIP(address) }];
			},
		});
	}

	return {
		blocked,
		lookups,
		stubN8nResolver,
		/** Where the connector (and, unless checkerSees says otherwise, the checker) sends `name`. */
		connectTo(name, address) {
			connectorTable.set(name.toLowerCase(), address);
		},
		/** What n8n 2.x's egress filter sees for `name`. */
		checkerSees(name, address) {
			checkerTable.set(name.toLowerCase(), address);
		},
	};
}

module.exports = { installNetworkGuard };
