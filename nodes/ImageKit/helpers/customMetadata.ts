import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CustomMetadataField, CustomMetadataScalar, ImageKit } from '../client';
import { parseJsonField, toList } from './parameters';
import { inputError } from './errors';

/**
 * Custom metadata values on Upload and Update: a list of {field, value} picked from the account's
 * fields, and the JSON field as an escape hatch. Both are merged; JSON wins for a field in both.
 */

export type CustomMetadataPurpose = 'upload' | 'update';

const VALUE_HELP =
	'Converted to the field’s type: a number, true or false, or one of the select options. Separate the values of a Multi Select with commas.';

export function customMetadataValuesProperty(purpose: CustomMetadataPurpose): INodeProperties {
	return {
		displayName: 'Custom Metadata',
		name: 'customMetadataValues',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Metadata Value',
		default: {},
		description:
			'Values of the custom metadata fields of your account. Merged with Custom Metadata (JSON), which wins for a field set in both.',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCustomMetadataFields' },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							purpose === 'update' ? `${VALUE_HELP} Leave empty to remove the value.` : VALUE_HELP,
					},
				],
			},
		],
	};
}

// The client lives for one execution, so the account's fields are listed once per execution.
const fieldsByClient = new WeakMap<ImageKit, Promise<Map<string, CustomMetadataField>>>();

async function accountFields(client: ImageKit): Promise<Map<string, CustomMetadataField>> {
	let fields = fieldsByClient.get(client);
	if (!fields) {
		fields = client
			.listCustomMetadataFields()
			.then((list) => new Map(list.map((field) => [field.name, field])));
		fieldsByClient.set(client, fields);
	}
	return await fields;
}

/** A value typed in n8n as text, converted to what the field holds; undefined when it cannot be. */
function typedValue(field: CustomMetadataField, text: string): unknown {
	const { type, selectOptions = [] } = field.schema;
	const option = (entry: string) => selectOptions.find((candidate) => String(candidate) === entry);
	switch (type) {
		case 'Number': {
			const number = Number(text);
			return text.trim() !== '' && Number.isFinite(number) ? number : undefined;
		}
		case 'Boolean':
			return /^(true|false)$/i.test(text.trim()) ? text.trim().toLowerCase() === 'true' : undefined;
		case 'SingleSelect':
			return option(text.trim());
		case 'MultiSelect': {
			const values = toList(text).map(option);
			return values.includes(undefined) ? undefined : (values as CustomMetadataScalar[]);
		}
		default:
			return text;
	}
}

function expectedValue(field: CustomMetadataField): string {
	const { type, selectOptions = [] } = field.schema;
	if (type === 'Number') return 'a number';
	if (type === 'Boolean') return 'true or false';
	const options = selectOptions.map(String).join(', ');
	return type === 'SingleSelect' ? `one of: ${options}` : `comma-separated values from: ${options}`;
}

/**
 * The custom metadata to send, from the list and the JSON field of `fields` (Upload's Options or
 * Update's Update Fields); undefined when neither sets anything.
 */
export async function customMetadataFromParameters(
	context: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
	fields: IDataObject,
	purpose: CustomMetadataPurpose,
): Promise<Record<string, unknown> | undefined> {
	const entries = ((fields.customMetadataValues as IDataObject | undefined)?.field ??
		[]) as IDataObject[];
	const fromList: Record<string, unknown> = {};
	if (entries.length > 0) {
		const defined = await accountFields(client);
		for (const [index, entry] of entries.entries()) {
			const name = String(entry.name ?? '').trim();
			const field = defined.get(name);
			if (!field) {
				throw inputError(
					context.getNode(),
					itemIndex,
					name
						? `Custom metadata field "${name}" does not exist`
						: `Custom Metadata ${index + 1} has no field`,
					'pick a field from the list, or create it first with Custom Metadata Field → Create',
				);
			}
			const value = entry.value;
			if (value === '' || value === undefined || value === null) {
				// On update an empty value removes the field's value; on upload it sets nothing.
				if (purpose === 'update') fromList[name] = null;
				continue;
			}
			// An expression may already give the value its type.
			const typed = typeof value === 'string' ? typedValue(field, value) : value;
			if (typed === undefined) {
				throw inputError(
					context.getNode(),
					itemIndex,
					`Custom metadata "${name}" cannot be "${String(value)}"`,
					`it is a ${field.schema.type} field, so enter ${expectedValue(field)}`,
				);
			}
			fromList[name] = typed;
		}
	}
	const fromJson = parseJsonField(
		context,
		fields.customMetadata,
		itemIndex,
		'Custom Metadata (JSON)',
		'object',
	);
	const merged = { ...fromList, ...fromJson };
	return Object.keys(merged).length > 0 ? merged : undefined;
}
