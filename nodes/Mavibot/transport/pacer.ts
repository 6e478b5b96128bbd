import { sleep } from 'n8n-workflow';

const WINDOW_MS = 1000;
const HEADROOM = 1.05;

/**
 * One pacer per node execution, shared by every request of that execution.
 * - A 429 pauses every worker until its Retry-After has passed, not just the one that got it.
 * - After a 429 the pacer learns the rate Mavibot accepted (requests that got through in the last second) and
 *   spaces requests out to stay just below it, so that the following requests are not refused too.
 * - An optional cap ("Max Requests per Second") spaces requests from the start.
 */
export class RequestPacer {
	private pausedUntil = 0;

	private nextSlot = 0;

	private intervalMs: number;

	private readonly recentSuccesses: number[] = [];

	constructor(minIntervalMs = 0) {
		this.intervalMs = minIntervalMs;
	}

	/** Resolves when a request may be sent, and books its slot. */
	async waitForTurn(): Promise<void> {
		for (;;) {
			const now = Date.now();
			const start = Math.max(now, this.pausedUntil, this.nextSlot);
			if (start <= now) {
				this.nextSlot = now + this.intervalMs;
				return;
			}
			await sleep(start - now);
		}
	}

	/** Holds every request back for `ms` from now. */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
	}

	/** A request that Mavibot accepted (any answer but 429). */
	succeeded(): void {
		const now = Date.now();
		this.recentSuccesses.push(now);
		while (this.recentSuccesses[0] < now - WINDOW_MS) this.recentSuccesses.shift();
	}

	/** A 429: wait it out, and slow down to the rate that got through in the last second. */
	rateLimited(retryAfterMs: number): void {
		const now = Date.now();
		this.pause(retryAfterMs);
		const accepted = this.recentSuccesses.filter((time) => time > now - WINDOW_MS).length;
		const learned = accepted > 0 ? (WINDOW_MS / accepted) * HEADROOM : this.intervalMs * 2 || 100;
		this.intervalMs = Math.max(this.intervalMs, learned);
	}

	/** The current spacing between requests, in milliseconds (0: none). */
	get spacingMs(): number {
		return this.intervalMs;
	}
}

const pacers = new WeakMap<object, RequestPacer>();

/** The pacer of the node execution that `context` belongs to. */
export function pacerFor(context: object, maxRequestsPerSecond = 0): RequestPacer {
	let pacer = pacers.get(context);
	if (!pacer) {
		pacer = new RequestPacer(maxRequestsPerSecond > 0 ? 1000 / maxRequestsPerSecond : 0);
		pacers.set(context, pacer);
	}
	return pacer;
}
