import type { ParsedForm } from '../body';
import { bytesContent, describeContent, remoteUrlStandIn, type ReceivedContent } from '../content';
import { badRequest } from '../errors';
import type { Route, RouteContext } from '../router';
import {
	MAX_FILE_VERSIONS,
	normalizeFolderPath,
	type EmulatorState,
	type StoredFile,
} from '../state';
import { enforceUploadChecks, UploadChecksError } from '../upload-checks';
import { OPTIONAL_UPLOAD_FIELDS, uploadView, type OptionalUploadField } from '../views';
import {
	pendingExtensionStatus,
	validateCustomCoordinates,
	validateCustomMetadata,
	validateExtensions,
	validateTags,
	validateWebhookUrl,
} from './file-fields';
import { snapshotOf, versionLimitExceeded } from './versions';

/** The client-side credential that must not accompany Basic auth, per upload API version. */
const CLIENT_SIDE_CREDENTIAL = {
	v1: {
		field: 'signature',
		conflict:
			'Your request contains both signature and basic auth parameter. Use only one method, you might be exposing your private API key.',
	},
	v2: {
		field: 'token',
		conflict:
			'Your request contains both token and basic auth parameter. Use only one method, you might be exposing your private API key.',
	},
};

const MISSING_FILE = 'Your request is missing file parameter.';
const INVALID_FILE = 'Your request contains invalid file parameter.';
// openapi.yaml /api/v1/files/upload "400" and "202".
const INVALID_TRANSFORMATION =
	'The file could not be uploaded because the transformation field is invalid.';
const TRANSFORMATION_NEEDS_MEDIA =
	'The file could not be uploaded because transformations are supported only for image and video files.';
const PRE_TRANSFORMATION_QUEUED = 'The pre-transformation has been queued successfully.';
const NAME_CONFLICT =
	'A file with the same name already exists at the exact location. We could not overwrite it because both overwriteFile and useUniqueFileName are set to false.';

function booleanField(
	fields: Record<string, string>,
	name: string,
	defaultValue: boolean,
): boolean {
	const value = fields[name];
	if (value === undefined) return defaultValue;
	if (value !== 'true' && value !== 'false') {
		throw badRequest(
			`Your request contains invalid value for ${name} parameter. Use true or false.`,
		);
	}
	return value === 'true';
}

function jsonField(fields: Record<string, string>, name: string): unknown {
	try {
		return JSON.parse(fields[name]);
	} catch {
		throw badRequest(
			`Your request contains invalid value for ${name} parameter. It should be a JSON string.`,
		);
	}
}

/** Form lists are comma-separated strings, as the SDKs send them. */
function listField(value: string): string[] {
	return value
		.split(',')
		.map((item) => item.trim())
		.filter((item) => item !== '');
}

function responseFieldsOf(fields: Record<string, string>): Set<OptionalUploadField> {
	const requested = fields.responseFields === undefined ? [] : listField(fields.responseFields);
	const unknown = requested.filter(
		(field) => !(OPTIONAL_UPLOAD_FIELDS as readonly string[]).includes(field),
	);
	if (unknown.length > 0) {
		throw badRequest(
			`Your request contains invalid value for responseFields parameter: ${unknown.join(', ')}.`,
		);
	}
	return new Set(requested as OptionalUploadField[]);
}

/**
 * `file` is a binary part, a URL (recorded, never fetched), a data URI or plain base64. `bytes` are
 * what the URL endpoint delivers; a binary part keeps them only below 1 MiB.
 */
function receivedContent(form: ParsedForm): {
	content: ReceivedContent;
	sourceUrl?: string;
	bytes?: Buffer;
} {
	if (form.file) {
		const { size, sha256, head, contentType } = form.file;
		return { content: { size, sha256, head, declaredType: contentType }, bytes: form.file.bytes };
	}
	const value = form.fields.file;
	if (value === undefined || value === '') throw badRequest(MISSING_FILE);
	if (/^https?:\/\//i.test(value)) {
		if (!URL.canParse(value)) throw badRequest(INVALID_FILE);
		const standIn = remoteUrlStandIn(value);
		return { content: bytesContent(standIn), sourceUrl: value, bytes: standIn };
	}
	const dataUri = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s.exec(value);
	if (dataUri) {
		const [, mediaType, parameters, data] = dataUri;
		const bytes = decodeDataUri(data, parameters.includes(';base64'));
		return { content: bytesContent(bytes, mediaType || undefined), bytes };
	}
	const base64 = value.replace(/\s+/g, '');
	if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(base64)) throw badRequest(INVALID_FILE);
	const bytes = Buffer.from(base64, 'base64');
	return { content: bytesContent(bytes), bytes };
}

