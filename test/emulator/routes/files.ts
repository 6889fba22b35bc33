import { ApiError, badRequest } from '../errors';
import type { Route, RouteContext } from '../router';
import { compileSearchQuery, SearchQueryError, type SearchableAsset } from '../search-query';
import {
	normalizeFolderPath,
	type EmulatorState,
	type StoredFile,
	type StoredFolder,
} from '../state';
import { fileDetailsView, folderDetailsView } from '../views';
import {
	isPlainObject,
	jsonObjectBody,
	pendingExtensionStatus,
	requireFile,
	validateCustomCoordinates,
	validateCustomMetadata,
	validateExtensions,
	validateTags,
	validateWebhookUrl,
} from './file-fields';

const MAX_LIST_LIMIT = 1000;
const MAX_BULK_DELETE_IDS = 100;
const LIST_TYPES = ['file', 'file-version', 'folder', 'all'];
const FILE_TYPES = ['all', 'image', 'non-image'];

type Asset = { kind: 'file'; file: StoredFile } | { kind: 'folder'; folder: StoredFolder };

/** `ASC_RELEVANCE` / `DESC_RELEVANCE` keep the stored order: the emulator does not score relevance. */
const SORT_KEYS: Record<string, (asset: Asset) => number | string> = {
	NAME: (asset) => (asset.kind === 'file' ? asset.file.name : asset.folder.name),
	CREATED: (asset) =>
		(asset.kind === 'file' ? asset.file.createdAt : asset.folder.createdAt).getTime(),
	UPDATED: (asset) =>
		(asset.kind === 'file' ? asset.file.updatedAt : asset.folder.updatedAt).getTime(),
	HEIGHT: (asset) => (asset.kind === 'file' ? (asset.file.content.height ?? 0) : 0),
	WIDTH: (asset) => (asset.kind === 'file' ? (asset.file.content.width ?? 0) : 0),
	SIZE: (asset) => (asset.kind === 'file' ? asset.file.content.size : 0),
	RELEVANCE: () => 0,
};

function integerParameter(query: URLSearchParams, name: string, defaultValue: number): number {
	const raw = query.get(name);
	if (raw === null) return defaultValue;
	if (!/^-?\d+$/.test(raw.trim())) {
		throw badRequest(
			`Your request contains invalid value for ${name} parameter. Value sent is ${raw}.`,
		);
	}
	return Number(raw);
}

function parentFolderOf(folderPath: string): string {
	return normalizeFolderPath(folderPath.split('/').slice(0, -2).join('/'));
}

function searchable(asset: Asset): SearchableAsset {
	if (asset.kind === 'folder') {
		const { folder } = asset;
		return {
			type: 'folder',
			name: folder.name,
			folderPath: parentFolderOf(folder.folderPath),
			tags: [],
			customMetadata: {},
			createdAt: folder.createdAt,
			updatedAt: folder.updatedAt,
		};
	}
	const { file } = asset;
	return {
		type: 'file',
		name: file.name,
		folderPath: file.folderPath,
		// `tags IN [...]` matches AI tags too (changelog.imagekit.io "Improved Media List and Search
		// API"; imagekit-developer/skills search-assets: "Matches both tags and AITags").
		tags: [...(file.tags ?? []), ...(file.AITags ?? []).map((tag) => tag.name)],
		format: file.content.format,
		size: file.content.size,
		width: file.content.width,
		height: file.content.height,
		isPrivateFile: file.isPrivateFile,
		isPublished: file.isPublished,
		customMetadata: file.customMetadata,
		createdAt: file.createdAt,
		updatedAt: file.updatedAt,
	};
}

/**
 * Versions other than the current one are not modelled yet, so `file-version` lists nothing. Files
 * not yet indexed (see `searchableAt`) are left out.
 */
function assetsOfType(state: EmulatorState, type: string, now: Date): Asset[] {
	const files: Asset[] = Array.from(state.files.values())
		.filter((file) => file.searchableAt === undefined || file.searchableAt <= now)
		.map((file) => ({ kind: 'file', file }));
	const folders: Asset[] = Array.from(state.folders.values(), (folder) => ({
		kind: 'folder',
		folder,
	}));
	if (type === 'file') return files;
	if (type === 'folder') return folders;
	return type === 'all' ? [...folders, ...files] : [];
}

