import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceProperties } from './actions/resource';
import { resources, router } from './actions/router';
import { requestOptionsProperty } from './helpers/requestOptions';
import { searchFiles, searchFolders } from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class ImageKit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ImageKit',
		name: 'imageKit',
		icon: { light: 'file:../../icons/imagekit.svg', dark: 'file:../../icons/imagekit.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Upload, transform, deliver and manage images and videos with ImageKit.io',
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
				options: Object.values(resources)
					.map((resource) => resource.option)
					.sort((first, second) => first.name.localeCompare(second.name)),
				default: 'file',
			},
			...Object.values(resources).flatMap(resourceProperties),
			requestOptionsProperty,
		],
	};

	methods = { listSearch: { searchFiles, searchFolders }, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
