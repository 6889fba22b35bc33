import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { ORIGIN_ID_EXAMPLE, originIdProperty } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['origin'], operation: ['delete'] } },
	[
		toolDescription(
			'Deletes an origin by ID; ImageKit refuses while a URL endpoint uses it. Returns deleted: true.',
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
	await client.deleteOrigin(id);
	return itemsFor(this, { id, deleted: true }, itemIndex);
}
