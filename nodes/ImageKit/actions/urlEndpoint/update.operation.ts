import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import {
	URL_ENDPOINT_ID_EXAMPLE,
	urlEndpointFromParameters,
	urlEndpointIdProperty,
	urlEndpointProperties,
} from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['urlEndpoint'], operation: ['update'] } },
	[
		toolDescription(
			"Replaces a URL endpoint's description, URL prefix, origins and rewriter, given its ID. Returns the URL endpoint.",
		),
		urlEndpointIdProperty,
		{
			displayName:
				'The URL endpoint is replaced as a whole: origins not listed are removed from it',
			name: 'replaceNotice',
			type: 'notice',
			default: '',
		},
		...urlEndpointProperties,
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
	const endpoint = await client.updateUrlEndpoint(id, urlEndpointFromParameters(this, itemIndex));
	return itemsFor(this, endpoint as IDataObject, itemIndex);
}
