import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { FIELD_ID_EXAMPLE, fieldIdProperty } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['customMetadataField'], operation: ['delete'] } },
	[
		toolDescription(
			'Deletes a custom metadata field by its Field ID; its name stays taken. Returns the id and deleted: true.',
		),
		fieldIdProperty,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const id = requiredText(this, 'fieldId', itemIndex, 'Field ID', FIELD_ID_EXAMPLE);
	await client.deleteCustomMetadataField(id);
	return itemsFor(this, { id, deleted: true }, itemIndex);
}
