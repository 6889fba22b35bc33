import type { FileDetails, ListFilesOptions, ListSort } from '../ImageKit/client';
import { allOf, grouped, LIST_PAGE_LIMIT, where, whereIn } from '../ImageKit/client';

/** The file date a poll follows: creation for new files, last change for updated ones. */
export type WatchedField = 'createdAt' | 'updatedAt';

/**
 * Where the last poll stopped: the newest date read, and the files read AT that date, since more
 * files may still appear with the very same date (ImageKit dates have millisecond precision).
 * No date means no matching file existed yet, so every match is new.
 */
export interface PollCursor {
	field: WatchedField;
	timestamp?: string;
	idsAtTimestamp: string[];
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
 * Reads every matching file dated at or after the cursor, oldest first, and the cursor after them.
 * Each page restarts at the newest date read so far (files deleted or changed meanwhile cannot
 * shift the pages), and files already read at that date are skipped by id. Only a full page of
 * files sharing one date has to page on with `skip`.
 */
export async function readFilesSince(
	listFiles: ListFiles,
	filters: FileFilters,
	cursor: PollCursor,
): Promise<{ files: FileDetails[]; cursor: PollCursor }> {
	const { field } = cursor;
	const files: FileDetails[] = [];
	let timestamp = cursor.timestamp;
	let idsAtTimestamp = new Set(cursor.idsAtTimestamp);
	let skip = 0;
	for (;;) {
		const page = await listFiles({
			...matchingFilesQuery(filters, field, 'ASC', timestamp),
			limit: LIST_PAGE_LIMIT,
			skip,
		});
		const startedAt = timestamp;
		for (const file of page) {
			const fileTimestamp = file[field];
			const sameMoment =
				timestamp !== undefined && Date.parse(fileTimestamp) === Date.parse(timestamp);
			if (sameMoment && idsAtTimestamp.has(file.fileId)) continue;
			if (!sameMoment) {
				timestamp = fileTimestamp;
				idsAtTimestamp = new Set();
			}
			idsAtTimestamp.add(file.fileId);
			files.push(file);
		}
		if (page.length < LIST_PAGE_LIMIT) break;
		skip = timestamp === startedAt ? skip + page.length : 0;
	}
	return { files, cursor: { field, timestamp, idsAtTimestamp: [...idsAtTimestamp] } };
}

/**
 * The cursor a first activation starts from: after the newest matching file, so that files
 * already in the library are not emitted. It uses ImageKit's dates, not this machine's clock.
 */
export async function initialCursor(
	listFiles: ListFiles,
	filters: FileFilters,
	field: WatchedField,
): Promise<PollCursor> {
	const [newest] = await listFiles({ ...matchingFilesQuery(filters, field, 'DESC'), limit: 1 });
	const empty: PollCursor = { field, idsAtTimestamp: [] };
	if (!newest) return empty;
	// Reading from the newest date collects every file sharing it.
	return (await readFilesSince(listFiles, filters, { ...empty, timestamp: newest[field] })).cursor;
}
