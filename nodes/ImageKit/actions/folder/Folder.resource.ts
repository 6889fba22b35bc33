import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../types';
import * as copy from './copy.operation';
import * as create from './create.operation';
import * as deleteFolder from './delete.operation';
import * as getJobStatus from './getJobStatus.operation';
import * as move from './move.operation';
import * as rename from './rename.operation';

/** Operation value → the module that describes and runs it. */
export const operations: OperationTable = {
	copy,
	create,
	delete: deleteFolder,
	getJobStatus,
	move,
	rename,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['folder'] } },
		options: [
			{
				name: 'Copy',
				value: 'copy',
				description: 'Copy a folder with its files and subfolders into another folder',
				action: 'Copy a folder',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a folder, and any missing parent folders',
				action: 'Create a folder',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a folder with all its files and subfolders',
				action: 'Delete a folder',
			},
			{
				name: 'Get Job Status',
				value: 'getJobStatus',
				description: 'Whether a folder copy, move or rename is pending or completed',
				action: 'Get the status of a folder job',
			},
			{
				name: 'Move',
				value: 'move',
				description: 'Move a folder with its files and subfolders into another folder',
				action: 'Move a folder',
			},
			{
				name: 'Rename',
				value: 'rename',
				description: 'Rename a folder; the paths of everything in it change accordingly',
				action: 'Rename a folder',
			},
		],
		default: 'create',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
