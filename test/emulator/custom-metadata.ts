import type { CustomMetadataFieldType, EmulatorState, StoredCustomMetadataField } from './state';

/** The rules of custom metadata fields (API.md §3.15), for field definitions and for asset values. */

export const FIELD_TYPES: readonly CustomMetadataFieldType[] = [
	'Text',
	'Textarea',
	'Number',
	'Date',
	'Boolean',
	'SingleSelect',
	'MultiSelect',
];

type Schema = StoredCustomMetadataField['schema'];

const SELECT_TYPES: readonly string[] = ['SingleSelect', 'MultiSelect'];
/** The schema properties each type accepts besides type, defaultValue and isValueRequired. */
const TYPE_RULES: Record<CustomMetadataFieldType, readonly string[]> = {
	Text: ['minLength', 'maxLength'],
	Textarea: ['minLength', 'maxLength'],
	Number: ['minValue', 'maxValue'],
	Date: ['minValue', 'maxValue'],
	Boolean: [],
	SingleSelect: ['selectOptions'],
	MultiSelect: ['selectOptions'],
};
const COMMON_RULES = ['type', 'defaultValue', 'isValueRequired'];

const isScalar = (value: unknown): value is string | number | boolean =>
	typeof value === 'string' ||
	(typeof value === 'number' && Number.isFinite(value)) ||
	typeof value === 'boolean';

const isDateText = (value: unknown): value is string =>
	typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** Why `value` does not fit the field, or undefined when it does. */
export function valueProblem(schema: Schema, value: unknown): string | undefined {
	const { type, minValue, maxValue, minLength, maxLength, selectOptions } = schema;
	switch (type) {
		case 'Text':
		case 'Textarea': {
			if (typeof value !== 'string') return 'should be a string';
			if (typeof minLength === 'number' && value.length < minLength)
				return `should be at least ${minLength} characters long`;
			if (typeof maxLength === 'number' && value.length > maxLength)
				return `should be at most ${maxLength} characters long`;
			return undefined;
		}
		case 'Number': {
			if (typeof value !== 'number' || !Number.isFinite(value)) return 'should be a number';
			if (typeof minValue === 'number' && value < minValue) return `should be at least ${minValue}`;
			if (typeof maxValue === 'number' && value > maxValue) return `should be at most ${maxValue}`;
			return undefined;
		}
		case 'Date': {
			if (!isDateText(value)) return 'should be an ISO 8601 date';
			const time = Date.parse(value);
			if (isDateText(minValue) && time < Date.parse(minValue))
				return `should be on or after ${minValue}`;
			if (isDateText(maxValue) && time > Date.parse(maxValue))
				return `should be on or before ${maxValue}`;
			return undefined;
		}
		case 'Boolean':
			return typeof value === 'boolean' ? undefined : 'should be true or false';
		case 'SingleSelect':
			return (selectOptions as unknown[]).includes(value)
				? undefined
				: 'should be one of the select options';
		case 'MultiSelect':
			return Array.isArray(value) &&
				value.every((entry) => (selectOptions as unknown[]).includes(entry))
				? undefined
				: 'should be an array of select options';
	}
}

interface Range {
	low: string;
	high: string;
	valid: (value: unknown) => boolean;
	what: string;
}

const LENGTH_RANGE: Range = {
	low: 'minLength',
	high: 'maxLength',
	valid: (value) => Number.isInteger(value) && (value as number) >= 0,
	what: 'a whole number, 0 or more',
};
/** The bounds a type accepts and how to read them. */
const RANGES: Partial<Record<CustomMetadataFieldType, Range>> = {
	Text: LENGTH_RANGE,
	Textarea: LENGTH_RANGE,
	Number: {
		low: 'minValue',
		high: 'maxValue',
		valid: (value) => typeof value === 'number' && Number.isFinite(value),
		what: 'a number',
	},
	Date: { low: 'minValue', high: 'maxValue', valid: isDateText, what: 'an ISO 8601 date' },
};

function rangeProblem(schema: Schema, { low, high, valid, what }: Range): string | undefined {
	for (const name of [low, high]) {
		if (schema[name] !== undefined && !valid(schema[name])) return `${name} should be ${what}`;
	}
	const [min, max] = [schema[low], schema[high]];
	if (min === undefined || max === undefined) return undefined;
	const order = (value: unknown) =>
		typeof value === 'string' ? Date.parse(value) : (value as number);
	return order(min) > order(max) ? `${low} should not be greater than ${high}` : undefined;
}

/** Why a field's schema is invalid, or undefined. `type` is the field's type, fixed once created. */
export function schemaProblem(schema: Record<string, unknown>, type: unknown): string | undefined {
	if (!FIELD_TYPES.includes(type as CustomMetadataFieldType))
		return `type should be one of ${FIELD_TYPES.join(', ')}`;
	const fieldType = type as CustomMetadataFieldType;
	const allowed = [...COMMON_RULES, ...TYPE_RULES[fieldType]];
	const misplaced = Object.keys(schema).find((key) => !allowed.includes(key));
	if (misplaced) return `${misplaced} does not apply to ${fieldType} fields`;
	const rules: Schema = { ...schema, type: fieldType };
	if (SELECT_TYPES.includes(fieldType)) {
		const options = rules.selectOptions;
		if (!Array.isArray(options) || options.length === 0)
			return `selectOptions is required for ${fieldType} fields`;
		if (!options.every(isScalar)) return 'selectOptions should hold strings, numbers or booleans';
		if (new Set(options).size !== options.length) return 'selectOptions should not repeat a value';
	}
	const range = RANGES[fieldType];
	const problem = range && rangeProblem(rules, range);
	if (problem) return problem;
	if (rules.isValueRequired !== undefined && typeof rules.isValueRequired !== 'boolean') {
		return 'isValueRequired should be a boolean';
	}
	if (rules.isValueRequired && rules.defaultValue === undefined) {
		return 'defaultValue is required when isValueRequired is true';
	}
	if (rules.defaultValue !== undefined) {
		const defaultProblem = valueProblem(rules, rules.defaultValue);
		if (defaultProblem) return `defaultValue ${defaultProblem}`;
	}
	return undefined;
}

export function activeFieldNamed(
	state: EmulatorState,
	name: string,
): StoredCustomMetadataField | undefined {
	for (const field of state.customMetadataFields.values())
		if (!field.deleted && field.name === name) return field;
	return undefined;
}

/**
 * Problems of an asset's custom metadata, by key: each key must be a field of the account and each value
 * fit its schema. On update, null removes a value.
 */
export function customMetadataProblems(
	state: EmulatorState,
	values: Record<string, unknown>,
	nullRemoves: boolean,
): Record<string, string> {
	const problems: Record<string, string> = {};
	for (const [name, value] of Object.entries(values)) {
		const field = activeFieldNamed(state, name);
		if (!field) problems[name] = 'is not a custom metadata field of this account';
		else if (value === null && nullRemoves) continue;
		else {
			const problem = valueProblem(field.schema, value);
			if (problem) problems[name] = problem;
		}
	}
	return problems;
}
