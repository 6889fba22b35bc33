import type { FileDetails, ListFilesOptions, ListSort } from '../ImageKit/client';
import { allOf, grouped, LIST_PAGE_LIMIT, where, whereIn } from '../ImageKit/client';

/** The file date a poll follows: creation for new files, last change for updated ones. */
export type WatchedField = 'createdAt' | 'updatedAt';

/**
 * How far behind the newest date read each poll starts reading again: 5 minutes. ImageKit's search
 * can show a file late, after files with newer dates (indexing lag), and does not document how
 * precisely it compares dates (API.md §10), so every poll reads again what it read in the last
 * 5 minutes of dates and skips by ID what it emitted already. A file that shows up later than that,
 * with a date older than the window, is not emitted.
 */
export const LAG_WINDOW_MS = 5 * 60_000;

/**
 * At most this many files are remembered inside the window. With more, the window shrinks (the
 * cursor moves on past the oldest ones) so that the node's static data stays small; files are still
 * emitted once, only a late file is missed sooner.
 */
export const MAX_REMEMBERED_FILES = 1000;

/**
 * Where the polls stand. Every matching file dated before `since` has been emitted (or was there at
 * activation); of those dated at or after it, the ones in `seen` have been. No `since` means no
 * matching file existed yet, so every match is new.
 */
export interface PollCursor {
	field: WatchedField;
	/** A whole second in the form ImageKit documents for search dates: `YYYY-MM-DDTHH:MM:SS` (UTC). */
	since?: string;
	/** The files emitted dated at or after `since`: file ID → that date, in ms. */
	seen: Record<string, number>;
	/** Only for a cursor kept by an older version: the files dated before this (ms) were emitted. */
	emittedBefore?: number;
}

/** The cursor the previous version kept: the last date read, to the ms, and the files read at it. */
interface LegacyCursor {
	field: WatchedField;
	timestamp?: string;
	idsAtTimestamp: string[];
}

const SECOND_MS = 1000;

/** The whole second `time` (ms) falls in, as `YYYY-MM-DDTHH:MM:SS` in UTC. */
export function searchDate(time: number): string {
	return new Date(Math.floor(time / SECOND_MS) * SECOND_MS).toISOString().slice(0, 19);
}

/** ImageKit's search dates carry no zone: they are UTC, as a date alone is midnight UTC. */
function timeOf(since: string): number {
	return Date.parse(`${since}Z`);
}

/** The stored cursor, with one kept by the previous version carried over exactly. */
export function storedCursor(stored: unknown): PollCursor | undefined {
	const cursor = stored as Partial<PollCursor & LegacyCursor> | undefined;
	if (!cursor?.field) return undefined;
	if (cursor.seen) return cursor as PollCursor;
	const { field, timestamp, idsAtTimestamp = [] } = cursor as LegacyCursor;
	if (timestamp === undefined) return { field, seen: {} };
	const time = Date.parse(timestamp);
	return {
		field,
		since: searchDate(time),
		seen: Object.fromEntries(idsAtTimestamp.map((id) => [id, time])),
		emittedBefore: time,
	};
}

export interface FileFilters {
	/** Empty for the whole media library. */
	folder: string;
	includeSubfolders: boolean;
	tags: string[];
	fileType: NonNullable<ListFilesOptions['fileType']>;
	/** The user's own search expression, ANDed with the rest. */
	searchQuery: string;
}

export type ListFiles = (options: ListFilesOptions) => Promise<FileDetails[]>;

const SORT_FIELD: Record<WatchedField, string> = { createdAt: 'CREATED', updatedAt: 'UPDATED' };

