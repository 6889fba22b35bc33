import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../types';
import * as create from './create.operation';
import * as deleteSavedExtension from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

/** Operation value → the module that describes and runs it. */
export const operations: OperationTable = {
	create,
	delete: deleteSavedExtension,
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
		displayOptions: { show: { resource: ['savedExtension'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Save an extension’s settings under a name (at most 100 per account)',
				action: 'Create a saved extension',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a saved extension',
				action: 'Delete a saved extension',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'The name, description and extension settings of a saved extension',
				action: 'Get a saved extension',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the saved extensions of the account',
				action: 'Get many saved extensions',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the name, description or extension of a saved extension',
				action: 'Update a saved extension',
			},
		],
		default: 'getAll',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
