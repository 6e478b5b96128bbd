/**
 * Requests that arrive together share one read of the credential, and no request is ever checked against a value read
 * before it arrived.
 *
 * Reading a credential in a webhook costs n8n 2.x a database query, a decryption and an expression isolate of its own
 * (CredentialsHelper.getDecrypted resolves the credential's fields in a fresh isolate when no execution is running),
 * which made the token check the largest cost of the trigger beyond what n8n's own Webhook node costs. A token kept
 * from an earlier request would go on working after the user changed it in the credential: n8n tells a running
 * trigger nothing when a credential changes. So nothing is kept: a read serves the requests that arrived before it
 * started, and only those. A request that arrives while a read is running waits for the next one, which starts when
 * the running one ends, together with every request that arrived meanwhile: under load, one read per round serves
 * all the requests of that round, and a changed token is refused from the first request that arrives after the change.
 */

interface Pending<T> {
	promise: Promise<T>;
	resolve: (value: T) => void;
	reject: (error: unknown) => void;
}

interface Reads<T> {
	/** The read running now (it started after every request waiting on it arrived). */
	running: Promise<T>;
	/** The read that starts when `running` ends, for the requests that arrived after `running` started. */
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
	private readonly reads = new Map<string, Reads<T>>();

	/**
	 * The value `read` gives, from a read that starts no earlier than this call. Calls with the same `key` while a read
	 * of it runs share the next read (made with the `read` of the first of them).
	 */
	async fresh(key: string, read: () => Promise<T>): Promise<T> {
		const reads = this.reads.get(key);
		if (reads === undefined) return await this.start(key, read);
		reads.next ??= { pending: pending<T>(), read };
		return await reads.next.pending.promise;
	}

	/** The number of keys with a read running (tests). */
	get size(): number {
		return this.reads.size;
	}

	private start(key: string, read: () => Promise<T>): Promise<T> {
		const running = (async () => await read())();
		const reads: Reads<T> = { running };
		this.reads.set(key, reads);
		const settled = () => {
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
