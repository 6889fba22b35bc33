import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit, UpdateCustomMetadataField } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { FIELD_ID_EXAMPLE, fieldIdProperty } from './fields';
import { fieldTypeProperty, schemaFromParameters, schemaRuleProperties } from './fields';
import { toolDescription } from '../../helpers/toolDescription';
import { inputError } from '../../helpers/errors';

export const description = updateDisplayOptions(
	{ show: { resource: ['customMetadataField'], operation: ['update'] } },
	[
		toolDescription(
			'Changes the Label and/or the rules of a custom metadata field, given its Field ID; the name and type cannot change. Returns the updated field.',
		),
		fieldIdProperty,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Label',
					name: 'label',
					type: 'string',
					default: '',
					description: 'Name shown in the media library; unique among the fields not deleted',
				},
			],
		},
		{
			displayName: 'Replace Rules',
			name: 'replaceRules',
			type: 'boolean',
			default: false,
			description:
				'Whether to replace the rules of the field (options, bounds, default value, required) with the ones below',
		},
		...updateDisplayOptions({ show: { replaceRules: [true] } }, [
			{
				...fieldTypeProperty,
				description:
					'The current type of the field, which cannot change; it decides which rules apply',
			},
			...schemaRuleProperties,
		]),
	],
);

async function rulesUpdate(
	context: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
	id: string,
): Promise<UpdateCustomMetadataField['schema']> {
	const { type, ...rules } = schemaFromParameters(context, itemIndex);
	// ImageKit ignores a type in an update and checks the rules against the field's own type.
	const current = (await client.listCustomMetadataFields()).find((field) => field.id === id);
	if (current && current.schema.type !== type) {
		throw inputError(
			context.getNode(),
			itemIndex,
			`'Type' is ${type}, but the field "${current.name}" is a ${current.schema.type} field`,
			`the type of a field cannot change: choose ${current.schema.type}, or create a new field`,
		);
	}
	return rules;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const id = requiredText(this, 'fieldId', itemIndex, 'Field ID', FIELD_ID_EXAMPLE);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: UpdateCustomMetadataField = {};
	if ('label' in fields)
		changes.label = requiredText(
			this,
			'updateFields.label',
			itemIndex,
			'Label',
			'the new label, e.g. Brand',
		);
	if (this.getNodeParameter('replaceRules', itemIndex, false)) {
		changes.schema = await rulesUpdate(this, itemIndex, client, id);
	}
	if (Object.keys(changes).length === 0) {
		throw inputError(
			this.getNode(),
			itemIndex,
			'Nothing to update',
			"add a Label under 'Update Fields', or turn on 'Replace Rules'",
		);
	}
	return itemsFor(
		this,
		(await client.updateCustomMetadataField(id, changes)) as unknown as IDataObject,
		itemIndex,
	);
}
