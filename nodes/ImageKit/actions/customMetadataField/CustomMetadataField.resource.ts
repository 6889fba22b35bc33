import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../types';
import * as create from './create.operation';
import * as deleteField from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

/** Operation value → the module that describes and runs it. */
export const operations: OperationTable = { create, delete: deleteField, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customMetadataField'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Define a new custom metadata field',
				action: 'Create a custom metadata field',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a custom metadata field; its name stays taken',
				action: 'Delete a custom metadata field',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the custom metadata fields of the account',
				action: 'Get many custom metadata fields',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the label or the rules of a custom metadata field',
				action: 'Update a custom metadata field',
			},
		],
		default: 'create',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
