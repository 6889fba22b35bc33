import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor } from '../../helpers/parameters';
import { urlEndpointFromParameters, urlEndpointProperties } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['urlEndpoint'], operation: ['create'] } },
	[
		toolDescription(
			'Adds a URL endpoint: a URL prefix served from the media library and up to 10 origins tried in order, with an optional URL rewriter. Inputs: Description, URL Prefix, Origins. Returns it with its id.',
		),
		...urlEndpointProperties,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const endpoint = await client.createUrlEndpoint(urlEndpointFromParameters(this, itemIndex));
	return itemsFor(this, endpoint as IDataObject, itemIndex);
}
