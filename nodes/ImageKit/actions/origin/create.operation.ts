import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor } from '../../helpers/parameters';
import { originFromParameters, originProperties } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['origin'], operation: ['create'] } },
	originProperties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const origin = await client.createOrigin(originFromParameters(this, itemIndex));
	return itemsFor(this, origin as IDataObject, itemIndex);
}
