import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../types';
import * as getPurgeStatus from './getPurgeStatus.operation';
import * as purge from './purge.operation';

/** Operation value → the module that describes and runs it. */
export const operations: OperationTable = { getPurgeStatus, purge };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['cache'] } },
		options: [
			{
				name: 'Get Purge Status',
				value: 'getPurgeStatus',
				description: 'Check whether a purge request has completed',
				action: 'Get the status of a purge',
			},
			{
				name: 'Purge',
				value: 'purge',
				description: 'Remove a URL from the CDN and ImageKit caches',
				action: 'Purge a URL from the cache',
			},
		],
		default: 'purge',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
