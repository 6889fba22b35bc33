import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../types';
import * as create from './create.operation';
import * as deleteOrigin from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

/** Operation value → the module that describes and runs it. */
export const operations: OperationTable = { create, delete: deleteOrigin, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['origin'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Add a storage bucket, web server or other origin',
				action: 'Create an origin',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete an origin that no URL endpoint uses',
				action: 'Delete an origin',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'The settings of an origin, without its secrets',
				action: 'Get an origin',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the origins of the account, without their secrets',
				action: 'Get many origins',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Replace an origin with the settings given: secrets must be entered again',
				action: 'Update an origin',
			},
		],
		default: 'getAll',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
