/**
 * Requests that arrive together share one read of the credential, and no request is ever checked against a value read
 * before it arrived.
 *
 * Reading a credential in a webhook costs n8n 2.x a database query, a decryption and an expression isolate of its own
 * (CredentialsHelper.getDecrypted resolves the credential's fields in a fresh isolate when no execution is running):
 * without sharing, the token check made the trigger cost 1.2× n8n's own Webhook node. A token kept from an earlier
 * request would go on working after the user changed it in the credential: n8n tells a running trigger nothing when a
 * credential changes. So nothing is kept: a read serves the requests that arrived before it started, and only those.
 * A request that arrives while a read is running, or during the short pause after it, waits for the next read, which
 * starts when the pause ends, together with every request that arrived meanwhile: under load, one read serves a
 * round of requests, and a changed token is refused from the first request that arrives after the change.
 */

interface Pending<T> {
	promise: Promise<T>;
	resolve: (value: T) => void;
	reject: (error: unknown) => void;
}

interface Reads<T> {
	/** The read that starts when the running one and the pause after it end, for the requests that arrived meanwhile. */
	next?: { pending: Pending<T>; read: () => Promise<T> };
}

function pending<T>(): Pending<T> {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

export class SharedReads<T> {
	/** The keys with a read running, or in the pause after one. */
	private readonly reads = new Map<string, Reads<T>>();

	/** `pause`: waited after each read before the next read of the same key may start, so that more requests share it. */
	constructor(private readonly pause: () => Promise<void> = async () => {}) {}

	/**
	 * The value `read` gives, from a read that starts no earlier than this call. Calls with the same `key` while a read
	 * of it runs (or pauses) share the next read (made with the `read` of the first of them).
	 */
	async fresh(key: string, read: () => Promise<T>): Promise<T> {
		const reads = this.reads.get(key);
		if (reads === undefined) return await this.start(key, read);
		reads.next ??= { pending: pending<T>(), read };
		return await reads.next.pending.promise;
	}

	/** The number of keys with a read running or pausing (tests). */
	get size(): number {
		return this.reads.size;
	}

	private start(key: string, read: () => Promise<T>): Promise<T> {
		const running = (async () => await read())();
		const reads: Reads<T> = {};
		this.reads.set(key, reads);
		const settled = async () => {
			await this.pause();
			const next = reads.next;
			if (next === undefined) {
				this.reads.delete(key);
				return;
			}
			this.start(key, next.read).then(next.pending.resolve, next.pending.reject);
		};
		running.then(settled, settled);
		return running;
	}
}
