import type { INodeProperties } from 'n8n-workflow';

export const SAVED_EXTENSION_ID_EXAMPLE = 'a saved extension ID such as ext_abc123';

export const savedExtensionIdProperty: INodeProperties = {
	displayName: 'Saved Extension Name or ID',
	name: 'savedExtensionId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getSavedExtensions' },
	default: '',
	required: true,
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};