function selectAssets(state: EmulatorState, query: URLSearchParams, type: string): Asset[] {
	const searchQuery = query.get('searchQuery');
	// The legacy `tags` and `name` parameters are not in the current spec: the emulator ignores
	// them, as ImageKit may (API.md §10), so a client relying on them gets everything back.
	const now = state.now();
	if (!searchQuery) return assetsOfType(state, type, now);
	try {
		const search = compileSearchQuery(searchQuery, now, state.config.behaviour.searchDates);
		const candidates = assetsOfType(state, search.filtersOnType ? 'all' : 'file', now);
		return candidates.filter((asset) => search.matches(searchable(asset)));
	} catch (error) {
		if (error instanceof SearchQueryError) throw badRequest(error.message);
		throw error;
	}
}

function listAssets({ query, state }: RouteContext) {
	const type = query.get('type') ?? 'file';
	if (!LIST_TYPES.includes(type)) {
		throw badRequest(
			'Your request contains invalid value for type parameter. Please provide one of the following: file, file-version, folder, all.',
		);
	}
	const fileType = query.get('fileType') ?? 'all';
	if (!FILE_TYPES.includes(fileType)) {
		throw badRequest(
			'Your request contains invalid value for fileType parameter. Please provide one of the following: all, image, non-image.',
		);
	}
	const sort = /^(ASC|DESC)_([A-Z]+)$/.exec(query.get('sort') ?? 'ASC_CREATED');
	const sortKey = sort && SORT_KEYS[sort[2]];
	if (!sort || !sortKey)
		throw badRequest('Your request contains invalid value for sort parameters.');
	const limit = integerParameter(query, 'limit', MAX_LIST_LIMIT);
	if (limit < 1) throw badRequest(`Minimum value of limit parameter is 1. Value sent is ${limit}.`);
	if (limit > MAX_LIST_LIMIT) {
		throw badRequest(
			`Maximum value of limit parameter is ${MAX_LIST_LIMIT}. Value sent is ${limit}.`,
		);
	}
	const skip = integerParameter(query, 'skip', 0);
	if (skip < 0) {
		throw badRequest(
			`The value of skip parameter should be greater than or equal to 0. Value sent is ${skip}.`,
		);
	}
	const path = query.get('path');
	const folderPath = path === null ? undefined : normalizeFolderPath(path);

	const direction = sort[1] === 'ASC' ? 1 : -1;
	const assets = selectAssets(state, query, type)
		.filter((asset) => folderPath === undefined || searchable(asset).folderPath === folderPath)
		.filter(
			(asset) =>
				fileType === 'all' || (asset.kind === 'file' && asset.file.content.fileType === fileType),
		)
		.sort((a, b) => {
			const [keyA, keyB] = [sortKey(a), sortKey(b)];
			return keyA < keyB ? -direction : keyA > keyB ? direction : 0;
		})
		.slice(skip, skip + limit);
	const { urlEndpoint } = state.config;
	return {
		status: 200,
		body: assets.map((asset) =>
			asset.kind === 'file'
				? fileDetailsView(asset.file, urlEndpoint)
				: folderDetailsView(asset.folder),
		),
	};
}

function getDetails({ params, state }: RouteContext) {
	return {
		status: 200,
		body: fileDetailsView(requireFile(state, params.fileId), state.config.urlEndpoint),
	};
}

interface DetailsUpdate {
	removeAITags?: 'all' | string[];
	tags?: string[] | null;
	customCoordinates?: string | null;
	customMetadata?: Record<string, unknown>;
	description?: string;
	extensions: unknown[];
	webhookUrl?: string;
	isPublished?: boolean;
}

