import { ApiError, badRequest, HELP_TEXT } from '../errors';
import type { Route, RouteContext } from '../router';
import { normalizeFolderPath, type BulkJob, type EmulatorState } from '../state';
import { jsonObjectBody } from './file-fields';
import { destinationFolder, optionalBoolean, reasoned, requiredString } from './file-management';
import { allVersionsOf, placeVersions, snapshotOf } from './versions';

/**
 * Folders and the bulk jobs that copy, move and rename them (API.md §3.13). Folder paths are kept
 * as `/a/b/`. A job's effect applies when it completes, after `bulkJobPendingPolls` status polls
 * answered "Pending"; until then its folders are locked against other bulk jobs (423).
 */

const SOURCE_LOCKED = 'A bulk job is running on given folder path, please try after sometime.';
const DESTINATION_LOCKED = 'Destination folder path is already locked. Please try after sometime.';

function parentOf(folderPath: string): string {
	return normalizeFolderPath(folderPath.split('/').slice(0, -2).join('/'));
}

function nameOf(folderPath: string): string {
	return folderPath.split('/').slice(-2, -1)[0];
}

/** One folder lies inside the other, or they are the same. */
function overlaps(first: string, second: string): boolean {
	return first.startsWith(second) || second.startsWith(first);
}

function isPending(job: BulkJob): boolean {
	return job.run !== undefined;
}

function assertUnlocked(state: EmulatorState, folderPath: string, message: string): void {
	for (const job of state.bulkJobs.values()) {
		if (isPending(job) && job.lockedPaths.some((locked) => overlaps(locked, folderPath))) {
			throw new ApiError(423, message);
		}
	}
}

/** Runs the job's effect once, and requests the purge a rename asked for. */
function complete(state: EmulatorState, job: BulkJob): void {
	if (!job.run) return;
	job.run();
	job.run = undefined;
	if (job.purgeUrl === undefined) return;
	if (state.purgeRateLimited) {
		job.purge = 'failed';
		return;
	}
	const requestId = state.nextId();
	state.purgeRequests.set(requestId, {
		requestId,
		url: job.purgeUrl,
		pendingPollsLeft: state.config.purgePendingPolls,
	});
	job.purge = { requestId };
}

function startJob(
	state: EmulatorState,
	job: Omit<BulkJob, 'jobId' | 'pendingPollsLeft'>,
): { jobId: string } {
	const started: BulkJob = {
		...job,
		jobId: state.nextId(),
		pendingPollsLeft: state.config.bulkJobPendingPolls,
	};
	state.bulkJobs.set(started.jobId, started);
	if (started.pendingPollsLeft === 0) complete(state, started);
	return { jobId: started.jobId };
}

/** Moves every folder and file under `from` to `to`, files with all their versions and ids. */
function relocate(state: EmulatorState, from: string, to: string): void {
	const now = state.now();
	for (const folder of Array.from(state.folders.values())) {
		if (!folder.folderPath.startsWith(from)) continue;
		state.folders.delete(folder.folderPath);
		const folderPath = to + folder.folderPath.slice(from.length);
		if (!state.folders.has(folderPath)) {
			state.folders.set(folderPath, {
				...folder,
				folderPath,
				name: nameOf(folderPath),
				updatedAt: now,
			});
		}
	}
	state.ensureFolder(to);
	for (const file of Array.from(state.files.values())) {
		if (!file.folderPath.startsWith(from)) continue;
		state.files.delete(file.fileId);
		placeVersions(state, allVersionsOf(file), to + file.folderPath.slice(from.length), file.fileId);
	}
}

/** Copies every folder and file under `from` to `to`; each copied version gets a new id. */
function duplicate(state: EmulatorState, from: string, to: string, includeVersions: boolean): void {
	const folders = Array.from(state.folders.keys()).filter((folderPath) =>
		folderPath.startsWith(from),
	);
	const files = Array.from(state.files.values()).filter((file) => file.folderPath.startsWith(from));
	for (const folderPath of folders) state.ensureFolder(to + folderPath.slice(from.length));
	for (const file of files) {
		const versions = includeVersions ? allVersionsOf(file) : [snapshotOf(file)];
		const copies = versions.map((version) => ({
			...version,
			version: { ...version.version, id: state.nextId() },
		}));
		placeVersions(state, copies, to + file.folderPath.slice(from.length));
	}
}

function createFolder({ body, state }: RouteContext) {
	const request = jsonObjectBody(body);
	const folderName = requiredString(request, 'folderName');
	const parentFolderPath = requiredString(request, 'parentFolderPath');
	const segments = [...parentFolderPath.split('/'), folderName];
	if (segments.some((segment) => segment === '.' || segment === '..')) {
		throw reasoned('INVALID_FOLDER_PATH', "'.' & '..' can not be used as folder-name");
	}
	const name = folderName.replace(/[^\p{L}\p{M}\p{N}]/gu, '_');
	state.ensureFolder(`${normalizeFolderPath(parentFolderPath)}${name}/`);
	return { status: 201, body: {} };
}

