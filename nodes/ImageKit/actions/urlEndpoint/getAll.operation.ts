import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { limitedResults, returnAllOrLimitProperties } from '../../helpers/getManyFields';
import { itemsFor } from '../../helpers/parameters';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['urlEndpoint'], operation: ['getAll'] } },
	[
		toolDescription(
			"Lists the account's URL endpoints, one item each with its id (default for the default one), description, URL prefix, origin IDs and URL rewriter.",
		),
		...returnAllOrLimitProperties,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	return itemsFor(
		this,
		limitedResults(this, itemIndex, await client.listUrlEndpoints()),
		itemIndex,
	);
}
