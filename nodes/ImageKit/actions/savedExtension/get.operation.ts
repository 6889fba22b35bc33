import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { SAVED_EXTENSION_ID_EXAMPLE, savedExtensionIdProperty } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['savedExtension'], operation: ['get'] } },
	[savedExtensionIdProperty],
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
	return itemsFor(this, (await client.getSavedExtension(id)) as IDataObject, itemIndex);
}
