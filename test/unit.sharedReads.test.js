/**
 * The trigger's credential reads (nodes/MavibotTrigger/sharedReads.ts): requests that arrive together share one read,
 * and no request gets a value read before it arrived. Against the built code in dist/.
 */
const { SharedReads } = require('../dist/nodes/MavibotTrigger/sharedReads');

/** A read whose end the test decides: reads[i].finish(value) / .fail(error); `started` counts reads begun. */
function controlledReads() {
	const reads = [];
	const read = () =>
		new Promise((resolve, reject) => {
			reads.push({ finish: resolve, fail: reject });
		});
	return { reads, read };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('one request, one read; nothing is kept once it is answered', async () => {
	const shared = new SharedReads();
	let reads = 0;
	expect(await shared.fresh('k', async () => ++reads)).toBe(1);
	expect(await shared.fresh('k', async () => ++reads)).toBe(2);
	expect(reads).toBe(2);
	expect(shared.size).toBe(0);
});

test('requests arriving during a read share the next read, which starts only when that read ends', async () => {
	const shared = new SharedReads();
	const { reads, read } = controlledReads();
	const first = shared.fresh('k', read);
	await tick();
	expect(reads).toHaveLength(1);
	// These arrive while read 1 runs: read 1 started before them, so they must not get its value.
	const second = shared.fresh('k', read);
	const third = shared.fresh('k', read);
	await tick();
	expect(reads).toHaveLength(1);
	reads[0].finish('old token');
	expect(await first).toBe('old token');
	await tick();
	expect(reads).toHaveLength(2);
	reads[1].finish('new token');
	expect(await second).toBe('new token');
	expect(await third).toBe('new token');
	expect(shared.size).toBe(0);
});

test('a failed read fails the requests that waited on it; the next request reads again', async () => {
	const shared = new SharedReads();
	const { reads, read } = controlledReads();
	const first = shared.fresh('k', read);
	await tick();
	const second = shared.fresh('k', read);
	const third = shared.fresh('k', read);
	reads[0].fail(new Error('no credential'));
	await expect(first).rejects.toThrow('no credential');
	await tick();
	reads[1].fail(new Error('still none'));
	await expect(second).rejects.toThrow('still none');
	await expect(third).rejects.toThrow('still none');
	const later = shared.fresh('k', async () => 'token');
	expect(await later).toBe('token');
	expect(shared.size).toBe(0);
});

test('different keys (trigger, mode, credential) never share a read', async () => {
	const shared = new SharedReads();
	const { reads, read } = controlledReads();
	const a = shared.fresh('workflow A', read);
	const b = shared.fresh('workflow B', read);
	await tick();
	expect(reads).toHaveLength(2);
	reads[0].finish('a');
	reads[1].finish('b');
	expect([await a, await b]).toEqual(['a', 'b']);
});

test('requests arriving in the pause after a read share the next read, which starts only when the pause ends', async () => {
	const pauses = [];
	const shared = new SharedReads(() => new Promise((resolve) => pauses.push(resolve)));
	const { reads, read } = controlledReads();
	const first = shared.fresh('k', read);
	await tick();
	reads[0].finish('old token');
	expect(await first).toBe('old token');
	await tick();
	expect(pauses).toHaveLength(1);
	// These arrive after read 1 ended, during its pause: they wait for a read of their own.
	const second = shared.fresh('k', read);
	const third = shared.fresh('k', read);
	await tick();
	expect(reads).toHaveLength(1);
	pauses[0]();
	await tick();
	expect(reads).toHaveLength(2);
	reads[1].finish('new token');
	expect(await second).toBe('new token');
	expect(await third).toBe('new token');
	await tick();
	expect(shared.size).toBe(1); // pausing after read 2
	pauses[1]();
	await tick();
	expect(shared.size).toBe(0);
	expect(reads).toHaveLength(2);
});

test('a lone request after the pause reads at once', async () => {
	const pauses = [];
	const shared = new SharedReads(() => new Promise((resolve) => pauses.push(resolve)));
	let reads = 0;
	expect(await shared.fresh('k', async () => ++reads)).toBe(1);
	await tick();
	pauses[0]();
	await tick();
	expect(shared.size).toBe(0);
	expect(await shared.fresh('k', async () => ++reads)).toBe(2);
});