/** Validates the whole request before anything changes. Both body shapes of the spec are accepted. */
function parseDetailsUpdate(request: Record<string, unknown>, state: EmulatorState): DetailsUpdate {
	const update: DetailsUpdate = { extensions: [] };
	const {
		removeAITags,
		tags,
		customCoordinates,
		customMetadata,
		description,
		extensions,
		webhookUrl,
		publish,
	} = request;
	if (removeAITags !== undefined) {
		const isTagList =
			Array.isArray(removeAITags) && removeAITags.every((tag) => typeof tag === 'string');
		if (removeAITags !== 'all' && !isTagList) {
			throw badRequest(
				'Your request contains invalid value for removeAITags parameter. Please provide an array of strings or "all".',
			);
		}
		update.removeAITags = removeAITags as 'all' | string[];
	}
	if (tags !== undefined) update.tags = tags === null ? null : validateTags(tags);
	if (customCoordinates !== undefined) {
		update.customCoordinates =
			customCoordinates === null ? null : validateCustomCoordinates(customCoordinates);
	}
	if (customMetadata !== undefined)
		update.customMetadata = validateCustomMetadata(customMetadata, state, true);
	if (description !== undefined) {
		if (typeof description !== 'string') {
			throw badRequest('Your request contains invalid value for description parameter.');
		}
		update.description = description;
	}
	if (extensions !== undefined) update.extensions = validateExtensions(extensions);
	if (webhookUrl !== undefined) update.webhookUrl = validateWebhookUrl(webhookUrl);
	if (publish !== undefined) {
		if (!isPlainObject(publish) || typeof publish.isPublished !== 'boolean') {
			throw badRequest(
				'Your request contains invalid value for publish parameter. publish.isPublished should be a boolean.',
			);
		}
		update.isPublished = publish.isPublished;
	}
	return update;
}

function applyDetailsUpdate(file: StoredFile, update: DetailsUpdate, now: Date): void {
	if (update.removeAITags === 'all') file.AITags = null;
	else if (update.removeAITags) {
		const removed = new Set(update.removeAITags);
		const remaining = (file.AITags ?? []).filter((tag) => !removed.has(tag.name));
		file.AITags = remaining.length === 0 ? null : remaining;
	}
	if (update.tags !== undefined) file.tags = update.tags;
	if (update.customCoordinates !== undefined) file.customCoordinates = update.customCoordinates;
	if (update.customMetadata) {
		// A key sent as null removes that key; the others are set.
		for (const [key, value] of Object.entries(update.customMetadata)) {
			if (value === null) delete file.customMetadata[key];
			else file.customMetadata[key] = value;
		}
	}
	if (update.description !== undefined) file.description = update.description;
	if (update.webhookUrl !== undefined) file.webhookUrl = update.webhookUrl;
	if (update.isPublished !== undefined) file.isPublished = update.isPublished;
	file.extensions.push(...update.extensions);
	file.updatedAt = now;
}

function updateDetails({ params, body, state }: RouteContext) {
	const file = requireFile(state, params.fileId);
	const update = parseDetailsUpdate(jsonObjectBody(body), state);
	applyDetailsUpdate(file, update, state.now());
	const extensionStatus = pendingExtensionStatus(update.extensions);
	return {
		status: 200,
		body: {
			...fileDetailsView(file, state.config.urlEndpoint),
			...(extensionStatus && { extensionStatus }),
		},
	};
}

function deleteFile({ params, state }: RouteContext) {
	state.files.delete(requireFile(state, params.fileId).fileId);
	return { status: 204 };
}

function bulkDelete({ body, state }: RouteContext) {
	const { fileIds } = jsonObjectBody(body);
	if (fileIds === undefined) throw badRequest('fileIds parameter is missing.');
	if (!Array.isArray(fileIds) || fileIds.some((fileId) => typeof fileId !== 'string')) {
		throw badRequest('fileIds should be an Array.');
	}
	if (fileIds.length === 0) throw badRequest('fileIds is empty.');
	if (fileIds.length > MAX_BULK_DELETE_IDS) {
		throw badRequest(`fileIds cannot have more than ${MAX_BULK_DELETE_IDS} items.`);
	}
	const requested = Array.from(new Set(fileIds as string[]));
	// All or nothing: docs.imagekit.io "Delete files (bulk)": "If any of the fileId is not found in
	// your media library then a 404 response is returned and no file is deleted."
	const missingFileIds = requested.filter((fileId) => !state.files.has(fileId));
	if (missingFileIds.length > 0) {
		throw new ApiError(404, 'The requested file(s) does not exist.', { missingFileIds });
	}
	for (const fileId of requested) state.files.delete(fileId);
	return { status: 200, body: { successfullyDeletedFileIds: requested } };
}

export const fileRoutes: Route[] = [
	{ method: 'GET', path: '/v1/files', handle: listAssets },
	{ method: 'POST', path: '/v1/files/batch/deleteByFileIds', handle: bulkDelete },
	{ method: 'GET', path: '/v1/files/:fileId/details', handle: getDetails },
	{ method: 'PATCH', path: '/v1/files/:fileId/details', handle: updateDetails },
	{ method: 'DELETE', path: '/v1/files/:fileId', handle: deleteFile },
];
