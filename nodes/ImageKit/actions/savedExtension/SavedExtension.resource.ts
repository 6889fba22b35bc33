import type { Resource } from '../types';
import * as create from './create.operation';
import * as deleteSavedExtension from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const savedExtension: Resource = {
	option: {
		name: 'Saved Extension',
		value: 'savedExtension',
		description: 'Extension settings saved once and applied to uploads and updates by name',
	},
	operations: { create, delete: deleteSavedExtension, get, getAll, update },
	defaultOperation: 'getAll',
};
