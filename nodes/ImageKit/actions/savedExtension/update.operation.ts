import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit, SavedExtensionInput } from '../../client';
import {
	extensionConfigFromParameters,
	extensionConfigProperty,
} from '../../helpers/extensionFields';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { SAVED_EXTENSION_ID_EXAMPLE, savedExtensionIdProperty } from './fields';
import { toolDescription } from '../../helpers/toolDescription';
import { inputError } from '../../helpers/errors';

export const description = updateDisplayOptions(
	{ show: { resource: ['savedExtension'], operation: ['update'] } },
	[
		toolDescription(
			'Changes the Name, Description or extension settings of a saved extension, given its ID; only the fields given change. Returns the saved extension.',
		),
		savedExtensionIdProperty,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Description', name: 'description', type: 'string', default: '' },
				{
					...extensionConfigProperty,
					description: 'The extension that replaces the saved one; add exactly one',
				},
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			],
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const id = requiredText(
		this,
		'savedExtensionId',
		itemIndex,
		'Saved Extension',
		SAVED_EXTENSION_ID_EXAMPLE,
	);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: Partial<SavedExtensionInput> = {};
	for (const [key, label] of [
		['name', 'Name'],
		['description', 'Description'],
	] as const) {
		if (!(key in fields)) continue;
		changes[key] = String(fields[key] ?? '').trim();
		if (!changes[key]) {
			throw inputError(
				this.getNode(),
				itemIndex,
				`'${label}' is empty`,
				`enter a new ${label.toLowerCase()}, or remove the field to keep the current one`,
			);
		}
	}
	if ('config' in fields)
		changes.config = extensionConfigFromParameters(this, itemIndex, fields.config);
	if (Object.keys(changes).length === 0) {
		throw inputError(
			this.getNode(),
			itemIndex,
			'Nothing to update',
			"add at least one field under 'Update Fields'",
		);
	}
	return itemsFor(this, (await client.updateSavedExtension(id, changes)) as IDataObject, itemIndex);
}
