import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../types';
import * as getFromUrl from './getFromUrl.operation';

/** Operation value → the module that describes and runs it. */
export const operations: OperationTable = { getFromUrl };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['metadata'] } },
		options: [
			{
				name: 'Get From URL',
				value: 'getFromUrl',
				description:
					'Get the metadata of an image or video by its ImageKit URL, transformations included',
				action: 'Get metadata from a URL',
			},
		],
		default: 'getFromUrl',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
