import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { NodeOperationError } from 'n8n-workflow';

import type { CustomMetadataFieldSchema, CustomMetadataFieldType } from '../../client';
import { inputError } from '../../helpers/errors';
import { toList } from '../../helpers/parameters';

export const FIELD_ID_EXAMPLE =
	'the ID of the field, e.g. 598821f949c0a938d57563dd (the id of a Create or Get Many result)';

export const fieldIdProperty: INodeProperties = {
	displayName: 'Field ID',
	name: 'fieldId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '598821f949c0a938d57563dd',
	description: 'The ID of the field, as returned by Create or Get Many',
};

/**
 * The schema of a custom metadata field as n8n fields: the type first, then only the rules that apply
 * to it (API.md §3.15). Shared by Create and Update.
 */

const TYPE_OPTIONS: Array<{ name: string; value: CustomMetadataFieldType; description: string }> = [
	{ name: 'Boolean', value: 'Boolean', description: 'True or false' },
	{ name: 'Date', value: 'Date', description: 'A date, optionally within a range' },
	{ name: 'Multi Select', value: 'MultiSelect', description: 'Any number of values from a list' },
	{ name: 'Number', value: 'Number', description: 'A number, optionally within a range' },
	{ name: 'Single Select', value: 'SingleSelect', description: 'One value from a list' },
	{ name: 'Text', value: 'Text', description: 'A single line of text' },
	{ name: 'Textarea', value: 'Textarea', description: 'Multiple lines of text' },
];

const SELECT_TYPES: CustomMetadataFieldType[] = ['SingleSelect', 'MultiSelect'];
const TEXT_TYPES: CustomMetadataFieldType[] = ['Text', 'Textarea'];

/** Shows a rule inside the Options collection only for these types. */
const forTypes = (types: CustomMetadataFieldType[]) => ({ show: { '/fieldType': types } });

function typeLabel(type: CustomMetadataFieldType): string {
	return TYPE_OPTIONS.find((option) => option.value === type)?.name ?? type;
}

export const fieldTypeProperty: INodeProperties = {
	displayName: 'Type',
	name: 'fieldType',
	type: 'options',
	options: TYPE_OPTIONS,
	default: 'Text',
	description:
		'Kind of value the field holds; it decides which rules apply and cannot change later',
};

