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

/** A file ImageKit stored (HTTP 200). */
export type UploadedFile = Partial<FileDetails> & {
	fileId: string;
	name: string;
	filePath: string;
	url: string;
	thumbnailUrl?: string;
	extensionStatus?: Record<string, 'success' | 'pending' | 'failed'>;
	/** Never set on a stored file: tells it apart from a `ProcessingUpload`. */
	status?: undefined;
};

/**
 * An upload ImageKit accepted but has not stored yet (HTTP 202): a video pre-transformation runs
 * first, and the `upload.pre-transform.success` or `.error` webhook tells how it ended.
 */
export interface ProcessingUpload {
	status: 'processing';
	/** ImageKit's own words, e.g. "The pre-transformation has been queued successfully." */
	message: string;
	/** The name and folder asked for; ImageKit may still change the name (unique suffix). */
	fileName: string;
	folder?: string;
}

/** What an upload gives: the stored file, or `status: 'processing'` when ImageKit queued it. */
export type UploadResult = UploadedFile | ProcessingUpload;

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
	/** Lucene-like filter, e.g. `createdAt > "7d"`; ANDed with `tags`, `name` and `type`. */
	searchQuery?: string;
	fileType?: 'all' | 'image' | 'non-image';
	/** Files carrying any of these tags or AI tags (comma-separated text or a list); sent in `searchQuery`. */
	tags?: string | string[];
	/** The exact file or folder name; sent in `searchQuery`. */
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

// Files: copy, move, rename, publish, tags, versions (API.md §3.7–3.11)

/** A bulk tag change: the ids changed and, on a partial success (207), an error per id that failed. */
export interface BulkTagsResult {
	successfullyUpdatedFileIds: string[];
	errors?: Array<{ fileId: string; error: string }>;
}

/**
 * A rename's answer: `purgeRequestId` when the old URLs' purge was requested; `reason: 'PURGE_FAILED'`
 * (HTTP 207) when the file was renamed but the purge was refused.
 */
export interface RenameFileResult {
	purgeRequestId?: string;
	reason?: string;
	message?: string;
}

// Account: usage, origins, URL endpoints, saved extensions (API.md §3.16, §3.18, §3.20)

/** Usage between two dates, the end date excluded (API.md §3.16). */
export interface AccountUsage {
	bandwidthBytes: number;
	mediaLibraryStorageBytes: number;
	videoProcessingUnitsCount: number;
	extensionUnitsCount: number;
	originalCacheStorageBytes: number;
}

export type OriginType =
	| 'S3'
	| 'S3_COMPATIBLE'
	| 'CLOUDINARY_BACKUP'
	| 'WEB_FOLDER'
	| 'WEB_PROXY'
	| 'GCS'
	| 'AZURE_BLOB'
	| 'AKENEO_PIM';

/**
 * An origin to create or to replace (PUT): the common fields plus those of its type, e.g. `bucket`,
 * `accessKey` and `secretKey` for S3 (API.md §3.20).
 */
export interface OriginRequest {
	type: OriginType;
	/** 1 to 100 letters, digits and spaces. */
	name: string;
	includeCanonicalHeader?: boolean;
	baseUrlForCanonicalHeader?: string;
	[field: string]: unknown;
}

/** An origin as ImageKit returns it: with its id, without its secrets. */
export interface Origin {
	id: string;
	type: OriginType;
	name: string;
	includeCanonicalHeader: boolean;
	[field: string]: unknown;
}

export type UrlRewriter =
	| { type: 'CLOUDINARY'; preserveAssetDeliveryTypes?: boolean }
	| { type: 'IMGIX' }
	| { type: 'AKAMAI' };

export interface UrlEndpointRequest {
	/** 1 to 1000 characters. */
	description: string;
	/** Letters, digits and hyphens; empty only for the default endpoint. */
	urlPrefix?: string;
	/** Origin ids, tried in order; at most 10. */
	origins?: string[];
	urlRewriter?: UrlRewriter;
}

export interface UrlEndpoint {
	/** `default` for the account's default endpoint. */
	id: string;
	description: string;
	urlPrefix: string;
	origins: string[];
	urlRewriter?: UrlRewriter;
	[field: string]: unknown;
}

/** One extension a saved extension can hold: any of §3.1.2 but a saved-extension reference. */
export type ExtensionConfig = Extension;

export interface SavedExtensionInput {
	name: string;
	description: string;
	config: ExtensionConfig;
}

export interface SavedExtension extends SavedExtensionInput {
	id: string;
	createdAt: string;
	updatedAt: string;
	[field: string]: unknown;
}

// Folders and bulk jobs (API.md §3.13)

export type BulkJobType = 'COPY_FOLDER' | 'MOVE_FOLDER' | 'RENAME_FOLDER';

/** The answer to starting a copy, move or rename of a folder. */
export interface BulkJob {
	jobId: string;
}

/**
 * The state of a bulk job. `Partial success` (HTTP 207) is a rename whose folder was renamed but whose
 * cache purge failed; it carries ImageKit's `message`.
 */
export interface BulkJobStatus {
	jobId: string;
	type: BulkJobType;
	status: 'Pending' | 'Completed' | 'Partial success';
	/** Only for a rename with `purgeCache`. */
	purgeRequestId?: string;
	message?: string;
	help?: string;
}

export interface WaitForBulkJobOptions {
	/** Total time to wait between polls before giving up; default 300,000 ms. */
	timeoutMs?: number;
	/** First wait between polls; it doubles up to `maxIntervalMs`. Default 1,000 ms. */
	initialIntervalMs?: number;
	/** Default 10,000 ms. */
	maxIntervalMs?: number;
}

// Custom metadata fields (API.md §3.15)

export type CustomMetadataFieldType =
	'Text' | 'Textarea' | 'Number' | 'Date' | 'Boolean' | 'SingleSelect' | 'MultiSelect';

export type CustomMetadataScalar = string | number | boolean;

/** The rules of a field. Which properties apply depends on `type` (API.md §3.15). */
export interface CustomMetadataFieldSchema {
	type: CustomMetadataFieldType;
	/** Required for SingleSelect and MultiSelect. */
	selectOptions?: CustomMetadataScalar[];
	/** Required when `isValueRequired`; an array for MultiSelect. */
	defaultValue?: CustomMetadataScalar | CustomMetadataScalar[];
	isValueRequired?: boolean;
	/** Number, or an ISO 8601 date for Date. */
	minValue?: string | number;
	maxValue?: string | number;
	/** Text and Textarea. */
	minLength?: number;
	maxLength?: number;
}

export interface CustomMetadataField {
	id: string;
	/** The key used in `customMetadata` on upload and update. */
	name: string;
	label: string;
	schema: CustomMetadataFieldSchema;
}

export interface CreateCustomMetadataField {
	/** Unique across all fields, deleted ones included. */
	name: string;
	/** Unique among fields not deleted. */
	label: string;
	schema: CustomMetadataFieldSchema;
}

/** At least one of the two. The type of a field cannot change, so `schema` has none. */
export interface UpdateCustomMetadataField {
	label?: string;
	schema?: Omit<CustomMetadataFieldSchema, 'type'>;
}

export interface ListCustomMetadataFieldsOptions {
	includeDeleted?: boolean;
	/** With the Path policy feature: only the fields that apply to this folder. */
	folderPath?: string;
}
