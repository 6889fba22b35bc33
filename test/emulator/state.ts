import { createHash } from 'crypto';

import type { ContentFacts } from './content';
import type { SearchDateOptions } from './search-query';

export interface AITag {
	name: string;
	confidence: number;
	source: string;
}

/** One file as the emulator keeps it. Its API shapes are built in views.ts. */
export interface StoredFile {
	fileId: string;
	version: { id: string; number: number };
	name: string;
	/** The folder holding the file, always with leading and trailing slash: `/`, `/products/shoes/`. */
	folderPath: string;
	filePath: string;
	tags: string[] | null;
	AITags: AITag[] | null;
	isPrivateFile: boolean;
	isPublished: boolean;
	customCoordinates: string | null;
	customMetadata: Record<string, unknown>;
	description?: string;
	content: ContentFacts;
	/** The URL sent as `file`; the emulator records it instead of fetching it. */
	sourceUrl?: string;
	/** Extensions requested by the upload and by every update, in order. */
	extensions: unknown[];
	webhookUrl?: string;
	transformation?: unknown;
	createdAt: Date;
	updatedAt: Date;
	/** When list and search start to show the file (indexing lag); at once when absent. */
	searchableAt?: Date;
	/** Older versions, oldest first; the file itself is the current version. */
	previousVersions?: StoredVersion[];
	/** The bytes delivered from the URL endpoint: kept when small, or generated on the fly for large seeds. */
	body?: StoredBody;
}

/** One older version of a file: a snapshot of the file as it was. */
export type StoredVersion = Omit<StoredFile, 'previousVersions'>;

export type StoredBody = { bytes: Buffer } | { generated: { seed: string; size: number } };

/** ImageKit keeps at most this many versions of a file, the current one included. */
export const MAX_FILE_VERSIONS = 100;

export interface StoredFolder {
	folderId: string;
	name: string;
	/** With leading and trailing slash, like StoredFile.folderPath. */
	folderPath: string;
	createdAt: Date;
	updatedAt: Date;
}

export interface PurgeRequest {
	requestId: string;
	url: string;
	/** Status polls still answered with "Pending". */
	pendingPollsLeft: number;
}

/** An origin as created or replaced: the request as sent, secrets included (they are never answered). */
export interface StoredOrigin {
	id: string;
	fields: Record<string, unknown>;
}

export interface StoredUrlEndpoint {
	id: string;
	description: string;
	urlPrefix: string;
	origins: string[];
	urlRewriter?: Record<string, unknown>;
}

export interface StoredSavedExtension {
	id: string;
	name: string;
	description: string;
	config: Record<string, unknown>;
	createdAt: Date;
	updatedAt: Date;
}

/** Every account has this URL endpoint; it cannot be deleted. */
export const DEFAULT_URL_ENDPOINT_ID = 'default';

/** A copy, move or rename of a folder. Its effect applies when it completes. */
export interface BulkJob {
	jobId: string;
	type: 'COPY_FOLDER' | 'MOVE_FOLDER' | 'RENAME_FOLDER';
	/** Folders the job works on: other bulk jobs touching them are refused (423) while it is pending. */
	lockedPaths: string[];
	/** Status polls still answered with "Pending". */
	pendingPollsLeft: number;
	/** Carries the job out; cleared once it has run. */
	run?: () => void;
	/** A rename with purgeCache: the purge's id, or `'failed'` when the purge was refused. */
	purge?: { requestId: string } | 'failed';
	/** Asked for by a rename with purgeCache, requested when the job completes. */
	purgeUrl?: string;
}

export type CustomMetadataFieldType =
	'Text' | 'Textarea' | 'Number' | 'Date' | 'Boolean' | 'SingleSelect' | 'MultiSelect';

export interface StoredCustomMetadataField {
	id: string;
	name: string;
	label: string;
	schema: { type: CustomMetadataFieldType; [rule: string]: unknown };
	/** Deleted fields keep their name reserved. */
	deleted: boolean;
}

/**
 * What ImageKit's docs leave open. The client must be right under every answer, so each is a
 * switch that tests turn both ways.
 */
export interface EmulatorBehaviour {
	/**
	 * Whether removeAITags' 404 names the missing ids (`missingFileIds`) as addTags and removeTags
	 * do; the spec lists none for it. Default false.
	 */
	removeAITagsNamesMissingIds: boolean;
	/**
	 * Whether a bulk tag request naming a missing id leaves the existing files untouched, like bulk
	 * delete (documented). The tag docs show the 404 only. Default true.
	 */
	bulkTagsAllOrNothing: boolean;
	/**
	 * How a purge wildcard's rules are read where the docs are silent (see routes/purge.ts):
	 * `strict` counts the 15 characters without the leading "/", needs two non-empty folder levels
	 * and refuses everything under media/catalog/ and s/files/; `lenient` counts the "/", takes
	 * "/images/*" as two levels and refuses exactly media/catalog/* and s/files/*. Default strict.
	 */
	purgeWildcardReading: 'strict' | 'lenient';
	/**
	 * How searchQuery dates are read (see SearchDateOptions): `{ precision: 'second',
	 * documentedFormatsOnly: true }` compares to the second and refuses forms ImageKit does not
	 * document. Default to the millisecond, any ISO form.
	 */
	searchDates: SearchDateOptions;
	/**
	 * Up to how many ms after it was written a new file shows up in list and search: each file gets
	 * its own delay in that range, so files can show up later than others with newer dates. Default 0.
	 */
	indexingLagMs: number;
}

