import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../types';
import * as addTags from './addTags.operation';
import * as copy from './copy.operation';
import * as deleteFile from './delete.operation';
import * as deleteMany from './deleteMany.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMetadata from './getMetadata.operation';
import * as move from './move.operation';
import * as publish from './publish.operation';
import * as removeAITags from './removeAITags.operation';
import * as removeTags from './removeTags.operation';
import * as rename from './rename.operation';
import * as unpublish from './unpublish.operation';
import * as update from './update.operation';
import * as upload from './upload.operation';

/** Operation value → the module that describes and runs it. */
export const operations: OperationTable = {
	addTags,
	copy,
	delete: deleteFile,
	deleteMany,
	download,
	get,
	getAll,
	getMetadata,
	move,
	publish,
	removeAITags,
	removeTags,
	rename,
	unpublish,
	update,
	upload,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{
				name: 'Add Tags',
				value: 'addTags',
				description: 'Add tags to many files',
				action: 'Add tags to files',
			},
			{
				name: 'Copy',
				value: 'copy',
				description: 'Copy a file into another folder',
				action: 'Copy a file',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a file and all its versions (the CDN cache is not purged)',
				action: 'Delete a file',
			},
			{
				name: 'Delete Many',
				value: 'deleteMany',
				description: 'Delete many files by ID, reporting the outcome per file',
				action: 'Delete many files',
			},
			{
				name: 'Download',
				value: 'download',
				description: 'Download a file, optionally transformed, into a binary field',
				action: 'Download a file',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the details of a file',
				action: 'Get a file',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List or search files and folders in the media library',
				action: 'Get many files',
			},
			{
				name: 'Get Metadata',
				value: 'getMetadata',
				description: 'Get the image or video metadata of a file: size, format, EXIF, pHash',
				action: 'Get the metadata of a file',
			},
			{
				name: 'Move',
				value: 'move',
				description: 'Move a file and all its versions into another folder',
				action: 'Move a file',
			},
			{
				name: 'Publish',
				value: 'publish',
				description: 'Make a file available on its URLs and in search',
				action: 'Publish a file',
			},
			{
				name: 'Remove AI Tags',
				value: 'removeAITags',
				description: 'Remove AI tags (by name) from many files',
				action: 'Remove AI tags from files',
			},
			{
				name: 'Remove Tags',
				value: 'removeTags',
				description: 'Remove tags from many files',
				action: 'Remove tags from files',
			},
			{
				name: 'Rename',
				value: 'rename',
				description: 'Rename a file and all its versions; the old URLs stop working',
				action: 'Rename a file',
			},
			{
				name: 'Unpublish',
				value: 'unpublish',
				description: 'Hide a file from its URLs and search, without deleting it',
				action: 'Unpublish a file',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update the tags, custom metadata, description or other details of a file',
				action: 'Update a file',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: 'Upload a file from binary data, a URL or base64',
				action: 'Upload a file',
			},
		],
		default: 'upload',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
