import {
	MATCHED,
	parseBoolean,
	parseExpression,
	parseNumber,
	parseSize,
	present,
	type ExpressionLanguage,
	type FieldDefinition,
	type Operator,
} from './expression';
import type { CustomMetadataFieldType, StoredCustomMetadataField } from './state';

/**
 * The upload `checks` parameter: server-side conditions on the request and the file, in the same
 * Lucene-like language as searchQuery with quoted field names, e.g.
 * `"file.size" <= "50MB" AND "mediaMetadata.height" <= 2000`. Fields and operators are those of
 * ImageKit's docs (imagekitio/docs-keep-a-changelog features/upload-api-checks.md, "Supported
 * Fields for Upload API Checks"; "Remember to quote the fields"), and the two refusals are the
 * spec's (openapi.yaml /api/v1/files/upload 400 examples).
 */
export const INVALID_CHECKS = 'Your request contains invalid syntax for the checks parameter.';
export const FAILED_CHECKS = "Your request failed 'checks' validation.";

export class UploadChecksError extends Error {}

/** What checks read: the request's form fields as sent, and what the emulator knows of the file. */
export interface UploadCheckSubject {
	fields: Record<string, string>;
	customMetadata: Record<string, unknown>;
	file: { size: number; mime: string };
	media: {
		width?: number;
		height?: number;
		duration?: number;
		bitRate?: number;
		videoCodec?: string;
		audioCodec?: string;
	};
}

type Field = FieldDefinition<UploadCheckSubject>;

const EQUALITY: Pick<Field, 'operators' | 'negatable'> = { operators: ['='], negatable: ['='] };
const TEXT: Pick<Field, 'operators' | 'negatable'> = { operators: MATCHED, negatable: ['=', 'IN'] };
const NUMBER_OPERATORS: readonly Operator[] = ['=', '<', '<=', '>', '>='];

const text = (read: (subject: UploadCheckSubject) => string | undefined): Field => ({
	...TEXT,
	parse: (raw) => raw,
	values: (subject) => present(read(subject)),
});

/** A request flag, with the default the upload applies when it is not sent. */
const flag = (name: string, defaultValue: boolean): Field => ({
	...EQUALITY,
	parse: parseBoolean,
	values: ({ fields }) => [fields[name] === undefined ? defaultValue : fields[name] === 'true'],
});

const number = (read: (subject: UploadCheckSubject) => number | undefined): Field => ({
	operators: NUMBER_OPERATORS,
	negatable: [],
	parse: parseNumber,
	values: (subject) => present(read(subject)),
});

const FIELDS: Record<string, Field> = {
	'request.fileName': text(({ fields }) => fields.fileName),
	'request.useUniqueFileName': flag('useUniqueFileName', true),
	'request.tags': {
		operators: ['IN'],
		negatable: ['IN'],
		parse: (raw) => raw,
		values: ({ fields }) =>
			(fields.tags ?? '')
				.split(',')
				.map((tag) => tag.trim())
				.filter((tag) => tag !== ''),
	},
	// As sent; ImageKit's docs do not say whether it compares the folder normalised.
	'request.folder': text(({ fields }) => fields.folder ?? '/'),
	'request.isPrivateFile': flag('isPrivateFile', false),
	'request.isPublished': flag('isPublished', true),
	'request.customCoordinates': text(({ fields }) => fields.customCoordinates),
	'request.webhookUrl': text(({ fields }) => fields.webhookUrl),
	'request.overwriteFile': flag('overwriteFile', true),
	'request.overwriteAITags': flag('overwriteAITags', true),
	'request.overwriteTags': flag('overwriteTags', true),
	'request.overwriteCustomMetadata': flag('overwriteCustomMetadata', true),
	'file.size': { ...number(({ file }) => file.size), parse: parseSize },
	'file.mime': text(({ file }) => file.mime),
	'mediaMetadata.width': number(({ media }) => media.width),
	'mediaMetadata.height': number(({ media }) => media.height),
	'mediaMetadata.duration': number(({ media }) => media.duration),
	'mediaMetadata.bitRate': number(({ media }) => media.bitRate),
	'mediaMetadata.videoCodec': text(({ media }) => media.videoCodec),
	'mediaMetadata.audioCodec': text(({ media }) => media.audioCodec),
};

/** Operators per custom metadata field type ("Custom metadata fields will support operators as per their set type"). */
const CUSTOM_METADATA_OPERATORS: Record<
	CustomMetadataFieldType,
	Pick<Field, 'operators' | 'negatable'>
> = {
	Text: TEXT,
	Textarea: TEXT,
	Number: { operators: NUMBER_OPERATORS, negatable: ['='] },
	Date: { operators: ['=', 'IN', '<', '<=', '>', '>='], negatable: ['=', 'IN'] },
	Boolean: EQUALITY,
	SingleSelect: { operators: [...MATCHED, '<', '<=', '>', '>='], negatable: ['=', 'IN'] },
	MultiSelect: { operators: ['IN'], negatable: ['IN'] },
};

function customMetadataField(field: StoredCustomMetadataField): Field {
	const { type } = field.schema;
	const read = (value: unknown) =>
		type === 'Date' && typeof value === 'string' ? Date.parse(value) : value;
	return {
		...CUSTOM_METADATA_OPERATORS[type],
		parse: (raw) => {
			if (type === 'Number') return parseNumber(raw);
			if (type === 'Boolean') return parseBoolean(raw);
			return type === 'Date' ? Date.parse(raw) : raw;
		},
		values: ({ customMetadata }) => present(customMetadata[field.name]).flat().map(read),
	};
}

function checksLanguage(
	customMetadataFields: Iterable<StoredCustomMetadataField>,
): ExpressionLanguage<UploadCheckSubject> {
	const refuse = () => new UploadChecksError(INVALID_CHECKS);
	return {
		field: ({ kind, value: name }) => {
			// Field names are quoted: `"file.size" < "1mb"`; a bare file.size is a syntax error.
			if (kind !== 'text') throw refuse();
			const customKey = /^request\.customMetadata\.(.+)$/.exec(name)?.[1];
			if (customKey === undefined) {
				if (FIELDS[name]) return FIELDS[name];
				throw refuse();
			}
			for (const field of customMetadataFields) {
				if (field.name === customKey && !field.deleted) return customMetadataField(field);
			}
			throw refuse();
		},
		syntaxError: refuse,
		unsupported: refuse,
	};
}

/** Throws ImageKit's 400 messages when `checks` is malformed or the upload does not satisfy it. */
export function enforceUploadChecks(
	checks: string,
	subject: UploadCheckSubject,
	customMetadataFields: Iterable<StoredCustomMetadataField>,
): void {
	const { matches } = parseExpression(checks, checksLanguage(customMetadataFields));
	if (!matches(subject)) throw new UploadChecksError(FAILED_CHECKS);
}
