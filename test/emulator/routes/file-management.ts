import { ApiError, badRequest, HELP_TEXT } from '../errors';
import type { Route, RouteContext } from '../router';
import { normalizeFolderPath, type EmulatorState, type StoredFile } from '../state';
import { jsonObjectBody } from './file-fields';
import { allVersionsOf, placeVersions, snapshotOf } from './versions';

const MAX_BULK_TAG_IDS = 50;
const MAX_COMBINED_TAG_LENGTH = 500;

/** 400 with ImageKit's `reason`, as copy, move and rename answer. */
export const reasoned = (reason: string, message: string) => badRequest(message, { reason });

export function requiredString(request: Record<string, unknown>, name: string): string {
	const value = request[name];
	if (value === undefined || value === '')
		throw reasoned('MISSING_PARAMETER', `Missing parameter ${name}.`);
	if (typeof value !== 'string')
		throw reasoned('INVALID_PARAMETER', `Invalid value for parameter ${name}.`);
	return value;
}

export function optionalBoolean(request: Record<string, unknown>, name: string): boolean {
	const value = request[name];
	if (value === undefined) return false;
	if (typeof value !== 'boolean')
		throw reasoned('INVALID_PARAMETER', `Invalid value for parameter ${name}.`);
	return value;
}

export function destinationFolder(destinationPath: string): string {
	if (!destinationPath.startsWith('/') || /[^\p{L}\p{M}\p{N}/_-]/u.test(destinationPath)) {
		throw reasoned('INVALID_FOLDER_PATH', `Invalid destinationPath ${destinationPath}.`);
	}
	return normalizeFolderPath(destinationPath);
}

/** The source file and the destination folder of a copy or move, checked as ImageKit does. */
function transferRequest({ body, state }: RouteContext): {
	source: StoredFile;
	folderPath: string;
	request: Record<string, unknown>;
} {
	const request = jsonObjectBody(body);
	const sourceFilePath = requiredString(request, 'sourceFilePath');
	const folderPath = destinationFolder(requiredString(request, 'destinationPath'));
	const source = state.fileAtPath(sourceFilePath);
	if (!source) {
		throw new ApiError(404, `No file found with filePath \`${sourceFilePath}\`.`, {
			reason: 'SOURCE_FILE_MISSING',
		});
	}
	if (source.folderPath === folderPath) {
		throw reasoned(
			'SAME_SOURCE_AND_DESTINATION',
			'Source and destination folders cannot be the same.',
		);
	}
	return { source, folderPath, request };
}

/** The copy is a new file (or new versions of a same-name file there), each version with a new id. */
function copyFile(context: RouteContext) {
	const { source, folderPath, request } = transferRequest(context);
	const { state } = context;
	const versions = optionalBoolean(request, 'includeFileVersions')
		? allVersionsOf(source)
		: [snapshotOf(source)];
	const copies = versions.map((version) => ({
		...version,
		version: { ...version.version, id: state.nextId() },
	}));
	placeVersions(state, copies, folderPath);
	// The spec declares an empty JSON object; Node's HTTP server drops any 204 body anyway.
	return { status: 204, body: {} };
}

function moveFile(context: RouteContext) {
	const { source, folderPath } = transferRequest(context);
	const { state } = context;
	state.files.delete(source.fileId);
	try {
		placeVersions(state, allVersionsOf(source), folderPath, source.fileId);
	} catch (error) {
		state.files.set(source.fileId, source);
		throw error;
	}
	// The spec declares an empty JSON object; Node's HTTP server drops any 204 body anyway.
	return { status: 204, body: {} };
}

function renameFile({ body, state }: RouteContext) {
	const request = jsonObjectBody(body);
	const filePath = requiredString(request, 'filePath');
	const newFileName = requiredString(request, 'newFileName').replace(
		/[^\p{L}\p{M}\p{N}._-]/gu,
		'_',
	);
	const purgeCache = optionalBoolean(request, 'purgeCache');
	const file = state.fileAtPath(filePath);
	if (!file) {
		throw new ApiError(404, `No file found in media library at filePath ${filePath}`, {
			reason: 'FILE_MISSING',
		});
	}
	if (newFileName === file.name) {
		throw reasoned('SAME_OLD_AND_NEW_NAME', 'newFileName cannot be the same as its existing name.');
	}
	const newPath = `${file.folderPath}${newFileName}`;
	if (state.fileAtPath(newPath)) {
		throw new ApiError(409, `File with name ${newFileName} already exists at the same location.`, {
			reason: 'FILE_ALREADY_EXISTS',
		});
	}
	for (const version of [file, ...(file.previousVersions ?? [])]) {
		version.name = newFileName;
		version.filePath = newPath;
	}
	file.updatedAt = state.now();
	if (!purgeCache) return { status: 200, body: {} };
	if (state.purgeRateLimited) {
		return {
			status: 207,
			body: {
				reason: 'PURGE_FAILED',
				message:
					'File renamed successfully but we could not purge the CDN cache for old URL because of rate limits on purge API.',
				help: HELP_TEXT,
			},
		};
	}
	const purgeRequestId = state.nextId();
	const url = `${state.config.urlEndpoint}${encodeURI(filePath)}*`;
	state.purgeRequests.set(purgeRequestId, {
		requestId: purgeRequestId,
		url,
		pendingPollsLeft: state.config.purgePendingPolls,
	});
	return { status: 200, body: { purgeRequestId } };
}

