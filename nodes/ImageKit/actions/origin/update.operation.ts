import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import {
	ORIGIN_ID_EXAMPLE,
	originFromParameters,
	originIdProperty,
	originProperties,
} from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['origin'], operation: ['update'] } },
	[
		toolDescription(
			"Replaces an origin's settings as a whole, given its ID; keys and passwords must be given again. Returns the origin without secrets.",
		),
		originIdProperty,
		{
			displayName: 'The origin is replaced as a whole: fields left empty return to their defaults',
			name: 'replaceNotice',
			type: 'notice',
			default: '',
		},
		...originProperties,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const id = requiredText(this, 'originId', itemIndex, 'Origin', ORIGIN_ID_EXAMPLE);
	const origin = await client.updateOrigin(id, originFromParameters(this, itemIndex));
	return itemsFor(this, origin as IDataObject, itemIndex);
}
