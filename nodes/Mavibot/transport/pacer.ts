import { sleep } from 'n8n-workflow';

/**
 * One pacer per node execution, shared by every request of that execution. A 429 pauses all workers until its
 * Retry-After has passed (not just the one that got it), and an optional cap spaces requests evenly.
 */
export class RequestPacer {
	private pausedUntil = 0;

	private nextSlot = 0;

	constructor(private readonly minIntervalMs = 0) {}

	/** Resolves when a request may be sent. */
	async waitForTurn(): Promise<void> {
		for (;;) {
			const now = Date.now();
			const start = Math.max(now, this.pausedUntil, this.nextSlot);
			if (start <= now) {
				this.nextSlot = now + this.minIntervalMs;
				return;
			}
			await sleep(start - now);
		}
	}

	/** Holds every request back for `ms` from now. */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
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
