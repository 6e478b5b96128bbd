import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { BinaryOutput } from '../helpers/binaryOutput';

/** What one operation returns for one input item: one output item, or several; withBinary() adds files. */
export type OperationResult = IDataObject | IDataObject[] | BinaryOutput;

/**
 * The operation's entry in its resource's Operation dropdown. `name` in Title Case, `action` in sentence case (also
 * the canvas subtitle), `value` the operation's key; test/registry.test.js applies n8n's lint rules to the dropdown.
 */
export interface OperationOption {
	name: string;
	value: string;
	action: string;
	description: string;
}

/** Every operation file exports this shape: its option, its fields, and how it runs for one item. */
export interface MavibotOperation {
	option: OperationOption;
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	/**
	 * Runs once per execution, for the first input item only (Send and Wait: an execution waits for one answer).
	 * The other items give no output, as in n8n's own send-and-wait operations.
	 */
	runsOnce?: boolean;
}
