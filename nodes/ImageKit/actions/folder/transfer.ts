import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredText } from '../../helpers/parameters';

/** The source and destination fields shared by Copy and Move. */
export const sourceFolderPathProperty: INodeProperties = {
	displayName: 'Source Folder Path',
	name: 'sourceFolderPath',
	type: 'string',
	default: '',
	required: true,
	placeholder: '/products/summer/',
	description: 'Full path of the folder to take',
};

export const destinationPathProperty: INodeProperties = {
	displayName: 'Destination Folder Path',
	name: 'destinationPath',
	type: 'string',
	default: '',
	required: true,
	placeholder: '/archive/',
	description:
		'Folder to put it in: the source folder becomes a subfolder of it, under its own name',
};

export function transferPaths(
	context: IExecuteFunctions,
	itemIndex: number,
): { sourceFolderPath: string; destinationPath: string } {
	return {
		sourceFolderPath: requiredText(
			context,
			'sourceFolderPath',
			itemIndex,
			'Source Folder Path',
			'a folder path, e.g. /products/summer/',
		),
		destinationPath: requiredText(
			context,
			'destinationPath',
			itemIndex,
			'Destination Folder Path',
			'a folder path, e.g. /archive/',
		),
	};
}
