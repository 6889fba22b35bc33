import { schemaProblem } from '../custom-metadata';
import { ApiError, badRequest } from '../errors';
import type { Route, RouteContext } from '../router';
import type { EmulatorState, StoredCustomMetadataField } from '../state';
import { isPlainObject, jsonObjectBody } from './file-fields';

/** Custom metadata fields (API.md §3.15). Deleted fields are kept: their names stay taken. */

export function customMetadataFieldView({ id, name, label, schema }: StoredCustomMetadataField) {
	return { id, name, label, schema };
}

function requiredText(request: Record<string, unknown>, name: string): string {
	const value = request[name];
	if (typeof value !== 'string' || value.trim() === '')
		throw badRequest(`${name} parameter is missing.`);
	return value;
}

function checkedSchema(schema: unknown, type: unknown): Record<string, unknown> {
	if (!isPlainObject(schema))
		throw badRequest('Invalid schema object. schema should be an object.');
	const problem = schemaProblem(schema, type);
	if (problem) throw badRequest(`Invalid schema object. ${problem}.`);
	return schema;
}

function assertLabelFree(state: EmulatorState, label: string, exceptId?: string): void {
	for (const field of state.customMetadataFields.values()) {
		if (!field.deleted && field.label === label && field.id !== exceptId) {
			throw badRequest('A custom metadata field with this label already exists.');
		}
	}
}

/** Validates and stores a new field, as POST /v1/customMetadataFields does. */
export function createCustomMetadataField(
	state: EmulatorState,
	request: Record<string, unknown>,
): StoredCustomMetadataField {
	const name = requiredText(request, 'name');
	const label = requiredText(request, 'label');
	if (request.schema === undefined) throw badRequest('schema parameter is missing.');
	const type = isPlainObject(request.schema) ? request.schema.type : undefined;
	const { type: _type, ...rules } = checkedSchema(request.schema, type);
	if (Array.from(state.customMetadataFields.values()).some((field) => field.name === name)) {
		throw badRequest('A custom metadata field with this name already exists.');
	}
	assertLabelFree(state, label);
	const field: StoredCustomMetadataField = {
		id: state.nextId(),
		name,
		label,
		schema: { type: type as StoredCustomMetadataField['schema']['type'], ...rules },
		deleted: false,
	};
	state.customMetadataFields.set(field.id, field);
	return field;
}

function requireField(state: EmulatorState, id: string): StoredCustomMetadataField {
	if (!/^[0-9a-f]{24}$/i.test(id)) throw badRequest('Your request contains invalid ID parameter.');
	const field = state.customMetadataFields.get(id);
	if (!field) throw new ApiError(404, 'No such custom metadata field exists.');
	return field;
}

function createField({ body, state }: RouteContext) {
	return {
		status: 201,
		body: customMetadataFieldView(createCustomMetadataField(state, jsonObjectBody(body))),
	};
}

/** `folderPath` narrows the list only with the Path policy feature, which the emulated account lacks. */
function listFields({ query, state }: RouteContext) {
	const includeDeleted = query.get('includeDeleted');
	if (includeDeleted !== null && includeDeleted !== 'true' && includeDeleted !== 'false') {
		throw badRequest('Your request contains invalid value for includeDeleted parameter.');
	}
	const fields = Array.from(state.customMetadataFields.values()).filter(
		(field) => includeDeleted === 'true' || !field.deleted,
	);
	return { status: 200, body: fields.map(customMetadataFieldView) };
}

/**
 * A new label and/or new rules. The rules sent replace the old ones and are checked against the
 * field's type, which cannot change (a `type` sent is ignored).
 */
function updateField({ params, body, state }: RouteContext) {
	const field = requireField(state, params.id);
	const request = jsonObjectBody(body);
	if (field.deleted) throw badRequest('Cannot update a deleted custom metadata fields.');
	if (request.name !== undefined) throw badRequest('Name cannot be updated.');
	if (request.label === undefined && request.schema === undefined) {
		throw badRequest('Either label or schema should be provided.');
	}
	const label = request.label === undefined ? field.label : requiredText(request, 'label');
	assertLabelFree(state, label, field.id);
	let schema = field.schema;
	if (request.schema !== undefined) {
		if (!isPlainObject(request.schema))
			throw badRequest('Invalid schema object. schema should be an object.');
		const { type: _ignored, ...rules } = request.schema;
		schema = { type: field.schema.type, ...checkedSchema(rules, field.schema.type) };
	}
	Object.assign(field, { label, schema });
	return { status: 200, body: customMetadataFieldView(field) };
}

function deleteField({ params, state }: RouteContext) {
	const field = requireField(state, params.id);
	if (field.deleted) throw new ApiError(404, 'No such custom metadata field exists.');
	field.deleted = true;
	// The spec declares an empty JSON object; Node's HTTP server drops any 204 body anyway.
	return { status: 204, body: {} };
}

export const customMetadataFieldRoutes: Route[] = [
	{ method: 'POST', path: '/v1/customMetadataFields', handle: createField },
	{ method: 'GET', path: '/v1/customMetadataFields', handle: listFields },
	{ method: 'PATCH', path: '/v1/customMetadataFields/:id', handle: updateField },
	{ method: 'DELETE', path: '/v1/customMetadataFields/:id', handle: deleteField },
];
