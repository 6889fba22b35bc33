import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { fieldTypeProperty, schemaFromParameters, schemaRuleProperties } from './fields';
import { toolDescription } from '../../helpers/toolDescription';

export const description = updateDisplayOptions(
	{ show: { resource: ['customMetadataField'], operation: ['create'] } },
	[
		toolDescription(
			'Defines a custom metadata field that files can then carry. Inputs: Name (used in search and the API, cannot change), Label (shown in the dashboard), Type (Text, Textarea, Number, Date, Boolean, Single Select, Multi Select) and its rules. Returns the field with its id.',
		),
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'brand',
			description:
				'Key of the field in a file’s custom metadata. Unique, and it stays taken even after the field is deleted.',
		},
		{
			displayName: 'Label',
			name: 'label',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'Brand',
			description: 'Name shown in the media library; unique among the fields not deleted',
		},
		fieldTypeProperty,
		...schemaRuleProperties,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const name = requiredText(this, 'name', itemIndex, 'Name', 'the key of the field, e.g. brand');
	const label = requiredText(
		this,
		'label',
		itemIndex,
		'Label',
		'the name shown in the media library, e.g. Brand',
	);
	const schema = schemaFromParameters(this, itemIndex);
	const field = await client.createCustomMetadataField({ name, label, schema });
	return itemsFor(this, field as unknown as IDataObject, itemIndex);
}