function folderPath(folder: string): string {
	const trimmed = folder.trim().replace(/^\/+|\/+$/g, '');
	return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The list request for files matching the filters, oldest first, dated at or after `since`. */
export function matchingFilesQuery(
	filters: FileFilters,
	field: WatchedField,
	order: 'ASC' | 'DESC',
	since?: string,
): ListFilesOptions {
	const folder = filters.folder.trim() ? folderPath(filters.folder) : undefined;
	// The `path` parameter lists one folder only; `path :` in a search query includes subfolders.
	const inSubfolders = folder !== undefined && filters.includeSubfolders;
	const searchQuery = allOf(
		grouped(filters.searchQuery),
		// `tags IN` matches tags and AI tags alike (API.md §10).
		filters.tags.length > 0 && whereIn('tags', filters.tags),
		inSubfolders && folder !== '/' && where('path', ':', folder),
		since !== undefined && where(field, '>=', since),
	);
	return {
		sort: `${order}_${SORT_FIELD[field]}` as ListSort,
		...(searchQuery && { searchQuery }),
		...(folder !== undefined && !inSubfolders && { path: folder }),
		...(filters.fileType !== 'all' && { fileType: filters.fileType }),
	};
}

/**
 * Reads every matching file dated at or after the cursor's `since`, oldest first, and returns those
 * not emitted yet with the cursor after them. Each page restarts at the second of the newest date
 * read so far (files deleted or changed meanwhile cannot shift the pages); only a full page of files
 * within one second pages on with `skip`. Files the server returns from before `since` (if it
 * compares loosely) and files in `seen` with the same date are skipped, so nothing is emitted twice
 * whether ImageKit compares dates to the millisecond or to the second.
 */
export async function readFilesSince(
	listFiles: ListFiles,
	filters: FileFilters,
	cursor: PollCursor,
): Promise<{ files: FileDetails[]; cursor: PollCursor }> {
	const { field } = cursor;
	const seen = new Map(Object.entries(cursor.seen));
	const emittedBefore = cursor.emittedBefore ?? (cursor.since ? timeOf(cursor.since) : -Infinity);
	const files: FileDetails[] = [];
	let newest = -Infinity;
	let pageSince = cursor.since;
	let skip = 0;
	for (;;) {
		const page = await listFiles({
			...matchingFilesQuery(filters, field, 'ASC', pageSince),
			limit: LIST_PAGE_LIMIT,
			skip,
		});
		for (const file of page) {
			const time = Date.parse(file[field]);
			newest = Math.max(newest, time);
			if (time < emittedBefore || seen.get(file.fileId) === time) continue;
			seen.set(file.fileId, time);
			files.push(file);
		}
		if (page.length < LIST_PAGE_LIMIT) break;
		const nextSince = searchDate(Date.parse(page[page.length - 1][field]));
		skip = nextSince === pageSince ? skip + page.length : 0;
		pageSince = nextSince;
	}
	return { files, cursor: cursorAfter(cursor, seen, newest) };
}

/**
 * The cursor after a poll that read files up to `newest` (ms): `since` trails it by the lag window
 * (never moving back), and only the files dated at or after `since` are remembered, at most
 * MAX_REMEMBERED_FILES of them.
 */
function cursorAfter(cursor: PollCursor, seen: Map<string, number>, newest: number): PollCursor {
	let since = cursor.since ? timeOf(cursor.since) : undefined;
	if (Number.isFinite(newest)) {
		const trailing = timeOf(searchDate(newest - LAG_WINDOW_MS));
		since = since === undefined ? trailing : Math.max(since, trailing);
	}
	if (seen.size > MAX_REMEMBERED_FILES) {
		// Move past the oldest dates until few enough files are left at or after `since`.
		const dates = [...seen.values()].sort((a, b) => a - b);
		const lastDropped = dates[dates.length - MAX_REMEMBERED_FILES - 1];
		since = Math.max(since ?? -Infinity, timeOf(searchDate(lastDropped)) + SECOND_MS);
	}
	const kept = [...seen].filter(([, time]) => since === undefined || time >= since);
	const emittedBefore =
		cursor.emittedBefore !== undefined && since !== undefined && since < cursor.emittedBefore
			? cursor.emittedBefore
			: undefined;
	return {
		field: cursor.field,
		...(since !== undefined && { since: searchDate(since) }),
		seen: Object.fromEntries(kept),
		...(emittedBefore !== undefined && { emittedBefore }),
	};
}

/**
 * The cursor a first activation starts from: after the newest matching file and the others of the
 * lag window before it, so that files already in the library are not emitted. It uses ImageKit's
 * dates, not this machine's clock.
 */
export async function initialCursor(
	listFiles: ListFiles,
	filters: FileFilters,
	field: WatchedField,
): Promise<PollCursor> {
	const [newest] = await listFiles({ ...matchingFilesQuery(filters, field, 'DESC'), limit: 1 });
	const empty: PollCursor = { field, seen: {} };
	if (!newest) return empty;
	const since = searchDate(Date.parse(newest[field]) - LAG_WINDOW_MS);
	// Reading the window marks every file in it as seen; none is emitted.
	return (await readFilesSince(listFiles, filters, { field, since, seen: {} })).cursor;
}
