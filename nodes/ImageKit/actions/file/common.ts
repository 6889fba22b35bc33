import type { INodeProperties } from 'n8n-workflow';

export const FILE_ID_EXAMPLE = 'the ID of the file, e.g. 598821f949c0a938d57563bd (the fileId field of an upload or list result)';

export const fileIdProperty: INodeProperties = {
	displayName: 'File ID',
	name: 'fileId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '598821f949c0a938d57563bd',
	description: 'The fileId of the file, as returned by Upload or Get Many',
};
