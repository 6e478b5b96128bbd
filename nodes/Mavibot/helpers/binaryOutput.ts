import type { IBinaryKeyData, IDataObject } from 'n8n-workflow';

/** An output item that carries files (File → Download): the router passes `binary` on beside `json`. */
export class BinaryOutput {
	constructor(
		readonly json: IDataObject,
		readonly binary: IBinaryKeyData,
	) {}
}

export const withBinary = (json: IDataObject, binary: IBinaryKeyData) =>
	new BinaryOutput(json, binary);