function decodeDataUri(data: string, isBase64: boolean): Buffer {
	if (isBase64) return Buffer.from(data, 'base64');
	try {
		return Buffer.from(decodeURIComponent(data));
	} catch {
		throw badRequest(INVALID_FILE);
	}
}

function sanitizeFileName(name: string): string {
	return name.replace(/[^a-zA-Z0-9._-]/g, '_');
}

function sanitizeFolder(folder: string): string {
	return normalizeFolderPath(folder.replace(/[^a-zA-Z0-9/_-]/g, '_'));
}

function withSuffix(name: string, suffix: string): string {
	const dot = name.lastIndexOf('.');
	return dot <= 0 ? `${name}_${suffix}` : `${name.slice(0, dot)}_${suffix}${name.slice(dot)}`;
}

/** The upload's `checks`, against the request as sent and the file received (upload-checks.ts). */
function checkUpload(
	fields: Record<string, string>,
	content: ReceivedContent,
	customMetadata: Record<string, unknown> | undefined,
	state: EmulatorState,
): void {
	const facts = describeContent(content, fields.fileName);
	try {
		enforceUploadChecks(
			fields.checks,
			{
				fields,
				customMetadata: customMetadata ?? {},
				file: { size: facts.size, mime: facts.mime },
				media: { width: facts.width, height: facts.height, ...facts.video },
			},
			state.customMetadataFields.values(),
		);
	} catch (error) {
		if (error instanceof UploadChecksError) throw badRequest(error.message);
		throw error;
	}
}

const POST_TRANSFORMATION_FIELDS: Record<string, { required: string[]; optional: string[] }> = {
	transformation: { required: ['value'], optional: [] },
	'gif-to-video': { required: [], optional: ['value'] },
	thumbnail: { required: [], optional: ['value'] },
	abs: { required: ['value', 'protocol'], optional: [] },
};

const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** `transformation` as openapi.yaml's TransformationObject has it: `{pre?: string, post?: [...]}`. */
function validateTransformation(value: unknown): { pre?: string; post?: unknown[] } {
	const object = value as Record<string, unknown>;
	const valid =
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		Object.keys(object).every((key) => key === 'pre' || key === 'post') &&
		(object.pre === undefined || isText(object.pre)) &&
		(object.post === undefined ||
			(Array.isArray(object.post) &&
				object.post.every((item: Record<string, unknown>) => {
					const fields = POST_TRANSFORMATION_FIELDS[String(item?.type)];
					if (!fields) return false;
					const allowed = ['type', ...fields.required, ...fields.optional];
					return (
						Object.keys(item).every((key) => allowed.includes(key)) &&
						fields.required.every((key) => isText(item[key])) &&
						(item.value === undefined || typeof item.value === 'string') &&
						(item.protocol === undefined || item.protocol === 'hls' || item.protocol === 'dash')
					);
				})));
	if (!valid) throw badRequest(INVALID_TRANSFORMATION);
	return object as { pre?: string; post?: unknown[] };
}