function deleteFolder({ body, state }: RouteContext) {
	const request = jsonObjectBody(body);
	const folderPath = normalizeFolderPath(requiredString(request, 'folderPath'));
	if (!state.folders.has(folderPath)) {
		throw new ApiError(
			404,
			`No folder found with folderPath \`${request.folderPath as string}\`.`,
			{
				reason: 'FOLDER_NOT_FOUND',
			},
		);
	}
	for (const path of Array.from(state.folders.keys()))
		if (path.startsWith(folderPath)) state.folders.delete(path);
	for (const file of Array.from(state.files.values())) {
		if (file.folderPath.startsWith(folderPath)) state.files.delete(file.fileId);
	}
	// The spec declares an empty JSON object; Node's HTTP server drops any 204 body anyway.
	return { status: 204, body: {} };
}

/** The checked source and destination of a folder copy or move, and where the folder ends up. */
function transferRequest({ body, state }: RouteContext, verb: 'copy' | 'move') {
	const request = jsonObjectBody(body);
	const sourceFolderPath = requiredString(request, 'sourceFolderPath');
	const destination = destinationFolder(requiredString(request, 'destinationPath'));
	const source = normalizeFolderPath(sourceFolderPath);
	if (source === '/') throw reasoned('SOURCE_IS_ROOT', 'sourceFolderPath cannot be root.');
	if (source === destination || parentOf(source) === destination) {
		throw reasoned('SAME_SOURCE_AND_DESTINATION', 'sourceFolderPath and destinationPath is same');
	}
	if (verb === 'move' && destination.startsWith(source)) {
		throw reasoned(
			'INVALID_DESTINATION_PATH',
			'This operation is not allowed because parent folder cannot be moved into child folder.',
		);
	}
	if (!state.folders.has(source)) {
		throw new ApiError(
			404,
			`No files & folder found at sourceFolderPath \`${sourceFolderPath}\`.`,
			{
				reason: 'NO_FILES_FOLDER',
			},
		);
	}
	assertUnlocked(state, source, SOURCE_LOCKED);
	assertUnlocked(state, destination, DESTINATION_LOCKED);
	return { request, source, destination, target: `${destination}${nameOf(source)}/` };
}

function copyFolder(context: RouteContext) {
	const { request, source, destination, target } = transferRequest(context, 'copy');
	const includeVersions = optionalBoolean(request, 'includeVersions');
	const { state } = context;
	const job = startJob(state, {
		type: 'COPY_FOLDER',
		lockedPaths: [source, destination],
		run: () => duplicate(state, source, target, includeVersions),
	});
	return { status: 200, body: job };
}

function moveFolder(context: RouteContext) {
	const { source, destination, target } = transferRequest(context, 'move');
	const { state } = context;
	const job = startJob(state, {
		type: 'MOVE_FOLDER',
		lockedPaths: [source, destination],
		run: () => relocate(state, source, target),
	});
	return { status: 200, body: job };
}

function renameFolder({ body, state }: RouteContext) {
	const request = jsonObjectBody(body);
	for (const name of ['folderPath', 'newFolderName']) {
		if (typeof request[name] !== 'string' || request[name] === '')
			throw badRequest(`${name} parameter is missing.`);
	}
	const source = normalizeFolderPath(request.folderPath as string);
	if (source === '/') throw badRequest('folderPath cannot be root.');
	const purgeCache = optionalBoolean(request, 'purgeCache');
	if (!state.folders.has(source)) throw new ApiError(404, 'Source folder not found.');
	const newName = (request.newFolderName as string).replace(/[^\p{L}\p{M}\p{N}-]/gu, '_');
	const target = `${parentOf(source)}${newName}/`;
	if (state.folders.has(target)) {
		throw new ApiError(409, 'Folder with name newFolderName already exists at the same location.');
	}
	assertUnlocked(state, source, SOURCE_LOCKED);
	assertUnlocked(state, target, SOURCE_LOCKED);
	const job = startJob(state, {
		type: 'RENAME_FOLDER',
		lockedPaths: [source, target],
		run: () => relocate(state, source, target),
		purgeUrl: purgeCache
			? `${state.config.urlEndpoint}${encodeURI(source.slice(0, -1))}*`
			: undefined,
	});
	return { status: 202, body: job };
}

function jobStatus({ params, state }: RouteContext) {
	const job = state.bulkJobs.get(params.jobId);
	if (!job) throw new ApiError(404, 'The requested job does not exist.');
	const { jobId, type } = job;
	if (job.pendingPollsLeft > 0) {
		job.pendingPollsLeft -= 1;
		return { status: 200, body: { jobId, type, status: 'Pending' } };
	}
	complete(state, job);
	if (job.purge === 'failed') {
		return {
			status: 207,
			body: {
				jobId,
				type,
				status: 'Partial success',
				message: 'Folder renamed successfully but purging cache on nested files failed.',
				help: HELP_TEXT,
			},
		};
	}
	const purgeRequestId = job.purge?.requestId;
	return {
		status: 200,
		body: { jobId, type, status: 'Completed', ...(purgeRequestId && { purgeRequestId }) },
	};
}

export const folderRoutes: Route[] = [
	{ method: 'POST', path: '/v1/folder', handle: createFolder },
	{ method: 'DELETE', path: '/v1/folder', handle: deleteFolder },
	{ method: 'POST', path: '/v1/bulkJobs/copyFolder', handle: copyFolder },
	{ method: 'POST', path: '/v1/bulkJobs/moveFolder', handle: moveFolder },
	{ method: 'POST', path: '/v1/bulkJobs/renameFolder', handle: renameFolder },
	{ method: 'GET', path: '/v1/bulkJobs/:jobId', handle: jobStatus },
];
