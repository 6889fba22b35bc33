import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ImageKitInputError } from '../client';
import { requiredText as checkedText } from '../client/checks';
import { inputError, withFieldLabel } from './errors';

/**
 * A required text field, trimmed, checked by the client's rule; an empty value fails with the
 * field's label and an example.
 */
export function requiredText(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
	example: string,
): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	try {
		return checkedText(name, typeof value === 'number' ? String(value) : value);
	} catch (error) {
		const problem = withFieldLabel(error as ImageKitInputError, label);
		throw inputError(context.getNode(), itemIndex, problem, `enter ${example}`);
	}
}

/** Parses a JSON field (text or an already-parsed object), naming the field when it is invalid. */
export function parseJsonField<T = IDataObject>(
	context: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
	expected: 'object' | 'array',
): T | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw inputError(
				context.getNode(),
				itemIndex,
				`'${label}' is not valid JSON`,
				`enter a JSON ${expected}, for example ${
					expected === 'object'
						? '{"brand": "Acme"}'
						: '[{"name": "google-auto-tagging", "minConfidence": 80, "maxTags": 10}]'
				}`,
				`${(error as Error).message}.`,
			);
		}
	}
	const isArray = Array.isArray(parsed);
	if (typeof parsed !== 'object' || parsed === null || isArray !== (expected === 'array')) {
		throw inputError(
			context.getNode(),
			itemIndex,
			`'${label}' must be a JSON ${expected}`,
			`enter a JSON ${expected} (got ${isArray ? 'an array' : typeof parsed})`,
		);
	}
	return parsed as T;
}

/** A list given as an array or as text separated by commas or new lines. */
export function toList(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(/[,\n]/);
	return entries.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
}

/** Output items for one input item, each paired with it. */
export function itemsFor(
	context: IExecuteFunctions,
	data: IDataObject | IDataObject[],
	itemIndex: number,
): INodeExecutionData[] {
	return context.helpers.constructExecutionMetaData(context.helpers.returnJsonArray(data), {
		itemData: { item: itemIndex },
	});
}

/** Per node run (one execute context): values that are the same for every item. */
const runValues = new WeakMap<object, Map<string, unknown>>();

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (typeof value === 'object' && value !== null)
		return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * `compute()` once per run when none of the named parameters holds an expression (no `{{ }}`, no
 * `$fromAI`): their values, and so the result, are then the same for every item. Otherwise, and
 * after a failure, it runs for each item. Callers must not change the value they get.
 */
export function sameForEveryItem<T>(
	context: IExecuteFunctions,
	key: string,
	parameters: readonly string[],
	compute: () => T,
): T {
	let values = runValues.get(context);
	if (!values) runValues.set(context, (values = new Map()));
	if (values.has(key)) return values.get(key) as T;
	const value = compute();
	const node = context.getNode().parameters;
	if (!parameters.some((name) => holdsExpression(node[name]))) values.set(key, value);
	return value;
}
