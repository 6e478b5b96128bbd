'use strict';
// One line per check ("ok", "FAIL", "skip") and a closing "N passed, N failed" line.

const assert = require('node:assert/strict');

class Report {
	constructor({ prefix = '' } = {}) {
		this.prefix = prefix;
		this.passed = 0;
		this.failed = 0;
		this.skipped = 0;
		this.failures = [];
	}

	/** Runs `fn` (sync or async); a throw is a failure. Resolves with fn's value, or undefined on failure. */
	async check(name, fn) {
		const label = `${this.prefix}${name}`;
		const started = Date.now();
		try {
			const value = await fn(assert);
			this.passed++;
			console.log(`ok   ${label} (${Date.now() - started} ms)`);
			return value;
		} catch (error) {
			this.failed++;
			this.failures.push(label);
			const message = String((error && (error.stack || error.message)) || error)
				.split('\n')
				.slice(0, 30)
				.map((line) => `       ${line}`)
				.join('\n');
			console.log(`FAIL ${label}\n${message}`);
			return undefined;
		}
	}

	skip(name, why) {
		this.skipped++;
		console.log(`skip ${this.prefix}${name}: ${why}`);
	}

	section(title) {
		console.log(`\n== ${title}`);
	}

	summary() {
		if (this.failures.length)
			console.log(`\nFailed:\n${this.failures.map((f) => `  - ${f}`).join('\n')}`);
		const line = `${this.passed} passed, ${this.failed} failed${this.skipped ? `, ${this.skipped} skipped` : ''}`;
		console.log(`\n${line}`);
		return line;
	}
}

module.exports = { Report };
