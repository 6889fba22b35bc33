import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { URL_ENDPOINT_ID_EXAMPLE, urlEndpointIdProperty } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['urlEndpoint'], operation: ['delete'] } },
	[
		toolDescription(
			'Deletes a URL endpoint by ID; the default one cannot be deleted. Returns deleted: true.',
		),
		urlEndpointIdProperty,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const id = requiredText(
		this,
		'urlEndpointId',
		itemIndex,
		'URL Endpoint',
		URL_ENDPOINT_ID_EXAMPLE,
	);
	await client.deleteUrlEndpoint(id);
	return itemsFor(this, { id, deleted: true }, itemIndex);
}