export const DEFAULT_BEHAVIOUR: EmulatorBehaviour = {
	removeAITagsNamesMissingIds: false,
	bulkTagsAllOrNothing: true,
	purgeWildcardReading: 'strict',
	searchDates: { precision: 'millisecond', documentedFormatsOnly: false },
	indexingLagMs: 0,
};

/** A copy of `behaviour` that shares no object with it. */
export function copyBehaviour(behaviour: EmulatorBehaviour): EmulatorBehaviour {
	return { ...behaviour, searchDates: { ...behaviour.searchDates } };
}

export interface EmulatorConfig {
	/** Without trailing slash. */
	urlEndpoint: string;
	purgePendingPolls: number;
	bulkJobPendingPolls: number;
	behaviour: EmulatorBehaviour;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `a//b` and `/a/b` and `a/b/` all become `/a/b/`; the root is `/`. */
export function normalizeFolderPath(raw: string): string {
	const segments = raw.split('/').filter((segment) => segment !== '');
	return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/**
 * Everything the emulated account holds. Each resource kind is one collection here; endpoints for
 * a new kind add its collection (and clear it in `clear`).
 */
export class EmulatorState {
	readonly files = new Map<string, StoredFile>();
	readonly folders = new Map<string, StoredFolder>();
	readonly purgeRequests = new Map<string, PurgeRequest>();
	/** When set, purges that a rename asks for are refused, as ImageKit's purge rate limit does. */
	purgeRateLimited = false;
	readonly origins = new Map<string, StoredOrigin>();
	readonly urlEndpoints = new Map<string, StoredUrlEndpoint>();
	readonly savedExtensions = new Map<string, StoredSavedExtension>();
	readonly bulkJobs = new Map<string, BulkJob>();
	readonly customMetadataFields = new Map<string, StoredCustomMetadataField>();
	/**
	 * The CDN's copies: the version first delivered at each URL (path and query as requested). An
	 * overwrite does not change them, as ImageKit's CDN keeps a URL's copy for up to a year
	 * (imagekit.io/docs/cdn-caching-and-purging); a URL that differs, e.g. by `?updatedAt=`, gets
	 * the current version.
	 */
	readonly cdnCache = new Map<string, StoredVersion>();
	private sequence = 0;

	constructor(
		readonly config: EmulatorConfig,
		readonly now: () => Date,
	) {
		this.addDefaultUrlEndpoint();
	}

	/** 24 hex characters like ImageKit's ids; the same sequence of calls yields the same ids. */
	nextId(): string {
		return this.nextDigest().toString('hex').slice(0, 24);
	}

	/** The 9 characters ImageKit appends for `useUniqueFileName`, as in `photo_YhNhoRxWt.jpg`. */
	nextUniqueSuffix(): string {
		return Array.from(
			this.nextDigest().subarray(0, 9),
			(byte) => BASE62[byte % BASE62.length],
		).join('');
	}

	/**
	 * When a file written now shows up in list and search: after a delay between 0 and
	 * `indexingLagMs`, fixed for the file, so files can show up in another order than their dates.
	 */
	searchableAtFor(fileId: string): Date | undefined {
		const { indexingLagMs } = this.config.behaviour;
		if (indexingLagMs <= 0) return undefined;
		const fraction = createHash('sha256').update(fileId).digest().readUInt32BE(0) / 2 ** 32;
		return new Date(this.now().getTime() + Math.round(fraction * indexingLagMs));
	}

	fileAtPath(filePath: string): StoredFile | undefined {
		for (const file of this.files.values()) if (file.filePath === filePath) return file;
		return undefined;
	}

	/** Creates the folder and any missing ancestors, as an upload into a new folder does. */
	ensureFolder(folderPath: string): void {
		const segments = folderPath.split('/').filter((segment) => segment !== '');
		segments.forEach((name, index) => {
			const path = `/${segments.slice(0, index + 1).join('/')}/`;
			if (this.folders.has(path)) return;
			const now = this.now();
			this.folders.set(path, {
				folderId: this.nextId(),
				name,
				folderPath: path,
				createdAt: now,
				updatedAt: now,
			});
		});
	}

	clear(): void {
		this.files.clear();
		this.folders.clear();
		this.purgeRequests.clear();
		this.purgeRateLimited = false;
		this.origins.clear();
		this.urlEndpoints.clear();
		this.savedExtensions.clear();
		this.bulkJobs.clear();
		this.customMetadataFields.clear();
		this.cdnCache.clear();
		this.addDefaultUrlEndpoint();
		this.sequence = 0;
	}

	private addDefaultUrlEndpoint(): void {
		this.urlEndpoints.set(DEFAULT_URL_ENDPOINT_ID, {
			id: DEFAULT_URL_ENDPOINT_ID,
			description: 'Default URL endpoint',
			urlPrefix: '',
			origins: [],
		});
	}

	private nextDigest(): Buffer {
		this.sequence += 1;
		return createHash('sha256').update(`imagekit-emulator:${this.sequence}`).digest();
	}
}
