import { createHash } from 'node:crypto';

import type { IExecuteFunctions } from 'n8n-workflow';

import type { MavibotContext, MavibotRequest } from './index';

/**
 * The writes Mavibot already answered in this process, so that n8n's "Retry On Fail" does not send them twice.
 *
 * n8n retries a failed node by running it again with all its items, in the same process (also in queue mode: the
 * worker that runs an execution runs its retries). Before a write is sent, the transport looks here for the same
 * request of the same item, node run and execution; when Mavibot accepted it, the earlier answer is used instead of
 * sending it again. A write whose answer was lost (the connection broke after sending) is remembered too, and fails
 * again instead of being repeated. Reads are never remembered: they are simply sent again.
 *
 * Bounded (the oldest entries go first) and expiring, so that a long-lived n8n does not grow.
 */
export type RememberedWrite = { answer: string } | { lostReason: string };

const MAX_ENTRIES = 50_000;
const KEEP_MS = 6 * 60 * 60 * 1000;

interface Entry {
	expires: number;
	write: RememberedWrite;
}

const remembered = new Map<string, Entry>();

const scopes = new WeakMap<object, string | null>();

/** The node's run in this execution (a node in a loop runs several times); 0 where n8n cannot tell. */
function runIndexOf(context: Partial<IExecuteFunctions>): number {
	try {
		return Number(context.getWorkflowDataProxy?.(0).$runIndex ?? 0);
	} catch {
		// Some contexts (an AI agent's tool call) may not build a data proxy: one run is all they have.
		return 0;
	}
}

/** Execution, workflow, node and node run: what a retry of the node shares with its first try. */
function scopeOf(context: MavibotContext): string | null {
	let scope = scopes.get(context);
	if (scope === undefined) {
		scope = null;
		const execute = context as Partial<IExecuteFunctions>;
		const executionId = execute.getExecutionId?.();
		if (executionId && execute.getWorkflowDataProxy) {
			const node = context.getNode();
			scope = JSON.stringify([
				executionId,
				context.getWorkflow().id,
				node.id,
				node.name,
				runIndexOf(execute),
			]);
		}
		scopes.set(context, scope);
	}
	return scope;
}

/**
 * The key of one write of one item (its action and exact content), or undefined when the execution has no ID and
 * a retry could not be told from another execution.
 */
export function writeKey(
	context: MavibotContext,
	action: string,
	request: MavibotRequest,
	itemIndex: number,
): string | undefined {
	const scope = scopeOf(context);
	if (scope === null) return undefined;
	const content = JSON.stringify([
		scope,
		itemIndex,
		action,
		request.qs ?? null,
		request.body ?? null,
	]);
	return createHash('sha256').update(content).digest('base64');
}

export function recallWrite(key: string, now = Date.now()): RememberedWrite | undefined {
	const entry = remembered.get(key);
	if (!entry) return undefined;
	if (entry.expires <= now) {
		remembered.delete(key);
		return undefined;
	}
	return entry.write;
}

export function rememberWrite(key: string, write: RememberedWrite, now = Date.now()): void {
	remembered.delete(key);
	remembered.set(key, { expires: now + KEEP_MS, write });
	// Entries are in insertion order, so the oldest (and the first to expire) come first.
	for (const [oldKey, entry] of remembered) {
		if (remembered.size <= MAX_ENTRIES && entry.expires > now) break;
		remembered.delete(oldKey);
	}
}