type TagField = 'tags' | 'AITags';

/** The validated `{fileIds, <field>}` of a bulk tag request, with ImageKit's messages. */
function bulkTagRequest(
	body: RouteContext['body'],
	field: TagField,
): { fileIds: string[]; names: string[] } {
	const request = jsonObjectBody(body);
	const { fileIds } = request;
	if (fileIds === undefined) throw badRequest('fileIds parameter is missing.');
	if (!Array.isArray(fileIds) || fileIds.some((fileId) => typeof fileId !== 'string')) {
		throw badRequest('fileIds should be an Array.');
	}
	if (fileIds.length === 0) throw badRequest('fileIds is empty.');
	if (fileIds.length > MAX_BULK_TAG_IDS)
		throw badRequest('A maximum of 50 files can be edited at a time.');
	const names = request[field];
	if (names === undefined) throw badRequest(`${field} parameter is missing.`);
	if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) {
		throw badRequest(
			`Your request contains invalid value for ${field}. Please provide an array of strings.`,
		);
	}
	if (names.length === 0) throw badRequest(`${field} array cannot be empty.`);
	if (field === 'tags' && names.join('').length > MAX_COMBINED_TAG_LENGTH) {
		throw badRequest(
			'Your request contains invalid value for tags parameter. Combined length of all tags should be less than or equal to 500.',
		);
	}
	return { fileIds: Array.from(new Set(fileIds as string[])), names: names as string[] };
}

/** Changes one file's tags, or says why it cannot. */
type TagChange = (file: StoredFile, names: string[]) => string | undefined;

const addTags: TagChange = (file, names) => {
	const tags = Array.from(new Set([...(file.tags ?? []), ...names]));
	if (tags.join('').length > MAX_COMBINED_TAG_LENGTH) {
		return 'Combined length of all tags should be less than or equal to 500.';
	}
	file.tags = tags;
	return undefined;
};

const removeTags: TagChange = (file, names) => {
	const tags = (file.tags ?? []).filter((tag) => !names.includes(tag));
	file.tags = tags.length === 0 ? null : tags;
	return undefined;
};

const removeAITags: TagChange = (file, names) => {
	const tags = (file.AITags ?? []).filter((tag) => !names.includes(tag.name));
	file.AITags = tags.length === 0 ? null : tags;
	return undefined;
};

/**
 * 404 naming the missing ids when any id does not exist (docs.imagekit.io "Remove tags (bulk)"
 * shows it naming 2 of 4 ids), changing nothing unless `bulkTagsAllOrNothing` is off; otherwise
 * 200, or 207 with an error per file that could not be changed.
 */
function bulkTagRoute(
	field: TagField,
	change: TagChange,
	namesMissingIds: (state: EmulatorState) => boolean,
) {
	return ({ body, state }: RouteContext) => {
		const { fileIds, names } = bulkTagRequest(body, field);
		const missingFileIds = fileIds.filter((fileId) => !state.files.has(fileId));
		const existing = fileIds.filter((fileId) => state.files.has(fileId));
		if (missingFileIds.length > 0 && state.config.behaviour.bulkTagsAllOrNothing) {
			throw missingFiles(state, missingFileIds, namesMissingIds);
		}
		const successfullyUpdatedFileIds: string[] = [];
		const errors: Array<{ fileId: string; error: string }> = [];
		for (const fileId of existing) {
			const file = state.files.get(fileId) as StoredFile;
			const error = change(file, names);
			if (error) {
				errors.push({ fileId, error });
				continue;
			}
			file.updatedAt = state.now();
			successfullyUpdatedFileIds.push(fileId);
		}
		if (missingFileIds.length > 0) throw missingFiles(state, missingFileIds, namesMissingIds);
		if (errors.length === 0) return { status: 200, body: { successfullyUpdatedFileIds } };
		return { status: 207, body: { successfullyUpdatedFileIds, errors } };
	};
}

function missingFiles(
	state: EmulatorState,
	missingFileIds: string[],
	namesMissingIds: (state: EmulatorState) => boolean,
): ApiError {
	return new ApiError(
		404,
		'The requested file(s) does not exist.',
		namesMissingIds(state) ? { missingFileIds } : {},
	);
}

export const fileManagementRoutes: Route[] = [
	{ method: 'POST', path: '/v1/files/copy', handle: copyFile },
	{ method: 'POST', path: '/v1/files/move', handle: moveFile },
	{ method: 'PUT', path: '/v1/files/rename', handle: renameFile },
	{ method: 'POST', path: '/v1/files/addTags', handle: bulkTagRoute('tags', addTags, () => true) },
	{
		method: 'POST',
		path: '/v1/files/removeTags',
		handle: bulkTagRoute('tags', removeTags, () => true),
	},
	// The spec lists no missingFileIds for removeAITags: whether it names them is a switch.
	{
		method: 'POST',
		path: '/v1/files/removeAITags',
		handle: bulkTagRoute(
			'AITags',
			removeAITags,
			(state) => state.config.behaviour.removeAITagsNamesMissingIds,
		),
	},
];
