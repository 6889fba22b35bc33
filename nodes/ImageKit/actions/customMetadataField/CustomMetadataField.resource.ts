import type { Resource } from '../types';
import * as create from './create.operation';
import * as deleteField from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const customMetadataField: Resource = {
	option: {
		name: 'Custom Metadata Field',
		value: 'customMetadataField',
		description: 'Define the custom metadata fields that files can carry',
	},
	operations: { create, delete: deleteField, getAll, update },
	defaultOperation: 'create',
};
