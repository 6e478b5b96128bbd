import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A validation error that names the parameter and the item, and says how to fix it. */
export function invalidParameter(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	problem: string,
	fix: string,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`"${parameter}" ${problem} [item ${itemIndex}]`,
		{
			description: fix,
			itemIndex,
		},
	);
}

export function isBlank(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/** Parses a JSON parameter that may arrive as text or as an already-parsed value (from an expression). */
export function parseJsonParameter(
	context: IExecuteFunctions,
	value: unknown,
	displayName: string,
	itemIndex: number,
): unknown {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return undefined;
	try {
		return JSON.parse(value);
	} catch (error) {
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			`is not valid JSON (${(error as Error).message})`,
			'Write valid JSON (double quotes around names and strings), or build the value with an expression.',
		);
	}
}

/** A JSON parameter that must hold an object (`fix` shows one); undefined when it is empty. */
export function parseJsonObject(
	context: IExecuteFunctions,
	value: unknown,
	displayName: string,
	itemIndex: number,
	fix: string,
): IDataObject | undefined {
	const parsed = parseJsonParameter(context, value, displayName, itemIndex);
	if (parsed === undefined) return undefined;
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw invalidParameter(context, itemIndex, displayName, 'is not an object', fix);
	}
	return parsed as IDataObject;
}