function upload({ body, state }: RouteContext, version: keyof typeof CLIENT_SIDE_CREDENTIAL) {
	const form = body.form;
	if (!form) throw badRequest(MISSING_FILE);
	const { fields } = form;
	const credential = CLIENT_SIDE_CREDENTIAL[version];
	if (fields[credential.field] !== undefined) throw badRequest(credential.conflict);

	const received = receivedContent(form);
	if (!fields.fileName) throw badRequest('Your request is missing fileName parameter.');
	const useUniqueFileName = booleanField(fields, 'useUniqueFileName', true);
	const overwriteFile = booleanField(fields, 'overwriteFile', true);
	const overwriteAITags = booleanField(fields, 'overwriteAITags', true);
	const overwriteTags = booleanField(fields, 'overwriteTags', true);
	const overwriteCustomMetadata = booleanField(fields, 'overwriteCustomMetadata', true);
	const isPrivateFile = booleanField(fields, 'isPrivateFile', false);
	const isPublished = booleanField(fields, 'isPublished', true);
	const tags = fields.tags === undefined ? undefined : validateTags(listField(fields.tags));
	const customCoordinates =
		fields.customCoordinates === undefined
			? null
			: validateCustomCoordinates(fields.customCoordinates);
	const customMetadata =
		fields.customMetadata === undefined
			? undefined
			: validateCustomMetadata(jsonField(fields, 'customMetadata'), state, false);
	const extensions =
		fields.extensions === undefined ? [] : validateExtensions(jsonField(fields, 'extensions'));
	const webhookUrl =
		fields.webhookUrl === undefined ? undefined : validateWebhookUrl(fields.webhookUrl);
	const transformation =
		fields.transformation === undefined
			? undefined
			: validateTransformation(jsonField(fields, 'transformation'));
	const responseFields = responseFieldsOf(fields);
	if (fields.checks !== undefined) checkUpload(fields, received.content, customMetadata, state);

	const folderPath = sanitizeFolder(fields.folder ?? '/');
	const requestedName = sanitizeFileName(fields.fileName);
	const name = useUniqueFileName
		? withSuffix(requestedName, state.nextUniqueSuffix())
		: requestedName;
	const filePath = `${folderPath}${name}`;
	const content = describeContent(received.content, name);
	const isVideo = content.mime.startsWith('video/');
	if (transformation && content.fileType !== 'image' && !isVideo)
		throw badRequest(TRANSFORMATION_NEEDS_MEDIA);
	// A video's pre-transformation runs before the file is stored: ImageKit answers 202 and reports
	// the outcome by the upload.pre-transform.* webhooks (API.md §3.1.1; openapi.yaml upload "202").
	// The emulator stores nothing, as ImageKit has stored nothing yet when it answers.
	if (transformation?.pre && isVideo)
		return { status: 202, body: { message: PRE_TRANSFORMATION_QUEUED } };
	// Uploading to a taken path without a unique name makes a new version of that file.
	const existing = useUniqueFileName ? undefined : state.fileAtPath(filePath);
	if (existing && !overwriteFile) throw badRequest(NAME_CONFLICT);
	const previousVersions = existing
		? [...(existing.previousVersions ?? []), snapshotOf(existing)]
		: undefined;
	if (previousVersions && previousVersions.length >= MAX_FILE_VERSIONS)
		throw versionLimitExceeded();

	const now = state.now();
	const fileId = existing?.fileId ?? state.nextId();
	const file: StoredFile = {
		fileId,
		version: { id: state.nextId(), number: (existing?.version.number ?? 0) + 1 },
		name,
		folderPath,
		filePath,
		tags: tags !== undefined ? tags : existing && !overwriteTags ? existing.tags : null,
		AITags: existing && !overwriteAITags ? existing.AITags : null,
		isPrivateFile,
		isPublished,
		customCoordinates,
		customMetadata:
			customMetadata ?? (existing && !overwriteCustomMetadata ? existing.customMetadata : {}),
		description: fields.description,
		content,
		sourceUrl: received.sourceUrl,
		extensions,
		webhookUrl,
		transformation,
		createdAt: existing?.createdAt ?? now,
		updatedAt: now,
		// A new file shows up in search after the indexing lag; a new version keeps its place.
		searchableAt: existing ? existing.searchableAt : state.searchableAtFor(fileId),
		previousVersions,
		body: received.bytes && { bytes: received.bytes },
	};
	state.ensureFolder(folderPath);
	state.files.set(file.fileId, file);
	return {
		status: 200,
		body: uploadView(
			file,
			state.config.urlEndpoint,
			responseFields,
			pendingExtensionStatus(extensions),
		),
	};
}

export const uploadRoutes: Route[] = [
	{ method: 'POST', path: '/api/v1/files/upload', handle: (context) => upload(context, 'v1') },
	{ method: 'POST', path: '/api/v2/files/upload', handle: (context) => upload(context, 'v2') },
];
