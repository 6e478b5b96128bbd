/**
 * A short memory of the message IDs a trigger has accepted, so that a second delivery of the same message (a platform
 * retry) does not run the workflow twice. The platform's docs say failed deliveries are not retried, but deliveries
 * that are slow to be answered have been seen to repeat (API reference §6), so the trigger answers at once and
 * remembers IDs for a while.
 *
 * The memory lives in this process: it is bounded (per trigger and in the number of triggers) and entries expire.
 * n8n runs each production webhook in the main process (or in one webhook process of a queue-mode setup), so a repeat
 * that reaches another process is not recognised; that is the price of not writing to storage.
 */

import type { IWebhookFunctions } from 'n8n-workflow';

export const REMEMBER_FOR_MS = 10 * 60 * 1000;
export const MAX_IDS_PER_TRIGGER = 2000;
export const MAX_TRIGGERS = 500;

export class RecentMessages {
	/** trigger key → (message ID → time it was first seen); Maps keep insertion order, oldest first. */
	private readonly triggers = new Map<string, Map<string, number>>();

	constructor(
		private readonly rememberForMs = REMEMBER_FOR_MS,
		private readonly maxIdsPerTrigger = MAX_IDS_PER_TRIGGER,
		private readonly maxTriggers = MAX_TRIGGERS,
	) {}

	/**
	 * Records `messageId` for `triggerKey` and returns whether it had already been seen within the time window.
	 * A repeat does not extend the window: it counts from the first delivery.
	 */
	seenBefore(triggerKey: string, messageId: string, now = Date.now()): boolean {
		let ids = this.triggers.get(triggerKey);
		if (ids === undefined) {
			ids = new Map();
			this.triggers.set(triggerKey, ids);
			this.forgetOldestTriggers();
		} else {
			// Touch the trigger so that busy triggers are the last to be forgotten.
			this.triggers.delete(triggerKey);
			this.triggers.set(triggerKey, ids);
		}
		this.forgetExpired(ids, now);
		const firstSeen = ids.get(messageId);
		if (firstSeen !== undefined) return true;
		ids.set(messageId, now);
		while (ids.size > this.maxIdsPerTrigger) ids.delete(ids.keys().next().value as string);
		return false;
	}

	/** Forgets everything (tests, and a trigger whose memory must start afresh). */
	clear(): void {
		this.triggers.clear();
	}

	/** The number of IDs remembered for a trigger (after expiring old ones). */
	size(triggerKey: string, now = Date.now()): number {
		const ids = this.triggers.get(triggerKey);
		if (ids === undefined) return 0;
		this.forgetExpired(ids, now);
		return ids.size;
	}

	private forgetExpired(ids: Map<string, number>, now: number): void {
		for (const [id, seenAt] of ids) {
			if (now - seenAt < this.rememberForMs) break; // the rest are newer
			ids.delete(id);
		}
	}

	private forgetOldestTriggers(): void {
		while (this.triggers.size > this.maxTriggers) {
			this.triggers.delete(this.triggers.keys().next().value as string);
		}
	}
}

/** The memory shared by every Mavibot Trigger in this n8n process. */
export const recentMessages = new RecentMessages();

/** The key of the memory: one memory per trigger node, and test runs apart from production. */
export function triggerKey(context: IWebhookFunctions): string {
	const node = context.getNode();
	return `${context.getWorkflow().id ?? ''}:${node.id ?? node.name}:${context.getMode()}`;
}
