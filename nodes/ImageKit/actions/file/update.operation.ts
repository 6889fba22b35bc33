import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit, UpdateFileDetails } from '../../client';
import {
	customMetadataFromParameters,
	customMetadataValuesProperty,
} from '../../helpers/customMetadata';
import {
	extensionsFormProperty,
	extensionsFromParameters,
	extensionsJsonProperty,
} from '../../helpers/extensionFields';
import { itemsFor, toList } from '../../helpers/parameters';
import { fileIdFrom, fileIdProperty } from '../../helpers/locators';

const properties: INodeProperties[] = [
	fileIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Custom Coordinates',
				name: 'customCoordinates',
				type: 'string',
				default: '',
				placeholder: '10,10,100,100',
				description: 'Area of interest as x,y,width,height; leave empty to remove it',
			},
			customMetadataValuesProperty('update'),
			{
				displayName: 'Custom Metadata (JSON)',
				name: 'customMetadata',
				type: 'json',
				default: '{}',
				description:
					'Custom metadata values to set, e.g. {"brand": "Acme"}; a key set to null removes that value. Merged with Custom Metadata, and wins for a field set in both.',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'Free-text description of the file',
			},
			extensionsFormProperty,
			extensionsJsonProperty,
			{
				displayName: 'Remove AI Tags',
				name: 'removeAITags',
				type: 'string',
				default: '',
				placeholder: 'Shoe, Footwear',
				description: 'Comma-separated AI tags to remove, or "all"; runs before any extension',
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				placeholder: 'summer, shoes',
				description:
					'Comma-separated tags replacing the current ones; leave empty to remove all tags',
			},
			{
				displayName: 'Webhook URL',
				name: 'webhookUrl',
				type: 'string',
				default: '',
				description: 'URL that receives the final status of extensions',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['update'] } },
	properties,
);

function updateBody(
	context: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
): UpdateFileDetails {
	const body: UpdateFileDetails = {};
	// An empty tags or coordinates field is a deliberate removal, which the API spells null.
	if ('tags' in fields) {
		const tags = toList(fields.tags);
		body.tags = tags.length ? tags : null;
	}
	if ('customCoordinates' in fields) {
		body.customCoordinates = String(fields.customCoordinates ?? '').trim() || null;
	}
	if ('removeAITags' in fields) {
		const aiTags = toList(fields.removeAITags);
		if (aiTags.length === 1 && aiTags[0].toLowerCase() === 'all') body.removeAITags = 'all';
		else if (aiTags.length) body.removeAITags = aiTags;
	}
	if ('description' in fields) body.description = String(fields.description ?? '');
	const webhookUrl = String(fields.webhookUrl ?? '').trim();
	if (webhookUrl) body.webhookUrl = webhookUrl;
	const extensions = extensionsFromParameters(
		context,
		itemIndex,
		fields.extensionsUi,
		fields.extensions,
	);
	if (extensions.length) body.extensions = extensions;
	return body;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const fileId = await fileIdFrom(this, client, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = updateBody(this, fields, itemIndex);
	const customMetadata = await customMetadataFromParameters(
		this,
		itemIndex,
		client,
		fields,
		'update',
	);
	if (customMetadata) body.customMetadata = customMetadata;
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex,
			description: "Add at least one field under 'Update Fields'",
		});
	}
	return itemsFor(this, (await client.updateFileDetails(fileId, body)) as IDataObject, itemIndex);
}
