import type { Resource } from '../types';
import * as deleteVersion from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as restore from './restore.operation';

export const fileVersion: Resource = {
	option: {
		name: 'File Version',
		value: 'fileVersion',
		description: 'List, get, delete and restore versions of a file',
	},
	operations: { delete: deleteVersion, get, getAll, restore },
	defaultOperation: 'getAll',
};
