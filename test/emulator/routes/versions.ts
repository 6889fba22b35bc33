import { ApiError, badRequest } from '../errors';
import type { Route, RouteContext } from '../router';
import {
	MAX_FILE_VERSIONS,
	type EmulatorState,
	type StoredFile,
	type StoredVersion,
} from '../state';
import { fileDetailsView, type FileDetails } from '../views';
import { requireFile } from './file-fields';

/** A copy of the file as it is now, to keep as an older version; nested objects are copied as updates mutate them. */
export function snapshotOf(file: StoredFile): StoredVersion {
	const { previousVersions: _previousVersions, ...version } = file;
	return {
		...version,
		customMetadata: { ...version.customMetadata },
		extensions: [...version.extensions],
	};
}

/** Every version of a file, oldest first, the current one last. */
export function allVersionsOf(file: StoredFile): StoredVersion[] {
	return [...(file.previousVersions ?? []), snapshotOf(file)];
}

export function versionLimitExceeded(): ApiError {
	return badRequest(`A file can have at most ${MAX_FILE_VERSIONS} versions.`, {
		reason: 'VERSION_LIMIT_EXCEEDED',
	});
}

/**
 * Stores `versions` (oldest first) as one file at `folderPath`. A file already there keeps its id and
 * gets them appended to its history; otherwise the file gets `fileId`, or a new id.
 */
export function placeVersions(
	state: EmulatorState,
	versions: StoredVersion[],
	folderPath: string,
	fileId?: string,
): void {
	const name = versions[versions.length - 1].name;
	const filePath = `${folderPath}${name}`;
	const target = state.fileAtPath(filePath);
	const history = target ? [...allVersionsOf(target), ...versions] : versions;
	if (history.length > MAX_FILE_VERSIONS) throw versionLimitExceeded();
	const id = target?.fileId ?? fileId ?? state.nextId();
	const placed = history.map((version, index) => ({
		...version,
		fileId: id,
		name,
		folderPath,
		filePath,
		version: { id: version.version.id, number: index + 1 },
	}));
	const current = placed.pop()!;
	state.ensureFolder(folderPath);
	state.files.set(id, { ...current, updatedAt: state.now(), previousVersions: placed });
}

/** An older version as the versions endpoints show it; its URL names the version. */
export function versionView(version: StoredVersion, urlEndpoint: string): FileDetails {
	const view = fileDetailsView(version, urlEndpoint);
	const url = `${urlEndpoint}${encodeURI(version.filePath)}?ik-obj-version=${version.version.id}`;
	return { ...view, type: 'file-version', url };
}

function requireVersionId(versionId: string): string {
	if (!/^[0-9a-f]{24}$/i.test(versionId))
		throw badRequest('Your request contains invalid versionId parameter.');
	return versionId;
}

function listVersions({ params, state }: RouteContext) {
	const file = requireFile(state, params.fileId);
	const { urlEndpoint } = state.config;
	const older = (file.previousVersions ?? []).map((version) => versionView(version, urlEndpoint));
	return { status: 200, body: [...older, fileDetailsView(file, urlEndpoint)] };
}

function getVersion({ params, state }: RouteContext) {
	const file = requireFile(state, params.fileId);
	const versionId = requireVersionId(params.versionId);
	const { urlEndpoint } = state.config;
	if (file.version.id === versionId)
		return { status: 200, body: fileDetailsView(file, urlEndpoint) };
	const version = file.previousVersions?.find((candidate) => candidate.version.id === versionId);
	if (!version) throw new ApiError(404, 'The requested file version does not exist.');
	return { status: 200, body: versionView(version, urlEndpoint) };
}

function deleteVersion({ params, state }: RouteContext) {
	const file = requireFile(state, params.fileId, 'The requested asset does not exist.');
	const versionId = requireVersionId(params.versionId);
	if (file.version.id === versionId)
		throw badRequest('You cannot delete current version of a file.');
	const remaining = (file.previousVersions ?? []).filter(
		(version) => version.version.id !== versionId,
	);
	if (remaining.length === (file.previousVersions ?? []).length) {
		throw new ApiError(404, 'The requested asset does not exist.');
	}
	file.previousVersions = remaining;
	// The spec declares an empty JSON object; Node's HTTP server drops any 204 body anyway.
	return { status: 204, body: {} };
}

/** The chosen version becomes current; the version it replaces joins the history. */
function restoreVersion({ params, state }: RouteContext) {
	const file = requireFile(state, params.fileId);
	const versionId = requireVersionId(params.versionId);
	const { urlEndpoint } = state.config;
	if (file.version.id === versionId)
		return { status: 200, body: fileDetailsView(file, urlEndpoint) };
	const restored = file.previousVersions?.find((version) => version.version.id === versionId);
	if (!restored) throw new ApiError(404, 'The requested file version does not exist.');
	const history = [
		...file.previousVersions!.filter((version) => version !== restored),
		snapshotOf(file),
	];
	const current: StoredFile = { ...restored, updatedAt: state.now(), previousVersions: history };
	state.files.set(file.fileId, current);
	return { status: 200, body: fileDetailsView(current, urlEndpoint) };
}

export const versionRoutes: Route[] = [
	{ method: 'GET', path: '/v1/files/:fileId/versions', handle: listVersions },
	{ method: 'GET', path: '/v1/files/:fileId/versions/:versionId', handle: getVersion },
	{ method: 'DELETE', path: '/v1/files/:fileId/versions/:versionId', handle: deleteVersion },
	{ method: 'PUT', path: '/v1/files/:fileId/versions/:versionId/restore', handle: restoreVersion },
];
