import type { INodeProperties } from 'n8n-workflow';

export const FIELD_ID_EXAMPLE =
	'the ID of the field, e.g. 598821f949c0a938d57563dd (the id of a Create or Get Many result)';

export const fieldIdProperty: INodeProperties = {
	displayName: 'Field ID',
	name: 'fieldId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '598821f949c0a938d57563dd',
	description: 'The ID of the field, as returned by Create or Get Many',
};
