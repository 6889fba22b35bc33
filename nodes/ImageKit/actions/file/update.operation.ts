import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit, UpdateFileDetails } from '../../client';
import { itemsFor, parseJsonField, requiredText, toList } from '../../helpers/parameters';
import { fileIdProperty, FILE_ID_EXAMPLE } from './common';

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
			{
				displayName: 'Custom Metadata (JSON)',
				name: 'customMetadata',
				type: 'json',
				default: '{}',
				description: 'Custom metadata values to set; a key set to null removes that value',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'Free-text description of the file',
			},
			{
				displayName: 'Extensions (JSON)',
				name: 'extensions',
				type: 'json',
				default: '[]',
				description:
					'Extensions to run on the file, e.g. [{"name": "remove-bg"}] or [{"name": "aws-auto-tagging", "minConfidence": 80, "maxTags": 10}]',
			},
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
				description: 'Comma-separated tags replacing the current ones; leave empty to remove all tags',
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

export const option = {
	name: 'Update',
	value: 'update',
	description: 'Update the tags, custom metadata, description or other details of a file',
	action: 'Update a file',
};

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['update'] } }, properties);

function updateBody(context: IExecuteFunctions, fields: IDataObject, itemIndex: number): UpdateFileDetails {
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
	const customMetadata = parseJsonField(context, fields.customMetadata, itemIndex, 'Custom Metadata (JSON)', 'object');
	if (customMetadata && Object.keys(customMetadata).length) body.customMetadata = customMetadata;
	const extensions = parseJsonField<UpdateFileDetails['extensions']>(
		context,
		fields.extensions,
		itemIndex,
		'Extensions (JSON)',
		'array',
	);
	if (extensions?.length) body.extensions = extensions;
	return body;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const fileId = requiredText(this, 'fileId', itemIndex, 'File ID', FILE_ID_EXAMPLE);
	const body = updateBody(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex,
			description: "Add at least one field under 'Update Fields'",
		});
	}
	return itemsFor(this, (await client.updateFileDetails(fileId, body)) as IDataObject, itemIndex);
}
