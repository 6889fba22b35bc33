import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { ORIGIN_ID_EXAMPLE, originIdProperty } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['origin'], operation: ['get'] } },
	[
		toolDescription(
			'Gets one origin by its ID (from Origin → Get Many): its name, type and settings such as bucket and prefix, never its keys or passwords.',
		),
		originIdProperty,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const id = requiredText(this, 'originId', itemIndex, 'Origin', ORIGIN_ID_EXAMPLE);
	return itemsFor(this, (await client.getOrigin(id)) as IDataObject, itemIndex);
}
