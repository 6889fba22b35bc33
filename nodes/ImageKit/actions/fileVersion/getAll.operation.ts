import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { limitedResults, returnAllOrLimitProperties } from '../../helpers/getManyFields';
import { itemsFor } from '../../helpers/parameters';
import { fileIdFrom, fileIdProperty } from '../../helpers/locators';
import { toolDescription } from '../../helpers/toolDescription';

const properties: INodeProperties[] = [fileIdProperty, ...returnAllOrLimitProperties];

export const description = updateDisplayOptions(
	{ show: { resource: ['fileVersion'], operation: ['getAll'] } },
	[
		toolDescription(
			'Lists every version of a file (by ID or URL), the current one included, each with versionInfo.id and its dates.',
		),
		...properties,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	// ImageKit answers with every version (at most 100) at once.
	const versions = await client.listFileVersions(await fileIdFrom(this, client, itemIndex));
	return itemsFor(this, limitedResults(this, itemIndex, versions), itemIndex);
}
