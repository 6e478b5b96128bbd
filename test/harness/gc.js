/**
 * A full garbage collection on demand, for tests of what must survive one (jest does not run Node with --expose-gc).
 */
const v8 = require('node:v8');
const vm = require('node:vm');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

/** Collects garbage `delaysMs` after now, once per delay (while a workflow waits, say). */
function collectGarbageAfter(...delaysMs) {
	for (const delay of delaysMs) setTimeout(gc, delay).unref();
}

module.exports = { gc, collectGarbageAfter };
