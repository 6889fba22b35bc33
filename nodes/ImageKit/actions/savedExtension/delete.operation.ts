import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { SAVED_EXTENSION_ID_EXAMPLE, savedExtensionIdProperty } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['savedExtension'], operation: ['delete'] } },
	[
		toolDescription(
			'Deletes a saved extension by its ID (from Saved Extension → Get Many); uploads that name it no longer apply it. Returns the id and deleted: true.',
		),
		savedExtensionIdProperty,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const id = requiredText(
		this,
		'savedExtensionId',
		itemIndex,
		'Saved Extension',
		SAVED_EXTENSION_ID_EXAMPLE,
	);
	await client.deleteSavedExtension(id);
	return itemsFor(this, { id, deleted: true }, itemIndex);
}
