import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readSettings } from '../transport/settings';
import { runWithConcurrency } from '../helpers/concurrency';
import { BinaryOutput } from '../helpers/binaryOutput';
import type { MavibotOperation } from './types';
import { resources } from './resources';
import type { MavibotResource } from './resources';

function findOperation(context: IExecuteFunctions): MavibotOperation {
	const resource = context.getNodeParameter('resource', 0) as MavibotResource;
	const operation = context.getNodeParameter('operation', 0) as string;
	const found = (resources[resource] as Record<string, MavibotOperation> | undefined)?.[operation];
	if (!found) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operation}" of resource "${resource}" is not known`,
			{ description: 'Open the node and pick the resource and operation again.' },
		);
	}
	return found;
}

/** Errors from operations are already node errors; anything else is wrapped so n8n can show it. */
function asNodeError(
	context: IExecuteFunctions,
	error: unknown,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) return error;
	return new NodeOperationError(context.getNode(), error as Error);
}

/**
 * The item a failed input item becomes when the node continues on fail. n8n sends an item down the error output
 * (On Error: Continue (using error output)) only when its json is `{error}` or `{error, message}` (n8n 1.x; 2.x also
 * accepts `details`), so that setting gets the error and, as `message`, how to fix it. The regular output keeps
 * `{error, description}`.
 */
function failureItem(
	error: unknown,
	itemIndex: number,
	toErrorOutput: boolean,
): INodeExecutionData {
	const message = (error as Error).message;
	const description = (error as { description?: string }).description;
	let json: IDataObject = { error: message, description };
	if (toErrorOutput)
		json = description ? { error: message, message: description } : { error: message };
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * Runs the chosen operation once per input item, several items at a time. Output keeps the input order and each
 * item's pairedItem; with "Continue On Fail" a failing item becomes an error item and the others go on. An operation
 * that `runsOnce` (Send and Wait) runs for the first item only, once per execution; the other items give no output.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = findOperation(this);
	const items = this.getInputData();
	const { maxParallelRequests } = readSettings(this);
	const continueOnFail = this.continueOnFail();
	const toErrorOutput = this.getNode().onError === 'continueErrorOutput';

	const runs = operation.runsOnce ? Math.min(items.length, 1) : items.length;

	const results = await runWithConcurrency(runs, maxParallelRequests, async (itemIndex) => {
		try {
			const result = await operation.execute.call(this, itemIndex);
			const output =
				result instanceof BinaryOutput
					? [{ json: result.json, binary: result.binary }]
					: this.helpers.returnJsonArray(result);
			return this.helpers.constructExecutionMetaData(output, {
				itemData: { item: itemIndex },
			});
		} catch (error) {
			if (!continueOnFail) throw asNodeError(this, error);
			return [failureItem(error, itemIndex, toErrorOutput)];
		}
	});
	return [results.flat()];
}
