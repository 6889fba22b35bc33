import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import {
	extensionConfigFromParameters,
	extensionConfigProperty,
} from '../../helpers/extensionFields';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['savedExtension'], operation: ['create'] } },
	[
		toolDescription(
			"Saves one extension's settings (remove background, auto tagging, AI description, AI tasks) under a Name and Description, for use on uploads and updates. Returns the saved extension with its id.",
		),
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'Car Quality Analysis',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'Analyzes vehicle images for type, condition and quality',
			description: 'What the extension does',
		},
		{ ...extensionConfigProperty, required: true },
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const saved = await client.createSavedExtension({
		name: requiredText(this, 'name', itemIndex, 'Name', 'a name such as Car Quality Analysis'),
		description: requiredText(
			this,
			'description',
			itemIndex,
			'Description',
			'what the extension does',
		),
		config: extensionConfigFromParameters(
			this,
			itemIndex,
			this.getNodeParameter('config', itemIndex, {}),
		),
	});
	return itemsFor(this, saved as IDataObject, itemIndex);
}
