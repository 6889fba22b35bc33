import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../types';
import * as create from './create.operation';
import * as deleteUrlEndpoint from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

/** Operation value → the module that describes and runs it. */
export const operations: OperationTable = {
	create,
	delete: deleteUrlEndpoint,
	get,
	getAll,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['urlEndpoint'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Add a URL prefix served from the media library and the given origins',
				action: 'Create a URL endpoint',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a URL endpoint other than the default one',
				action: 'Delete a URL endpoint',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'The prefix, origins and rewriter of a URL endpoint',
				action: 'Get a URL endpoint',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the URL endpoints of the account, the default one included',
				action: 'Get many URL endpoints',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Replace a URL endpoint’s description, prefix, origins and rewriter',
				action: 'Update a URL endpoint',
			},
		],
		default: 'getAll',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
