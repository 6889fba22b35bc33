import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { limitedResults, returnAllOrLimitProperties } from '../../helpers/getManyFields';
import { folderPathProperty, locatorText, normalizedFolderPath } from '../../helpers/locators';
import { itemsFor } from '../../helpers/parameters';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['customMetadataField'], operation: ['getAll'] } },
	[
		toolDescription(
			"Lists the account's custom metadata fields with their id, name, label and schema (type and rules).",
		),
		...returnAllOrLimitProperties,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				folderPathProperty(
					{
						displayName: 'Folder',
						name: 'folderPath',
						description:
							'Only the fields that apply to this folder (accounts with the Path policy feature)',
					},
					{ required: false },
				),
				{
					displayName: 'Include Deleted',
					name: 'includeDeleted',
					type: 'boolean',
					default: false,
					description: 'Whether to list deleted fields too',
				},
			],
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const folder = locatorText(options.folderPath);
	const fields = await client.listCustomMetadataFields({
		includeDeleted: options.includeDeleted === true ? true : undefined,
		// Written as in the spec's example, `/path/to/folder` (openapi.yaml, GET /v1/customMetadataFields).
		folderPath: folder ? normalizedFolderPath(folder).replace(/(.)\/$/, '$1') : undefined,
	});
	// ImageKit answers with every field at once, so the limit applies here.
	return itemsFor(this, limitedResults(this, itemIndex, fields), itemIndex);
}
