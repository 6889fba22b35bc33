import { createHash } from 'crypto';

import type { ContentFacts } from './content';

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
}

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

export interface EmulatorConfig {
	/** Without trailing slash. */
	urlEndpoint: string;
	purgePendingPolls: number;
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
	private sequence = 0;

	constructor(
		readonly config: EmulatorConfig,
		readonly now: () => Date,
	) {}

	/** 24 hex characters like ImageKit's ids; the same sequence of calls yields the same ids. */
	nextId(): string {
		return this.nextDigest().toString('hex').slice(0, 24);
	}

	/** The 9 characters ImageKit appends for `useUniqueFileName`, as in `photo_YhNhoRxWt.jpg`. */
	nextUniqueSuffix(): string {
		return Array.from(this.nextDigest().subarray(0, 9), (byte) => BASE62[byte % BASE62.length]).join('');
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
			this.folders.set(path, { folderId: this.nextId(), name, folderPath: path, createdAt: now, updatedAt: now });
		});
	}

	clear(): void {
		this.files.clear();
		this.folders.clear();
		this.purgeRequests.clear();
		this.sequence = 0;
	}

	private nextDigest(): Buffer {
		this.sequence += 1;
		return createHash('sha256').update(`imagekit-emulator:${this.sequence}`).digest();
	}
}
