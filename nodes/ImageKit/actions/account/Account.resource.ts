import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../types';
import * as getUsage from './getUsage.operation';

/** Operation value → the module that describes and runs it. */
export const operations: OperationTable = { getUsage };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get Usage',
				value: 'getUsage',
				description: 'Bandwidth, storage, video and extension units used between two dates',
				action: 'Get account usage',
			},
		],
		default: 'getUsage',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
