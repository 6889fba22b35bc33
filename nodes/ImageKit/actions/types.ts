import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ImageKit } from '../client';

/** One operation: its fields (shown for it only) and what it does per item. */
export interface Operation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		client: ImageKit,
	): Promise<INodeExecutionData[]>;
}

/** A resource's routing table: operation value → the module that describes and runs it. */
export type OperationTable = Record<string, Operation>;

/** A resource folder's `<Resource>.resource.ts`: its operation dropdown and fields, and its routing table. */
export interface Resource {
	description: INodeProperties[];
	operations: OperationTable;
}
