import type { KeyObject } from 'crypto';
import { createHmac, createSecretKey, randomUUID } from 'crypto';

import { pathSegment, requiredNames, requiredText } from './checks';
import { checkedOrigin, checkedSavedExtension, checkedUrlEndpoint, usageRange } from './account';
import {
	ImageKitInputError,
	ImageKitJobTimeoutError,
	ImageKitUnreadableAnswerError,
} from './errors';
import type { HttpMethod, HttpRequest, HttpResponse, Requester, ResponseStream } from './requester';
import { createFetchRequester } from './fetchRequester';
import type { HttpRequestHelper } from './httpRequestRequester';
import { createHttpRequestRequester, textUploadContent } from './httpRequestRequester';
import type { MultipartFile, UploadFileContent } from './multipart';
import { MultipartBody } from './multipart';
import { phashDistance } from './phash';
import { wildcardPurgeProblem } from './purge';
import { allOf, grouped, where, whereIn } from './searchQuery';
import type { RetryMode, RetryOptions, Sleep } from './retry';
import { DEFAULT_TIMEOUT_MS, defaultSleep, RetryingSender, UNCERTAIN_WRITE_HINT } from './retry';
import type {
	AccountUsage,
	BulkDeleteResult,
	BulkJob,
	BulkJobStatus,
	CreateCustomMetadataField,
	CustomMetadataField,
	BulkTagsResult,
	FileDetails,
	FileMetadata,
	ListCustomMetadataFieldsOptions,
	ListFilesOptions,
	Origin,
	OriginRequest,
	ProcessingUpload,
	PurgeStatus,
	RenameFileResult,
	SavedExtension,
	SavedExtensionInput,
	UpdateCustomMetadataField,
	UpdateFileDetails,
	UploadedFile,
	UploadOptions,
	UploadResult,
	UrlEndpoint,
	UrlEndpointRequest,
	WaitForBulkJobOptions,
} from './types';
import type { ResponsiveImageAttributes, ResponsiveImageOptions } from './responsive';
import { buildResponsiveImageAttributes } from './responsive';
import type { UrlContext, UrlOptions } from './url';
import { buildUrl, urlEndpointPrefix } from './url';

export const API_BASE_URL = 'https://api.imagekit.io';
export const UPLOAD_BASE_URL = 'https://upload.imagekit.io';

/** ImageKit's cap on ids per bulk-delete request. */
export const BULK_DELETE_LIMIT = 100;
/** ImageKit's cap on ids per bulk tag or AI-tag request. */
export const BULK_TAGS_LIMIT = 50;
/** ImageKit's cap on items per list request. */
export const LIST_PAGE_LIMIT = 1000;
/** Client-side upload signatures may expire at most this far ahead (API.md §5.2). */
export const MAX_UPLOAD_AUTH_EXPIRY_SECONDS = 3600;
const DEFAULT_UPLOAD_AUTH_EXPIRY_SECONDS = 1800;

const MiB = 1024 * 1024;
/**
 * An upload waits longer for its answer, since ImageKit answers only once it has the whole body:
 * each MiB adds 4 s, the time a MiB takes at 256 KiB/s (about 2 Mbit/s), the slowest upload
 * throughput planned for.
 */
export const UPLOAD_TIMEOUT_MS_PER_MIB = 4_000;

/** How long an upload of `bodyBytes` waits for its answer, given the wait for any other request. */
export function uploadTimeoutMs(timeoutMs: number, bodyBytes: number): number {
	return timeoutMs + Math.ceil((bodyBytes / MiB) * UPLOAD_TIMEOUT_MS_PER_MIB);
}

export interface ImageKitOptions {
	privateKey: string;
	publicKey?: string;
	urlEndpoint?: string;
	/** Sends the HTTP requests; defaults to `fetch` with Basic auth from `privateKey`. */
	request?: Requester;
	/**
	 * In an n8n Code node, its `this.helpers.httpRequest`: requests then go through n8n, since
	 * `fetch` crashes n8n's task runner (see httpRequestRequester.ts). Only JSON crosses to n8n, so
	 * uploads send bytes as base64 text and cannot take a stream. Not with `request`.
	 */
	httpRequest?: HttpRequestHelper;
	/** Waits between retries and between bulk-job polls; defaults to a timer. */
	sleep?: Sleep;
	retry?: RetryOptions;
	/**
	 * How long to wait for ImageKit's answer to one request, in milliseconds; default 60,000. An
	 * upload waits longer by `UPLOAD_TIMEOUT_MS_PER_MIB` per MiB of body. A request that is safe to
	 * repeat is retried after a timeout; any other fails, saying it may have happened.
	 */
	timeoutMs?: number;
	/** Management API origin; default `https://api.imagekit.io`. */
	apiBaseUrl?: string;
	/** Upload API origin; default `https://upload.imagekit.io`. */
	uploadBaseUrl?: string;
}

