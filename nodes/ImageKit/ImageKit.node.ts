import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources, router } from './actions/router';
import { IMAGEKIT_NODE_DESCRIPTION } from './pickerDescription';
import { requestOptionsProperty } from './helpers/requestOptions';
import { searchFiles, searchFolders } from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class ImageKit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ImageKit',
		name: 'imageKit',
		icon: { light: 'file:../../icons/imagekit.svg', dark: 'file:../../icons/imagekit.dark.svg' },
		group: ['transform'],
		// Version 2 gives each transformation step a Type (issue 12); version 1 keeps saved workflows as they were.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: IMAGEKIT_NODE_DESCRIPTION,
		defaults: { name: 'ImageKit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'imageKitApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Account',
						value: 'account',
						description: 'Usage of your ImageKit account',
					},
					{
						name: 'Cache',
						value: 'cache',
						description: 'Purge URLs from the CDN cache',
					},
					{
						name: 'Custom Metadata Field',
						value: 'customMetadataField',
						description: 'Define the custom metadata fields that files can carry',
					},
					{
						name: 'File',
						value: 'file',
						description: 'Upload and manage files in the media library',
					},
					{
						name: 'File Version',
						value: 'fileVersion',
						description: 'List, get, delete and restore versions of a file',
					},
					{
						name: 'Folder',
						value: 'folder',
						description: 'Create, copy, move, rename and delete folders',
					},
					{
						name: 'Image URL',
						value: 'imageUrl',
						description: 'Build delivery URLs with transformations and signatures',
					},
					{
						name: 'Metadata',
						value: 'metadata',
						description: 'Read image and video metadata by URL',
					},
					{
						name: 'Origin',
						value: 'origin',
						description: 'Storage that ImageKit fetches files from (beta)',
					},
					{
						name: 'Saved Extension',
						value: 'savedExtension',
						description: 'Extension settings saved once and applied to uploads and updates by name',
					},
					{
						name: 'Upload Auth & pHash',
						value: 'utility',
						description: 'Signatures for client-side uploads, and perceptual-hash comparison',
					},
					{
						name: 'URL Endpoint',
						value: 'urlEndpoint',
						description: 'Delivery URL prefixes and the origins behind them (beta)',
					},
				],
				default: 'file',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
			requestOptionsProperty,
		],
	};

	methods = { listSearch: { searchFiles, searchFolders }, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
