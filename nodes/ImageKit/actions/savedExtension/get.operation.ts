import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { SAVED_EXTENSION_ID_EXAMPLE, savedExtensionIdProperty } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['savedExtension'], operation: ['get'] } },
	[
		toolDescription(
			'Gets a saved extension by its ID (from Saved Extension → Get Many): its name, description and extension settings, as used on uploads and updates.',
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
	return itemsFor(this, (await client.getSavedExtension(id)) as IDataObject, itemIndex);
}
