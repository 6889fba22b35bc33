import type { Resource } from '../types';
import * as create from './create.operation';
import * as deleteOrigin from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const origin: Resource = {
	option: {
		name: 'Origin',
		value: 'origin',
		description: 'Storage that ImageKit fetches files from (beta)',
	},
	operations: { create, delete: deleteOrigin, get, getAll, update },
	defaultOperation: 'getAll',
};
