// Shapes of ImageKit's requests and responses (API.md §3). Responses may carry more fields.

export interface AITag {
	name: string;
	confidence: number;
	source: string;
}

export interface FileDetails {
	fileId: string;
	type: 'file' | 'file-version';
	name: string;
	filePath: string;
	url: string;
	thumbnail?: string;
	fileType: 'image' | 'non-image';
	mime?: string;
	size: number;
	width?: number;
	height?: number;
	tags: string[] | null;
	AITags: AITag[] | null;
	versionInfo?: { id: string; name: string };
	isPrivateFile: boolean;
	isPublished?: boolean;
	customCoordinates: string | null;
	customMetadata?: Record<string, unknown>;
	description?: string;
	createdAt: string;
	updatedAt: string;
	[field: string]: unknown;
}

export type UploadResult = Partial<FileDetails> & {
	fileId: string;
	name: string;
	filePath: string;
	url: string;
	thumbnailUrl?: string;
	extensionStatus?: Record<string, 'success' | 'pending' | 'failed'>;
};

export interface FileMetadata {
	height?: number;
	width?: number;
	size?: number;
	format?: string;
	pHash?: string;
	[field: string]: unknown;
}

export type ListType = 'file' | 'file-version' | 'folder' | 'all';
export type ListSort =
	| 'ASC_NAME'
	| 'DESC_NAME'
	| 'ASC_CREATED'
	| 'DESC_CREATED'
	| 'ASC_UPDATED'
	| 'DESC_UPDATED'
	| 'ASC_HEIGHT'
	| 'DESC_HEIGHT'
	| 'ASC_WIDTH'
	| 'DESC_WIDTH'
	| 'ASC_SIZE'
	| 'DESC_SIZE'
	| 'ASC_RELEVANCE'
	| 'DESC_RELEVANCE';

export interface ListFilesOptions {
	type?: ListType;
	sort?: ListSort;
	/** One folder, without its subfolders, e.g. `/products/`. */
	path?: string;
	/** Lucene-like filter, e.g. `createdAt > "7d"`; overrides `tags`, `type` and `name`. */
	searchQuery?: string;
	fileType?: 'all' | 'image' | 'non-image';
	/** Files carrying any of these tags. */
	tags?: string | string[];
	name?: string;
	/** 1 to 1000. */
	limit?: number;
	skip?: number;
}

export interface UploadPostTransformation {
	type: 'transformation' | 'gif-to-video' | 'thumbnail' | 'abs';
	value?: string;
	protocol?: 'hls' | 'dash';
}

export type Extension = { name: string; [option: string]: unknown };

/** Optional upload fields (API.md §3.1); each is sent as a form string. */
export interface UploadOptions {
	useUniqueFileName?: boolean;
	tags?: string[] | string;
	folder?: string;
	isPrivateFile?: boolean;
	isPublished?: boolean;
	customCoordinates?: string;
	responseFields?: string[] | string;
	extensions?: Extension[];
	webhookUrl?: string;
	overwriteFile?: boolean;
	overwriteAITags?: boolean;
	overwriteTags?: boolean;
	overwriteCustomMetadata?: boolean;
	customMetadata?: Record<string, unknown>;
	transformation?: { pre?: string; post?: UploadPostTransformation[] };
	checks?: string;
	description?: string;
}

/** Body of an update (API.md §3.4 A) or a publication change (§3.4 B). */
export interface UpdateFileDetails {
	removeAITags?: string[] | 'all';
	webhookUrl?: string;
	extensions?: Extension[];
	tags?: string[] | null;
	customCoordinates?: string | null;
	customMetadata?: Record<string, unknown>;
	description?: string;
	publish?: { isPublished: boolean; includeFileVersions?: boolean };
}

export interface BulkDeleteResult {
	successfullyDeletedFileIds: string[];
	errors?: Array<{ fileId: string; error: string }>;
}

export interface PurgeStatus {
	status: 'Pending' | 'Completed';
}
