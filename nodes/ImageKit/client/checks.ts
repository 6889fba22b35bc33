// The client's input checks, in one place: each refuses a value the API cannot take before any
// request, with an ImageKitInputError naming the option. Its message starts with the option's
// name, so the node can put the field's label in its place.
import { ImageKitInputError } from './errors';

/** A non-empty text, trimmed. */
export function requiredText(field: string, value: unknown): string {
	if (typeof value !== 'string') throw new ImageKitInputError(field, `${field} must be text`);
	const text = value.trim();
	if (text === '') throw new ImageKitInputError(field, `${field} is empty`);
	return text;
}

/** A non-empty list of non-empty strings, e.g. tags or ids. */
export function requiredNames(field: string, values: string[]): string[] {
	if (!Array.isArray(values) || values.length === 0) {
		throw new ImageKitInputError(field, `${field} must be a non-empty array`);
	}
	if (values.some((value) => typeof value !== 'string' || value.trim() === '')) {
		throw new ImageKitInputError(field, `${field} must hold only non-empty strings`);
	}
	return values.map((value) => value.trim());
}

/** What each value placed in a URL path is, for the fix an error gives. */
const PATH_VALUES = {
	fileId: 'the ID of one file, e.g. 598821f949c0a938d57563bd',
	versionId: 'the ID of one version, e.g. 598821f949c0a938d57563be',
	requestId: 'the requestId that a purge returned, e.g. 598821f949c0a938d57563bd',
	jobId: 'the jobId that a folder copy, move or rename returned, e.g. 598821f949c0a938d57563bd',
	fieldId: 'the ID of one custom metadata field, e.g. 598821f949c0a938d57563bd',
	originId: 'the ID of one origin, e.g. 598821f949c0a938d57563bd',
	urlEndpointId: 'the ID of one URL endpoint, e.g. default or 598821f949c0a938d57563bd',
	savedExtensionId: 'the ID of one saved extension, e.g. ext_abc123',
} as const;

/**
 * A value placed in a URL path, as exactly one encoded segment. `.` and `..` survive encoding and
 * would be collapsed by URL handling into another endpoint (`DELETE /v1/files/<id>/versions/..` is
 * `DELETE /v1/files/<id>/`, the whole file), so they are refused before any request, as are the
 * characters that end a segment once any layer decodes it: `/`, `?`, `#`, and `\`, which WHATWG
 * URLs read as `/`. No ImageKit ID contains them.
 */
export function pathSegment(field: keyof typeof PATH_VALUES, value: unknown): string {
	const fix = `give ${PATH_VALUES[field]}`;
	if (typeof value !== 'string') {
		throw new ImageKitInputError(field, `${field} must be text: ${fix}`);
	}
	const segment = value.trim();
	if (segment === '') throw new ImageKitInputError(field, `${field} is empty: ${fix}`);
	if (segment === '.' || segment === '..') {
		throw new ImageKitInputError(field, `${field} cannot be "${segment}": ${fix}`);
	}
	const separator = /[/?#\\]/.exec(segment)?.[0];
	if (separator !== undefined) {
		throw new ImageKitInputError(field, `${field} cannot contain "${separator}": ${fix}`);
	}
	return encodeURIComponent(segment);
}
