import type { INodeProperties } from 'n8n-workflow';

// Filters that File → Get Many and the ImageKit File Trigger both offer on the file list.

export const fileTypeFilter: INodeProperties = {
	displayName: 'File Type',
	name: 'fileType',
	type: 'options',
	options: [
		{ name: 'All', value: 'all' },
		{ name: 'Image', value: 'image' },
		{ name: 'Non-Image', value: 'non-image' },
	],
	default: 'all',
};

export const tagsFilter: INodeProperties = {
	displayName: 'Tags',
	name: 'tags',
	type: 'string',
	default: '',
	placeholder: 'summer, sale',
	description:
		'Comma-separated tags; files with any of them match, as a tag or as an AI tag (ImageKit searches both)',
};
