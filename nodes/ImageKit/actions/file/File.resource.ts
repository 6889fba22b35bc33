import type { Resource } from '../types';
import * as deleteFile from './delete.operation';
import * as deleteMany from './deleteMany.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getMetadata from './getMetadata.operation';
import * as update from './update.operation';
import * as upload from './upload.operation';

export const file: Resource = {
	option: { name: 'File', value: 'file', description: 'Upload and manage files in the media library' },
	operations: { delete: deleteFile, deleteMany, get, getAll, getMetadata, update, upload },
	defaultOperation: 'upload',
};
