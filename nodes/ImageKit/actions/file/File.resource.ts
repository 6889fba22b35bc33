import type { Resource } from '../types';
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

export const file: Resource = {
	option: {
		name: 'File',
		value: 'file',
		description: 'Upload and manage files in the media library',
	},
	operations: {
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
	},
	defaultOperation: 'upload',
};
