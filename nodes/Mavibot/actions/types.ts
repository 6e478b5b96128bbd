import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** What one operation returns for one input item: one output item, or several. */
export type OperationResult = IDataObject | IDataObject[];

/** Every operation file exports this shape: its fields, and how it runs for one item. */
export interface MavibotOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
}
