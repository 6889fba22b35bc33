import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../types';
import * as deleteVersion from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as restore from './restore.operation';

/** Operation value → the module that describes and runs it. */
export const operations: OperationTable = { delete: deleteVersion, get, getAll, restore };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['fileVersion'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete an older version of a file (the current version cannot be deleted)',
				action: 'Delete a file version',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the details of one version of a file',
				action: 'Get a file version',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the versions of a file, the current one included',
				action: 'Get many file versions',
			},
			{
				name: 'Restore',
				value: 'restore',
				description: 'Make an older version of a file the current one',
				action: 'Restore a file version',
			},
		],
		default: 'getAll',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
