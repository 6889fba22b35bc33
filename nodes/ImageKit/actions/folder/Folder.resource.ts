import type { Resource } from '../types';
import * as copy from './copy.operation';
import * as create from './create.operation';
import * as deleteFolder from './delete.operation';
import * as getJobStatus from './getJobStatus.operation';
import * as move from './move.operation';
import * as rename from './rename.operation';

export const folder: Resource = {
	option: {
		name: 'Folder',
		value: 'folder',
		description: 'Create, copy, move, rename and delete folders',
	},
	operations: { copy, create, delete: deleteFolder, getJobStatus, move, rename },
	defaultOperation: 'create',
};
