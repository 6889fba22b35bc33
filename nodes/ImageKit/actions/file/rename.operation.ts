import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { fileIdFrom, fileIdProperty } from '../../helpers/locators';
import { toolDescription } from '../../helpers/toolDescription';

const properties: INodeProperties[] = [
	fileIdProperty,
	{
		displayName: 'New File Name',
		name: 'newFileName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'red-shoe.jpg',
		description:
			'The new name, extension included. Letters, digits, dots, underscores and hyphens are kept; ImageKit turns anything else into _.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Purge Cache',
				name: 'purgeCache',
				type: 'boolean',
				default: false,
				description:
					'Whether to purge the old URLs (and query-parameter transformations of them) from the CDN; it counts against the monthly purge quota',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['rename'] } },
	[
		toolDescription(
			'Renames one file (by ID or URL) and all its versions; New File Name keeps letters, digits, dot, dash and underscore. Old URLs stop working; Purge Cache purges them. Returns the new name and renamed: true.',
		),
		...properties,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const fileId = await fileIdFrom(this, client, itemIndex);
	const newFileName = requiredText(
		this,
		'newFileName',
		itemIndex,
		'New File Name',
		'the new name, e.g. red-shoe.jpg',
	);
	const purgeCache =
		(this.getNodeParameter('options', itemIndex, {}) as IDataObject).purgeCache === true;
	const { filePath } = await client.getFileDetails(fileId);
	const answer = await client.renameFile(filePath, newFileName, purgeCache);
	const outcome: IDataObject = { fileId, oldFilePath: filePath, newFileName, renamed: true };
	if (purgeCache) {
		// 207 PURGE_FAILED: the rename is done, only the purge of the old URLs was refused.
		const purged = answer.reason !== 'PURGE_FAILED';
		Object.assign(
			outcome,
			purged
				? { purged, purgeRequestId: answer.purgeRequestId }
				: { purged, purgeError: answer.message },
		);
	}
	return itemsFor(this, outcome, itemIndex);
}