export const schemaRuleProperties: INodeProperties[] = [
	{
		displayName: 'Select Options',
		name: 'selectOptions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Select Option',
		default: {},
		displayOptions: { show: { fieldType: SELECT_TYPES } },
		description: 'The values to choose from; at least one',
		options: [
			{
				displayName: 'Option',
				name: 'option',
				values: [
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'medium',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'schemaOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Default Value',
				name: 'defaultBoolean',
				type: 'boolean',
				default: false,
				displayOptions: forTypes(['Boolean']),
				description: 'Whether the field is true on files given no value',
			},
			{
				displayName: 'Default Value',
				name: 'defaultDate',
				type: 'dateTime',
				default: '',
				displayOptions: forTypes(['Date']),
				description: 'Value of files given no value',
			},
			{
				displayName: 'Default Value',
				name: 'defaultNumber',
				type: 'number',
				default: 0,
				displayOptions: forTypes(['Number']),
				description: 'Value of files given no value',
			},
			{
				displayName: 'Default Value',
				name: 'defaultText',
				type: 'string',
				default: '',
				displayOptions: forTypes(['SingleSelect', 'Text', 'Textarea']),
				description: 'Value of files given no value; for Single Select, one of the select options',
			},
			{
				displayName: 'Default Values',
				name: 'defaultValues',
				type: 'string',
				default: '',
				placeholder: 'small, medium',
				displayOptions: forTypes(['MultiSelect']),
				description: 'Comma-separated select options that files given no value get',
			},
			{
				displayName: 'Is Value Required',
				name: 'isValueRequired',
				type: 'boolean',
				default: false,
				description: 'Whether every file must have a value; needs a default value',
			},
			{
				displayName: 'Max Length',
				name: 'maxLength',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 100,
				displayOptions: forTypes(TEXT_TYPES),
			},
			{
				displayName: 'Max Value',
				name: 'maxDate',
				type: 'dateTime',
				default: '',
				displayOptions: forTypes(['Date']),
				description: 'Latest date allowed',
			},
			{
				displayName: 'Max Value',
				name: 'maxValue',
				type: 'number',
				default: 100,
				displayOptions: forTypes(['Number']),
			},
			{
				displayName: 'Min Length',
				name: 'minLength',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				displayOptions: forTypes(TEXT_TYPES),
			},
			{
				displayName: 'Min Value',
				name: 'minDate',
				type: 'dateTime',
				default: '',
				displayOptions: forTypes(['Date']),
				description: 'Earliest date allowed',
			},
			{
				displayName: 'Min Value',
				name: 'minValue',
				type: 'number',
				default: 0,
				displayOptions: forTypes(['Number']),
			},
		],
	},
];

/** The bounds each type takes: the Options fields that hold them, and whether they are dates. */
const RANGES: Partial<
	Record<
		CustomMetadataFieldType,
		{ fields: [string, string]; unit: 'Length' | 'Value'; dates: boolean }
	>
> = {
	Text: { fields: ['minLength', 'maxLength'], unit: 'Length', dates: false },
	Textarea: { fields: ['minLength', 'maxLength'], unit: 'Length', dates: false },
	Number: { fields: ['minValue', 'maxValue'], unit: 'Value', dates: false },
	Date: { fields: ['minDate', 'maxDate'], unit: 'Value', dates: true },
};

/** The problem, and what to do about it. */
type Fail = (problem: string, fix: string) => NodeOperationError;

/** minLength/maxLength or minValue/maxValue, checked to be in order. */
function rangeRules(
	type: CustomMetadataFieldType,
	options: IDataObject,
	fail: Fail,
): Partial<CustomMetadataFieldSchema> {
	const range = RANGES[type];
	if (!range) return {};
	const [low, high] = range.fields.map((field, index) => {
		const label = `${index === 0 ? 'Min' : 'Max'} ${range.unit}`;
		const raw = options[field];
		if (!range.dates) return typeof raw === 'number' ? { label, rule: raw, order: raw } : undefined;
		const date = String(raw ?? '').trim();
		if (!date) return undefined;
		if (Number.isNaN(Date.parse(date)))
			throw fail(`'${label}' is not a date`, `enter a date such as 2025-01-31 (got "${date}")`);
		return { label, rule: date, order: Date.parse(date) };
	});
	if (low && high && low.order > high.order) {
		throw fail(
			`'${low.label}' is greater than '${high.label}'`,
			`make '${low.label}' at most '${high.label}'`,
		);
	}
	const [minKey, maxKey] =
		range.unit === 'Length' ? ['minLength', 'maxLength'] : ['minValue', 'maxValue'];
	return { ...(low && { [minKey]: low.rule }), ...(high && { [maxKey]: high.rule }) };
}

/**
 * The schema the fields describe, checked as ImageKit would check it so that a mistake names the
 * field to fix before anything is sent.
 */
export function schemaFromParameters(
	context: IExecuteFunctions,
	itemIndex: number,
): CustomMetadataFieldSchema {
	const type = context.getNodeParameter('fieldType', itemIndex) as CustomMetadataFieldType;
	const options = context.getNodeParameter('schemaOptions', itemIndex, {}) as IDataObject;
	const fail: Fail = (problem, fix) => inputError(context.getNode(), itemIndex, problem, fix);
	const schema: CustomMetadataFieldSchema = { type };

	if (SELECT_TYPES.includes(type)) {
		const entries = ((context.getNodeParameter('selectOptions', itemIndex, {}) as IDataObject)
			.option ?? []) as IDataObject[];
		const values = entries
			.map((entry) => String(entry.value ?? '').trim())
			.filter((value) => value !== '');
		if (values.length === 0) {
			throw fail(
				`'Select Options' is empty`,
				`add the ${typeLabel(type)} field's options under 'Select Options'`,
			);
		}
		const repeated = values.find((value, index) => values.indexOf(value) !== index);
		if (repeated !== undefined) {
			throw fail(`'Select Options' lists "${repeated}" twice`, 'each option must be different');
		}
		schema.selectOptions = values;
	}
	Object.assign(schema, rangeRules(type, options, fail));

	const defaultValue = defaultFromOptions(type, options);
	if (defaultValue !== undefined) {
		const allowed = schema.selectOptions ?? [];
		const missing = (Array.isArray(defaultValue) ? defaultValue : [defaultValue]).find(
			(value) => SELECT_TYPES.includes(type) && !allowed.includes(value),
		);
		if (missing !== undefined) {
			throw fail(
				`'Default Value' "${String(missing)}" is not one of the 'Select Options'`,
				`use one of: ${allowed.join(', ')}`,
			);
		}
		schema.defaultValue = defaultValue;
	}
	if (options.isValueRequired === true) {
		if (defaultValue === undefined) {
			throw fail(
				`'Default Value' is required when 'Is Value Required' is on`,
				'add a Default Value under Options, as ImageKit needs one for a required field',
			);
		}
		schema.isValueRequired = true;
	}
	return schema;
}

function defaultFromOptions(
	type: CustomMetadataFieldType,
	options: IDataObject,
): CustomMetadataFieldSchema['defaultValue'] {
	switch (type) {
		case 'Boolean':
			return typeof options.defaultBoolean === 'boolean' ? options.defaultBoolean : undefined;
		case 'Number':
			return typeof options.defaultNumber === 'number' ? options.defaultNumber : undefined;
		case 'Date':
			return String(options.defaultDate ?? '').trim() || undefined;
		case 'MultiSelect': {
			const values = toList(options.defaultValues);
			return values.length ? values : undefined;
		}
		default:
			return typeof options.defaultText === 'string' && options.defaultText !== ''
				? options.defaultText
				: undefined;
	}
}
