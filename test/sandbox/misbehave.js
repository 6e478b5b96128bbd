'use strict';
// Injected failures and the optional rate limit.
//
// Rule kinds (each matching request consumes one of `times`, default 1; `action` restricts the rule to one action):
//   { kind: 'status', status, retryAfter?, body? }  answers that HTTP status (default body {"status":"error",…})
//   { kind: 'html', status? = 200, body? }           answers an HTML error page
//   { kind: 'text', status? = 200, text }            answers a plain-text body
//   { kind: 'delay', ms }                            answers normally, ms later
//   { kind: 'drop', apply? = true }                  reads the body, then destroys the socket without answering
// `apply: true` runs the action against the state before misbehaving (default for 'drop' only: the request reached
// the server and took effect, the client just never heard back; that is what makes blind retries duplicate writes).

const KINDS = ['status', 'html', 'text', 'delay', 'drop'];

function normalizeRule(rule) {
	if (!rule || typeof rule !== 'object') throw new Error('A misbehave rule must be an object');
	if (!KINDS.includes(rule.kind))
		throw new Error(`Unknown misbehave kind "${rule.kind}" (expected ${KINDS.join(', ')})`);
	const times = rule.times === undefined ? 1 : Number(rule.times);
	if (!Number.isInteger(times) || times < 1) throw new Error('times must be a positive integer');
	if (
		rule.kind === 'status' &&
		!(Number.isInteger(rule.status) && rule.status >= 100 && rule.status <= 599)
	) {
		throw new Error('A status rule needs an HTTP status (100-599)');
	}
	if (rule.kind === 'delay' && !(Number(rule.ms) >= 0))
		throw new Error('A delay rule needs ms >= 0');
	return {
		...rule,
		times,
		remaining: times,
		apply: rule.apply === undefined ? rule.kind === 'drop' : Boolean(rule.apply),
	};
}

function createRuleQueue() {
	const rules = [];
	return {
		rules,
		add(rule) {
			const normalized = normalizeRule(rule);
			rules.push(normalized);
			return normalized;
		},
		/** Consumes one use of the first rule matching the action. */
		take(action) {
			const index = rules.findIndex((r) => !r.action || r.action === action);
			if (index < 0) return undefined;
			const rule = rules[index];
			rule.remaining--;
			if (rule.remaining <= 0) rules.splice(index, 1);
			return rule;
		},
		clear() {
			rules.length = 0;
		},
	};
}

/** Rolling one-second window: at most perSecond accepted requests in any 1000 ms. */
function createRateLimiter(perSecond) {
	const hits = [];
	return {
		perSecond,
		allow(now = Date.now()) {
			while (hits.length && hits[0] <= now - 1000) hits.shift();
			if (hits.length >= perSecond) return false;
			hits.push(now);
			return true;
		},
	};
}

module.exports = { KINDS, normalizeRule, createRuleQueue, createRateLimiter };
