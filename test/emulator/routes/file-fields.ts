import type { ParsedBody } from '../body';
import { customMetadataProblems } from '../custom-metadata';
import { ApiError, badRequest } from '../errors';
import type { EmulatorState, StoredFile } from '../state';
import type { ExtensionStatus } from '../views';
import { extensionProblem } from './extensions';

/** Validation shared by the endpoints that set file attributes (upload, update details). */

const MAX_COMBINED_TAG_LENGTH = 500;
const EXTENSION_NAMES = [
	'remove-bg',
	'google-auto-tagging',
	'aws-auto-tagging',
	'ai-auto-description',
	'ai-tasks',
	'saved-extension',
];
/** A saved-extension reference reports under the name of the extension it stands for, unknown here. */
const STATUS_REPORTING_EXTENSIONS = EXTENSION_NAMES.filter((name) => name !== 'saved-extension');

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An empty list means no tags, which ImageKit reports as null. */
export function validateTags(tags: unknown): string[] | null {
	if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string')) {
		throw badRequest(
			'Your request contains invalid value for tags parameter. Please provide an array of strings.',
		);
	}
	if (tags.some((tag: string) => tag.includes('%'))) {
		throw badRequest(
			'Your request contains invalid value for tags parameter. The % character is not allowed in tags.',
		);
	}
	if (tags.join('').length > MAX_COMBINED_TAG_LENGTH) {
		throw badRequest(
			'Your request contains invalid value for tags parameter. Combined length of all tags should be less than or equal to 500.',
		);
	}
	return tags.length === 0 ? null : tags;
}

export function validateCustomCoordinates(value: unknown): string {
	if (typeof value !== 'string' || !/^\d+,\d+,\d+,\d+$/.test(value)) {
		throw badRequest(
			'Your request contains invalid value for customCoordinates parameter. Use the format x,y,width,height, e.g. 10,10,100,100.',
		);
	}
	return value;
}

/** Values of the account's custom metadata fields, each fitting its field; on update, null removes one. */
export function validateCustomMetadata(
	value: unknown,
	state: EmulatorState,
	nullRemoves: boolean,
): Record<string, unknown> {
	if (!isPlainObject(value)) {
		const errors = { customMetadata: 'should be an object of field values' };
		throw badRequest('Invalid custom metadata.', { errors });
	}
	const errors = customMetadataProblems(state, value, nullRemoves);
	if (Object.keys(errors).length > 0) throw badRequest('Invalid custom metadata.', { errors });
	return value;
}

export function validateExtensions(value: unknown): unknown[] {
	const valid =
		Array.isArray(value) &&
		value.every((extension) => extensionProblem(extension, true) === undefined);
	if (!valid) throw badRequest('Your request contains invalid value for extensions parameter.');
	return value as unknown[];
}

/** The emulator runs no extension: each requested one stays pending. */
export function pendingExtensionStatus(extensions: unknown[]): ExtensionStatus | undefined {
	const names = extensions
		.map((extension) => (extension as { name: string }).name)
		.filter((name) => STATUS_REPORTING_EXTENSIONS.includes(name));
	return names.length === 0
		? undefined
		: Object.fromEntries(names.map((name) => [name, 'pending' as const]));
}

export function validateWebhookUrl(value: unknown): string {
	if (typeof value !== 'string' || !URL.canParse(value)) {
		throw badRequest('Your request contains invalid value for webhookUrl parameter.');
	}
	return value;
}

export function requireFile(
	state: EmulatorState,
	fileId: string,
	notFoundMessage = 'The requested file does not exist.',
): StoredFile {
	if (!/^[0-9a-f]{24}$/i.test(fileId))
		throw badRequest('Your request contains invalid fileId parameter.');
	const file = state.files.get(fileId);
	if (!file) throw new ApiError(404, notFoundMessage);
	return file;
}

export function jsonObjectBody(body: ParsedBody): Record<string, unknown> {
	if (!isPlainObject(body.json)) throw badRequest('Your request body should be a JSON object.');
	return body.json;
}
