import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ImageKit } from '../client';

/** One operation: its entry in the operation selector, its fields, and what it does per item. */
export interface Operation {
	option: { name: string; value: string; description: string; action: string };
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		client: ImageKit,
	): Promise<INodeExecutionData[]>;
}

export interface Resource {
	option: { name: string; value: string; description: string };
	operations: Record<string, Operation>;
	/** The operation a new node starts on. */
	defaultOperation: string;
}
