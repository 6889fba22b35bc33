import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor } from '../../helpers/parameters';
import { urlEndpointFromParameters, urlEndpointProperties } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['urlEndpoint'], operation: ['create'] } },
	urlEndpointProperties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const endpoint = await client.createUrlEndpoint(urlEndpointFromParameters(this, itemIndex));
	return itemsFor(this, endpoint as IDataObject, itemIndex);
}
