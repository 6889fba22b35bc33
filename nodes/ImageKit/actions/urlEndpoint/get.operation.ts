import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { URL_ENDPOINT_ID_EXAMPLE, urlEndpointIdProperty } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['urlEndpoint'], operation: ['get'] } },
	[
		toolDescription(
			'Gets a URL endpoint by its ID (default for the default one): its description, URL prefix, the origin IDs it tries in order, and its URL rewriter.',
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
	return itemsFor(this, (await client.getUrlEndpoint(id)) as IDataObject, itemIndex);
}