export interface UploadInput extends UploadOptions {
	/** Bytes (held or streamed), a public URL, or base64 text. */
	file: UploadFileContent;
	fileName: string;
	/** Byte length of streamed `file` content. */
	fileSize?: number;
	/** MIME type of the file part. */
	mimeType?: string;
}

/** A delivery URL's answer, its body not read yet. */
export interface DownloadResponse {
	status: number;
	/** Header names in lower case; read them with `headerValue`. */
	headers: HttpResponse['headers'];
	body: ResponseStream;
}

export interface AuthenticationParameters {
	token: string;
	expire: number;
	signature: string;
}

/** The ids of one bulk tag call: 1 to 50 non-empty strings. */
function requireTagBatch(fileIds: string[]): string[] {
	const ids = requiredNames('fileIds', fileIds);
	if (ids.length > BULK_TAGS_LIMIT) {
		throw new ImageKitInputError(
			'fileIds',
			`fileIds can hold at most ${BULK_TAGS_LIMIT} ids per call`,
		);
	}
	return ids;
}

function versionPath(fileId: string, versionId: string): string {
	return `/v1/files/${pathSegment('fileId', fileId)}/versions/${pathSegment('versionId', versionId)}`;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
	return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** Multipart field values as ImageKit expects them: lists comma-joined, objects as JSON. */
function formValue(value: unknown): string {
	if (Array.isArray(value) && value.every((entry) => typeof entry === 'string'))
		return value.join(',');
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

export class ImageKit {
	readonly publicKey?: string;
	readonly urlEndpoint?: string;
	/** The wait for an answer to one request (uploads get more); see `ImageKitOptions.timeoutMs`. */
	readonly timeoutMs: number;
	private readonly privateKey: string;
	/** What the client was made with, for `withTimeout`; hidden like the key it holds. */
	private readonly options: ImageKitOptions;
	private readonly sender: RetryingSender;
	/** Waits between retries and between bulk-job polls. */
	private readonly sleep: Sleep;
	private readonly apiBaseUrl: string;
	private readonly uploadBaseUrl: string;
	/** `urlEndpoint` checked and normalised on its first use for a URL. */
	private checkedUrlEndpointPrefix?: string;
	/** The private key as a KeyObject for signing URLs: createHmac sets it up 15% quicker than text. */
	private urlSigningKey?: KeyObject;

	constructor(options: ImageKitOptions) {
		if (!options || typeof options.privateKey !== 'string' || options.privateKey === '') {
			throw new ImageKitInputError('privateKey', 'privateKey is required');
		}
		// Not enumerable, so the key does not show up when the client is logged or serialised.
		this.privateKey = options.privateKey;
		this.options = options;
		Object.defineProperty(this, 'privateKey', { enumerable: false });
		Object.defineProperty(this, 'options', { enumerable: false });
		const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
		if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
			throw new ImageKitInputError(
				'timeoutMs',
				`timeoutMs must be a number of milliseconds above 0, e.g. 60000, not ${JSON.stringify(timeoutMs)}`,
			);
		}
		this.timeoutMs = timeoutMs;
		this.publicKey = options.publicKey;
		this.urlEndpoint = options.urlEndpoint;
		this.apiBaseUrl = (options.apiBaseUrl ?? API_BASE_URL).replace(/\/+$/, '');
		this.uploadBaseUrl = (options.uploadBaseUrl ?? UPLOAD_BASE_URL).replace(/\/+$/, '');
		this.sleep = options.sleep ?? defaultSleep;
		if (options.httpRequest && options.request) {
			throw new ImageKitInputError('httpRequest', 'give httpRequest or request, not both');
		}
		// Given but empty (e.g. a misspelt `this.helpers`) would fall back to fetch, which crashes n8n's runner.
		if ('httpRequest' in options && typeof options.httpRequest !== 'function') {
			throw new ImageKitInputError(
				'httpRequest',
				"httpRequest must be n8n's helper function: give httpRequest: this.helpers.httpRequest",
			);
		}
		const viaN8n =
			options.httpRequest &&
			createHttpRequestRequester(options.httpRequest, options.privateKey, [
				this.apiBaseUrl,
				this.uploadBaseUrl,
			]);
		this.sender = new RetryingSender(
			options.request ?? viaN8n ?? createFetchRequester(options.privateKey),
			this.sleep,
			options.retry,
			timeoutMs,
		);
	}

	/** The same client, waiting `timeoutMs` for each answer instead. */
	withTimeout(timeoutMs: number): ImageKit {
		return timeoutMs === this.timeoutMs ? this : new ImageKit({ ...this.options, timeoutMs });
	}

	static phashDistance(first: string | number, second: string | number): number {
		return phashDistance(first, second);
	}

	phashDistance(first: string | number, second: string | number): number {
		return phashDistance(first, second);
	}

	/** A delivery URL with transformations, optionally signed (API.md §6). */
	url(options: UrlOptions): string {
		return buildUrl(options, this.urlContext());
	}

	/** `src`, `srcSet`, `sizes` and `width` for a responsive `<img>`, each URL built as `url()` builds it. */
	getResponsiveImageAttributes(options: ResponsiveImageOptions): ResponsiveImageAttributes {
		return buildResponsiveImageAttributes(options, this.urlContext());
	}

	/**
	 * The key and endpoint URLs are built with. The endpoint is checked once, not per URL: parsing it
	 * costs as much as building the rest of a URL. One that fails is reported where it is used.
	 */
	private urlContext(): UrlContext {
		if (this.checkedUrlEndpointPrefix === undefined && this.urlEndpoint) {
			try {
				this.checkedUrlEndpointPrefix = urlEndpointPrefix(this.urlEndpoint);
			} catch {
				// buildUrl checks it again and names it when a URL needs it.
			}
		}
		if (!this.urlSigningKey) {
			this.urlSigningKey = createSecretKey(Buffer.from(this.privateKey, 'utf8'));
			Object.defineProperty(this, 'urlSigningKey', { enumerable: false });
		}
		return {
			privateKey: this.urlSigningKey,
			urlEndpoint: this.urlEndpoint,
			urlEndpointPrefix: this.checkedUrlEndpointPrefix,
		};
	}

	/** Parameters for a client-side (browser) upload: token, expire and their HMAC-SHA1 signature. */
	getAuthenticationParameters(token?: string, expire?: number): AuthenticationParameters {
		const now = Math.floor(Date.now() / 1000);
		const usedToken = token || randomUUID();
		const usedExpire = expire || now + DEFAULT_UPLOAD_AUTH_EXPIRY_SECONDS;
		if (!Number.isInteger(usedExpire) || usedExpire <= 0) {
			throw new ImageKitInputError('expire', 'expire must be a Unix timestamp in seconds');
		}
		const signature = createHmac('sha1', this.privateKey)
			.update(usedToken + String(usedExpire))
			.digest('hex');
		return { token: usedToken, expire: usedExpire, signature };
	}

	async upload(input: UploadInput): Promise<UploadResult> {
		const { file, fileName, fileSize, mimeType, ...options } = this.options.httpRequest
			? { ...input, file: textUploadContent(input.file, input.mimeType) }
			: input;
		requiredText('fileName', fileName);
		const fields: Array<[string, string]> = [['fileName', fileName]];
		for (const [name, value] of Object.entries(options)) {
			if (value !== undefined && value !== null) fields.push([name, formValue(value)]);
		}
		let part: (MultipartFile & { fieldName: string }) | undefined;
		if (typeof file === 'string') {
			if (file === '') throw new ImageKitInputError('file', 'file must not be empty');
			fields.push(['file', file]);
		} else if (file instanceof Uint8Array) {
			part = {
				fieldName: 'file',
				content: file,
				size: file.length,
				fileName,
				contentType: mimeType,
			};
		} else if (isAsyncIterable(file)) {
			if (fileSize === undefined || !Number.isInteger(fileSize) || fileSize < 0) {
				throw new ImageKitInputError('fileSize', 'fileSize (bytes) is required to stream a file');
			}
			part = { fieldName: 'file', content: file, size: fileSize, fileName, contentType: mimeType };
		} else {
			throw new ImageKitInputError('file', 'file must be bytes, a stream, a URL or base64 text');
		}
		const body = new MultipartBody(fields, part);
		const response = await this.sender.send(
			{
				method: 'POST',
				url: `${this.uploadBaseUrl}/api/v1/files/upload`,
				body,
				timeoutMs: uploadTimeoutMs(this.timeoutMs, body.contentLength),
			},
			'once',
			body.replayable,
		);
		// A video pre-transformation queues the upload: 202 {message}, no file yet; the outcome comes
		// by the upload.pre-transform.* webhooks (openapi.yaml /api/v1/files/upload "202"; API.md §3.1.1).
		if (response.status === 202) {
			const message = (response.body as { message?: unknown } | undefined)?.message;
			const processing: ProcessingUpload = {
				status: 'processing',
				message:
					typeof message === 'string' && message
						? message
						: 'ImageKit accepted the upload and is processing it.',
				fileName,
				...(options.folder !== undefined && { folder: options.folder }),
			};
			return processing;
		}
		const stored = response.body as UploadedFile | undefined;
		if (typeof stored?.fileId !== 'string') {
			throw new ImageKitUnreadableAnswerError(response, UNCERTAIN_WRITE_HINT);
		}
		return stored;
	}

	/** Alias of `upload`, the name the older SDKs use. */
	async uploadFile(input: UploadInput): Promise<UploadResult> {
		return await this.upload(input);
	}

	/**
	 * Lists or searches files and folders. `tags` and `name` are sent as `searchQuery` conditions
	 * ANDed with the caller's own query: the current spec's `GET /v1/files` declares no `tags` or
	 * `name` parameter, so ImageKit may ignore them (API.md §10). Once a search query is sent,
	 * ImageKit ignores the `type` parameter and lists files only (docs "List and search files"), so
	 * a `type` other than `file` goes into the query as well.
	 */
	async listFiles(options: ListFilesOptions = {}): Promise<FileDetails[]> {
		const { tags, name, ...query } = options;
		const tagList = (typeof tags === 'string' ? tags.split(',') : (tags ?? []))
			.map((tag) => tag.trim())
			.filter((tag) => tag !== '');
		const wantedName = name?.trim();
		const filters = [
			tagList.length > 0 && whereIn('tags', tagList),
			wantedName && where('name', '=', wantedName),
		];
		const { type } = query;
		const sendsQuery = Boolean(query.searchQuery?.trim()) || filters.some(Boolean);
		const byType =
			sendsQuery && type && type !== 'file'
				? type === 'all'
					? whereIn('type', ['file', 'folder'])
					: where('type', '=', type)
				: undefined;
		const added = allOf(...filters, byType);
		if (added) query.searchQuery = allOf(grouped(query.searchQuery), added);
		return (await this.api('GET', '/v1/files', { query: { ...query } })) as FileDetails[];
	}

	async getFileDetails(fileId: string): Promise<FileDetails> {
		return (await this.api(
			'GET',
			`/v1/files/${pathSegment('fileId', fileId)}/details`,
		)) as FileDetails;
	}

	async getFileMetadata(fileId: string): Promise<FileMetadata> {
		return (await this.api(
			'GET',
			`/v1/files/${pathSegment('fileId', fileId)}/metadata`,
		)) as FileMetadata;
	}

	async getRemoteUrlMetadata(url: string): Promise<FileMetadata> {
		if (typeof url !== 'string' || !/^https?:\/\//i.test(url.trim())) {
			throw new ImageKitInputError('url', 'url must be an absolute http(s) URL');
		}
		return (await this.api('GET', '/v1/metadata', { query: { url: url.trim() } })) as FileMetadata;
	}

	async updateFileDetails(fileId: string, body: UpdateFileDetails): Promise<FileDetails> {
		const path = `/v1/files/${pathSegment('fileId', fileId)}/details`;
		return (await this.api('PATCH', path, { body })) as FileDetails;
	}

	async deleteFile(fileId: string): Promise<void> {
		await this.api('DELETE', `/v1/files/${pathSegment('fileId', fileId)}`);
	}

	/**
	 * Deletes up to 100 files in one call. If any id does not exist, ImageKit deletes nothing and
	 * answers 404 naming `missingFileIds` (an ImageKitApiError); `settleBulk` resends without them.
	 */
	async bulkDeleteFiles(fileIds: string[]): Promise<BulkDeleteResult> {
		if (!Array.isArray(fileIds) || fileIds.length === 0) {
			throw new ImageKitInputError('fileIds', 'fileIds must be a non-empty array');
		}
		if (fileIds.length > BULK_DELETE_LIMIT) {
			throw new ImageKitInputError(
				'fileIds',
				`fileIds can hold at most ${BULK_DELETE_LIMIT} ids per call`,
			);
		}
		const body = { fileIds };
		return (await this.api('POST', '/v1/files/batch/deleteByFileIds', {
			body,
		})) as BulkDeleteResult;
	}

	/**
	 * Purges a URL from the CDN and ImageKit's caches. A URL ending in `*` purges every URL it
	 * prefixes, within ImageKit's wildcard rules (see purge.ts), checked before sending.
	 */
	async purgeCache(url: string): Promise<{ requestId: string }> {
		const target = typeof url === 'string' ? url.trim() : '';
		if (!/^https?:\/\//i.test(target) || !URL.canParse(target)) {
			throw new ImageKitInputError(
				'url',
				'url must be the full URL to purge, e.g. https://ik.imagekit.io/your_id/shoe.jpg',
			);
		}
		const problem = wildcardPurgeProblem(target, this.urlEndpoint);
		if (problem) throw new ImageKitInputError('url', `url ${problem}`);
		const body = { url: target };
		return (await this.api('POST', '/v1/files/purge', { body })) as { requestId: string };
	}

	async getPurgeCacheStatus(requestId: string): Promise<PurgeStatus> {
		const path = `/v1/files/purge/${pathSegment('requestId', requestId)}`;
		return (await this.api('GET', path)) as PurgeStatus;
	}

	// Account: usage, origins, URL endpoints, saved extensions

	/** Usage from `startDate` (included) to `endDate` (excluded), fewer than 90 days apart. */
	async getUsage(startDate: string | Date, endDate: string | Date): Promise<AccountUsage> {
		const query = usageRange(startDate, endDate);
		return (await this.api('GET', '/v1/accounts/usage', { query: { ...query } })) as AccountUsage;
	}

	async listOrigins(): Promise<Origin[]> {
		return (await this.api('GET', '/v1/accounts/origins')) as Origin[];
	}

	async getOrigin(originId: string): Promise<Origin> {
		const path = `/v1/accounts/origins/${pathSegment('originId', originId)}`;
		return (await this.api('GET', path)) as Origin;
	}

	async createOrigin(origin: OriginRequest): Promise<Origin> {
		const body = checkedOrigin(origin);
		return (await this.api('POST', '/v1/accounts/origins', { body }, 'once')) as Origin;
	}

	/** Replaces the whole origin: fields left out return to their defaults, secrets must be sent again. */
	async updateOrigin(originId: string, origin: OriginRequest): Promise<Origin> {
		const path = `/v1/accounts/origins/${pathSegment('originId', originId)}`;
		return (await this.api('PUT', path, { body: checkedOrigin(origin) })) as Origin;
	}

	/** Fails while a URL endpoint still uses the origin. */
	async deleteOrigin(originId: string): Promise<void> {
		await this.api('DELETE', `/v1/accounts/origins/${pathSegment('originId', originId)}`);
	}

	/** Every URL endpoint, the default one (id `default`) included. */
	async listUrlEndpoints(): Promise<UrlEndpoint[]> {
		return (await this.api('GET', '/v1/accounts/url-endpoints')) as UrlEndpoint[];
	}

	async getUrlEndpoint(urlEndpointId: string): Promise<UrlEndpoint> {
		const path = `/v1/accounts/url-endpoints/${pathSegment('urlEndpointId', urlEndpointId)}`;
		return (await this.api('GET', path)) as UrlEndpoint;
	}

	async createUrlEndpoint(endpoint: UrlEndpointRequest): Promise<UrlEndpoint> {
		const body = checkedUrlEndpoint(endpoint);
		return (await this.api('POST', '/v1/accounts/url-endpoints', { body }, 'once')) as UrlEndpoint;
	}

	/** Replaces the whole URL endpoint. */
	async updateUrlEndpoint(
		urlEndpointId: string,
		endpoint: UrlEndpointRequest,
	): Promise<UrlEndpoint> {
		const path = `/v1/accounts/url-endpoints/${pathSegment('urlEndpointId', urlEndpointId)}`;
		return (await this.api('PUT', path, { body: checkedUrlEndpoint(endpoint) })) as UrlEndpoint;
	}

	/** The default endpoint cannot be deleted. */
	async deleteUrlEndpoint(urlEndpointId: string): Promise<void> {
		const path = `/v1/accounts/url-endpoints/${pathSegment('urlEndpointId', urlEndpointId)}`;
		await this.api('DELETE', path);
	}

	async listSavedExtensions(): Promise<SavedExtension[]> {
		return (await this.api('GET', '/v1/saved-extensions')) as SavedExtension[];
	}

	async getSavedExtension(savedExtensionId: string): Promise<SavedExtension> {
		const path = `/v1/saved-extensions/${pathSegment('savedExtensionId', savedExtensionId)}`;
		return (await this.api('GET', path)) as SavedExtension;
	}

	/** At most 100 per account. */
	async createSavedExtension(input: SavedExtensionInput): Promise<SavedExtension> {
		const body = checkedSavedExtension(input, true);
		return (await this.api('POST', '/v1/saved-extensions', { body }, 'once')) as SavedExtension;
	}

	/** Changes only the fields given. */
	async updateSavedExtension(
		savedExtensionId: string,
		changes: Partial<SavedExtensionInput>,
	): Promise<SavedExtension> {
		const path = `/v1/saved-extensions/${pathSegment('savedExtensionId', savedExtensionId)}`;
		return (await this.api('PATCH', path, {
			body: checkedSavedExtension(changes, false),
		})) as SavedExtension;
	}

	async deleteSavedExtension(savedExtensionId: string): Promise<void> {
		const path = `/v1/saved-extensions/${pathSegment('savedExtensionId', savedExtensionId)}`;
		await this.api('DELETE', path);
	}

	// Files: copy, move, rename, publish, tags, versions

	/**
	 * Copies a file into a folder. A file of the same name there gets the copy (and, with
	 * `includeFileVersions`, its older versions) appended to its version history.
	 */
	async copyFile(
		sourceFilePath: string,
		destinationPath: string,
		includeFileVersions = false,
	): Promise<void> {
		const body = {
			sourceFilePath: requiredText('sourceFilePath', sourceFilePath),
			destinationPath: requiredText('destinationPath', destinationPath),
			includeFileVersions,
		};
		// Repeating a copy that reached ImageKit would add another version at the destination.
		await this.api('POST', '/v1/files/copy', { body }, 'once');
	}

	/** Moves a file and all its versions into a folder. */
	async moveFile(sourceFilePath: string, destinationPath: string): Promise<void> {
		const body = {
			sourceFilePath: requiredText('sourceFilePath', sourceFilePath),
			destinationPath: requiredText('destinationPath', destinationPath),
		};
		await this.api('POST', '/v1/files/move', { body }, 'once');
	}

	/**
	 * Renames a file and all its versions. With `purgeCache` the old URLs are purged too; a purge
	 * that ImageKit refused comes back as `reason: 'PURGE_FAILED'` (the rename itself succeeded).
	 */
	async renameFile(
		filePath: string,
		newFileName: string,
		purgeCache = false,
	): Promise<RenameFileResult> {
		const body = {
			filePath: requiredText('filePath', filePath),
			newFileName: requiredText('newFileName', newFileName),
			purgeCache,
		};
		return ((await this.api('PUT', '/v1/files/rename', { body }, 'once')) ??
			{}) as RenameFileResult;
	}

	/** Publishes or unpublishes a file, and optionally all its versions. */
	async publishFile(
		fileId: string,
		isPublished: boolean,
		includeFileVersions = false,
	): Promise<FileDetails> {
		return await this.updateFileDetails(fileId, { publish: { isPublished, includeFileVersions } });
	}

	/**
	 * Adds tags to up to 50 files. Like removeTags and removeAITags, a missing id fails the whole
	 * call with a 404 (see `settleBulk` for any number of ids, one outcome each).
	 */
	async addTags(fileIds: string[], tags: string[]): Promise<BulkTagsResult> {
		const body = { fileIds: requireTagBatch(fileIds), tags: requiredNames('tags', tags) };
		return (await this.api('POST', '/v1/files/addTags', { body })) as BulkTagsResult;
	}

	/** Removes tags from up to 50 files. */
	async removeTags(fileIds: string[], tags: string[]): Promise<BulkTagsResult> {
		const body = { fileIds: requireTagBatch(fileIds), tags: requiredNames('tags', tags) };
		return (await this.api('POST', '/v1/files/removeTags', { body })) as BulkTagsResult;
	}

	/** Removes AI tags (by name) from up to 50 files. */
	async removeAITags(fileIds: string[], AITags: string[]): Promise<BulkTagsResult> {
		const body = { fileIds: requireTagBatch(fileIds), AITags: requiredNames('AITags', AITags) };
		return (await this.api('POST', '/v1/files/removeAITags', { body })) as BulkTagsResult;
	}

	/** Every version of a file: the current one (`type: 'file'`) and older ones (`type: 'file-version'`). */
	async listFileVersions(fileId: string): Promise<FileDetails[]> {
		return (await this.api(
			'GET',
			`/v1/files/${pathSegment('fileId', fileId)}/versions`,
		)) as FileDetails[];
	}

	async getFileVersion(fileId: string, versionId: string): Promise<FileDetails> {
		return (await this.api('GET', versionPath(fileId, versionId))) as FileDetails;
	}

	/** Deletes an older version; ImageKit refuses to delete the current one. */
	async deleteFileVersion(fileId: string, versionId: string): Promise<void> {
		await this.api('DELETE', versionPath(fileId, versionId));
	}

	/** Makes an older version the current one and returns it. */
	async restoreFileVersion(fileId: string, versionId: string): Promise<FileDetails> {
		return (await this.api('PUT', `${versionPath(fileId, versionId)}/restore`)) as FileDetails;
	}

	// Folders and bulk jobs

	/**
	 * Creates a folder and any missing parent folders. Returns its path: ImageKit replaces every
	 * character of the name other than letters and digits with `_`.
	 */
	async createFolder(folderName: string, parentFolderPath = '/'): Promise<{ folderPath: string }> {
		const body = {
			folderName: requiredText('folderName', folderName),
			parentFolderPath: requiredText('parentFolderPath', parentFolderPath),
		};
		await this.api('POST', '/v1/folder', { body });
		const segments = body.parentFolderPath.split('/').filter((segment) => segment !== '');
		segments.push(body.folderName.replace(/[^\p{L}\p{M}\p{N}]/gu, '_'));
		return { folderPath: `/${segments.join('/')}` };
	}

	/** Deletes a folder with everything in it. */
	async deleteFolder(folderPath: string): Promise<void> {
		await this.api('DELETE', '/v1/folder', {
			body: { folderPath: requiredText('folderPath', folderPath) },
		});
	}

	/** Starts copying a folder into `destinationPath`; see `waitForBulkJob`. */
	async copyFolder(
		sourceFolderPath: string,
		destinationPath: string,
		includeVersions = false,
	): Promise<BulkJob> {
		const body = {
			sourceFolderPath: requiredText('sourceFolderPath', sourceFolderPath),
			destinationPath: requiredText('destinationPath', destinationPath),
			includeVersions,
		};
		// A repeated copy that reached ImageKit would append a second copy to every file's versions.
		return (await this.api('POST', '/v1/bulkJobs/copyFolder', { body }, 'once')) as BulkJob;
	}

	/** Starts moving a folder into `destinationPath`; see `waitForBulkJob`. */
	async moveFolder(sourceFolderPath: string, destinationPath: string): Promise<BulkJob> {
		const body = {
			sourceFolderPath: requiredText('sourceFolderPath', sourceFolderPath),
			destinationPath: requiredText('destinationPath', destinationPath),
		};
		return (await this.api('POST', '/v1/bulkJobs/moveFolder', { body }, 'once')) as BulkJob;
	}

	/**
	 * Starts renaming a folder; characters other than letters, digits and `-` become `_`. With
	 * `purgeCache`, the old URLs are purged once the job is done.
	 */
	async renameFolder(
		folderPath: string,
		newFolderName: string,
		purgeCache = false,
	): Promise<BulkJob> {
		const body = {
			folderPath: requiredText('folderPath', folderPath),
			newFolderName: requiredText('newFolderName', newFolderName),
			purgeCache,
		};
		return (await this.api('POST', '/v1/bulkJobs/renameFolder', { body }, 'once')) as BulkJob;
	}

	async getBulkJobStatus(jobId: string): Promise<BulkJobStatus> {
		return (await this.api('GET', `/v1/bulkJobs/${pathSegment('jobId', jobId)}`)) as BulkJobStatus;
	}

	/**
	 * Polls a bulk job until it is no longer `Pending`, waiting 1 s, then twice as long each time up
	 * to 10 s. `timeoutMs` bounds the total wait; past it an `ImageKitJobTimeoutError` names the job.
	 */
	async waitForBulkJob(jobId: string, options: WaitForBulkJobOptions = {}): Promise<BulkJobStatus> {
		const { timeoutMs = 300_000, initialIntervalMs = 1000, maxIntervalMs = 10_000 } = options;
		for (const [field, value] of Object.entries({ timeoutMs, initialIntervalMs, maxIntervalMs })) {
			if (!Number.isFinite(value) || value < 0) {
				throw new ImageKitInputError(field, `${field} must be a number of milliseconds, 0 or more`);
			}
		}
		let waited = 0;
		let interval = initialIntervalMs;
		for (;;) {
			const job = await this.getBulkJobStatus(jobId);
			if (job.status !== 'Pending') return job;
			if (waited >= timeoutMs) throw new ImageKitJobTimeoutError(jobId, waited);
			const wait = Math.min(interval, timeoutMs - waited);
			await this.sleep(wait);
			waited += wait;
			interval = Math.min(interval * 2, maxIntervalMs);
		}
	}

	// Custom metadata fields

	async listCustomMetadataFields(
		options: ListCustomMetadataFieldsOptions = {},
	): Promise<CustomMetadataField[]> {
		const query = { includeDeleted: options.includeDeleted, folderPath: options.folderPath };
		return (await this.api('GET', '/v1/customMetadataFields', { query })) as CustomMetadataField[];
	}

	async createCustomMetadataField(field: CreateCustomMetadataField): Promise<CustomMetadataField> {
		if (typeof field?.schema?.type !== 'string') {
			throw new ImageKitInputError('schema.type', 'schema.type is required, e.g. Text or Number');
		}
		const body = {
			...field,
			name: requiredText('name', field.name),
			label: requiredText('label', field.label),
		};
		// A repeated create that reached ImageKit would fail on the name it just took.
		return (await this.api(
			'POST',
			'/v1/customMetadataFields',
			{ body },
			'once',
		)) as CustomMetadataField;
	}

	/** Changes the label and/or the rules of a field; its name and type stay. */
	async updateCustomMetadataField(
		fieldId: string,
		changes: UpdateCustomMetadataField,
	): Promise<CustomMetadataField> {
		if (changes?.label === undefined && changes?.schema === undefined) {
			throw new ImageKitInputError('changes', 'Give a label, a schema, or both');
		}
		const path = `/v1/customMetadataFields/${pathSegment('fieldId', fieldId)}`;
		return (await this.api('PATCH', path, { body: changes })) as CustomMetadataField;
	}

	/** The field's name stays taken after deletion. */
	async deleteCustomMetadataField(fieldId: string): Promise<void> {
		await this.api('DELETE', `/v1/customMetadataFields/${pathSegment('fieldId', fieldId)}`);
	}

	/**
	 * Opens a delivery (CDN) URL, e.g. one from `url()`, as a stream to read or destroy. No credential
	 * goes out, nor on a redirect the CDN answers: delivery URLs are public, or signed in the URL.
	 * A GET is safe to repeat, so a timeout, a lost connection or a 5xx is retried; a status of 400
	 * or more fails with an `ImageKitApiError` carrying it.
	 */
	async download(url: string): Promise<DownloadResponse> {
		if (typeof url !== 'string' || !/^https?:\/\//i.test(url) || !URL.canParse(url)) {
			throw new ImageKitInputError(
				'url',
				`url must be an absolute http(s) URL, e.g. https://ik.imagekit.io/demo/a.png, not ${JSON.stringify(url)}`,
			);
		}
		if (this.options.httpRequest) {
			// A stream cannot cross from n8n to a Code node's runner, and text would corrupt the bytes.
			throw new ImageKitInputError(
				'responseType',
				"download() cannot stream through n8n's httpRequest, which carries only JSON: fetch the " +
					"file with this.helpers.httpRequest({ url, encoding: 'arraybuffer' }) instead",
			);
		}
		const response = await this.sender.send({
			method: 'GET',
			url,
			anonymous: true,
			responseType: 'stream',
		});
		if (!response.stream) {
			throw new Error(
				"The requester answered a download without a stream: it must support responseType 'stream'",
			);
		}
		return { status: response.status, headers: response.headers, body: response.stream };
	}

	/** One call to the management API (api.imagekit.io) returning the parsed body. */
	protected async api(
		method: HttpMethod,
		path: string,
		extra: Pick<HttpRequest, 'query' | 'body'> = {},
		mode: RetryMode = 'idempotent',
	): Promise<unknown> {
		const response = await this.sender.send(
			{ method, url: `${this.apiBaseUrl}${path}`, ...extra },
			mode,
		);
		return response.body;
	}
}
