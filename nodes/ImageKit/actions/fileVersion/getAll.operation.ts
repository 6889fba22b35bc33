import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor } from '../../helpers/parameters';
import { fileIdFrom, fileIdProperty } from '../file/common';

const properties: INodeProperties[] = [
	fileIdProperty,
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

export const option = {
	name: 'Get Many',
	value: 'getAll',
	description: 'List the versions of a file, the current one included',
	action: 'Get many file versions',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['fileVersion'], operation: ['getAll'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const versions = await client.listFileVersions(await fileIdFrom(this, client, itemIndex));
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	// ImageKit answers with every version (at most 100) at once.
	const shown = returnAll ? versions : versions.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
	return itemsFor(this, shown as IDataObject[], itemIndex);
}
