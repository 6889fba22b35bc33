import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit, UpdateFileDetails } from '../../client';
import { customMetadataFromParameters } from '../../helpers/customMetadata';
import { extensionsFromParameters } from '../../helpers/extensionFields';
import { itemsFor, toList } from '../../helpers/parameters';
import { fileIdFrom, fileIdProperty } from '../../helpers/locators';
import { sortedByDisplayName } from '../../helpers/sorting';
import { fileDetailFields } from './fields';
import { toolDescription } from '../../helpers/toolDescription';
import { inputError } from '../../helpers/errors';

const properties: INodeProperties[] = [
	fileIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortedByDisplayName([
			...fileDetailFields('update'),
			{
				displayName: 'Remove AI Tags',
				name: 'removeAITags',
				type: 'string',
				default: '',
				placeholder: 'Shoe, Footwear',
				description: 'Comma-separated AI tags to remove, or "all"; runs before any extension',
			},
		]),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['update'] } },
	[
		toolDescription(
			"Updates a file's details, by ID or URL: tags (replacing the current ones), description, custom coordinates, custom metadata values, AI tags to remove, extensions. Returns the updated file.",
		),
		...properties,
	],
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
		throw inputError(
			this.getNode(),
			itemIndex,
			'Nothing to update',
			"add at least one field under 'Update Fields'",
		);
	}
	return itemsFor(this, (await client.updateFileDetails(fileId, body)) as IDataObject, itemIndex);
}
