import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { BinaryOutput } from '../helpers/binaryOutput';

/** What one operation returns for one input item: one output item, or several; withBinary() adds files. */
export type OperationResult = IDataObject | IDataObject[] | BinaryOutput;

/** Every operation file exports this shape: its fields, and how it runs for one item. */
export interface MavibotOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
}
