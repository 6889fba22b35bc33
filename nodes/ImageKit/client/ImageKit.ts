import { createHmac, randomUUID } from 'crypto';

import { ImageKitInputError } from './errors';
import type { HttpMethod, HttpRequest, QueryValue, Requester } from './http';
import { createFetchRequester } from './http';
import type { MultipartFile, UploadFileContent } from './multipart';
import { MultipartBody } from './multipart';
import { phashDistance } from './phash';
import type { RetryMode, RetryOptions, Sleep } from './transport';
import { Transport } from './transport';
import type {
	BulkDeleteResult,
	FileDetails,
	FileMetadata,
	ListFilesOptions,
	PurgeStatus,
	UpdateFileDetails,
	UploadOptions,
	UploadResult,
} from './types';
import type { UrlOptions } from './url';
import { buildUrl } from './url';

export const API_BASE_URL = 'https://api.imagekit.io';
export const UPLOAD_BASE_URL = 'https://upload.imagekit.io';

/** ImageKit's cap on ids per bulk-delete request. */
export const BULK_DELETE_LIMIT = 100;
/** ImageKit's cap on items per list request. */
export const LIST_PAGE_LIMIT = 1000;
/** Client-side upload signatures may expire at most this far ahead (API.md §5.2). */
export const MAX_UPLOAD_AUTH_EXPIRY_SECONDS = 3600;
const DEFAULT_UPLOAD_AUTH_EXPIRY_SECONDS = 1800;

export interface ImageKitOptions {
	privateKey: string;
	publicKey?: string;
	urlEndpoint?: string;
	/** Sends the HTTP requests; defaults to `fetch` with Basic auth from `privateKey`. */
	request?: Requester;
	/** Waits between retries; defaults to a timer. */
	sleep?: Sleep;
	retry?: RetryOptions;
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

export interface AuthenticationParameters {
	token: string;
	expire: number;
	signature: string;
}

function requireId(field: string, value: string): string {
	if (typeof value !== 'string' || value.trim() === '') {
		throw new ImageKitInputError(field, `${field} must be a non-empty string`);
	}
	return encodeURIComponent(value.trim());
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
	return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** Multipart field values as ImageKit expects them: lists comma-joined, objects as JSON. */
function formValue(value: unknown): string {
	if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return value.join(',');
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

export class ImageKit {
	readonly publicKey?: string;
	readonly urlEndpoint?: string;
	private readonly privateKey: string;
	private readonly transport: Transport;
	private readonly apiBaseUrl: string;
	private readonly uploadBaseUrl: string;

	constructor(options: ImageKitOptions) {
		if (!options || typeof options.privateKey !== 'string' || options.privateKey === '') {
			throw new ImageKitInputError('privateKey', 'privateKey is required');
		}
		// Not enumerable, so the key does not show up when the client is logged or serialised.
		this.privateKey = options.privateKey;
		Object.defineProperty(this, 'privateKey', { enumerable: false });
		this.publicKey = options.publicKey;
		this.urlEndpoint = options.urlEndpoint;
		this.apiBaseUrl = (options.apiBaseUrl ?? API_BASE_URL).replace(/\/+$/, '');
		this.uploadBaseUrl = (options.uploadBaseUrl ?? UPLOAD_BASE_URL).replace(/\/+$/, '');
		this.transport = new Transport(
			options.request ?? createFetchRequester(options.privateKey),
			options.sleep,
			options.retry,
		);
	}

	static phashDistance(first: string | number, second: string | number): number {
		return phashDistance(first, second);
	}

	phashDistance(first: string | number, second: string | number): number {
		return phashDistance(first, second);
	}

	/** A delivery URL with transformations, optionally signed (API.md §6). */
	url(options: UrlOptions): string {
		return buildUrl(options, { privateKey: this.privateKey, urlEndpoint: this.urlEndpoint });
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
		const { file, fileName, fileSize, mimeType, ...options } = input;
		if (typeof fileName !== 'string' || fileName.trim() === '') {
			throw new ImageKitInputError('fileName', 'fileName must be a non-empty string');
		}
		const fields: Array<[string, string]> = [['fileName', fileName]];
		for (const [name, value] of Object.entries(options)) {
			if (value !== undefined && value !== null) fields.push([name, formValue(value)]);
		}
		let part: (MultipartFile & { fieldName: string }) | undefined;
		if (typeof file === 'string') {
			if (file === '') throw new ImageKitInputError('file', 'file must not be empty');
			fields.push(['file', file]);
		} else if (file instanceof Uint8Array) {
			part = { fieldName: 'file', content: file, size: file.length, fileName, contentType: mimeType };
		} else if (isAsyncIterable(file)) {
			if (fileSize === undefined || !Number.isInteger(fileSize) || fileSize < 0) {
				throw new ImageKitInputError('fileSize', 'fileSize (bytes) is required to stream a file');
			}
			part = { fieldName: 'file', content: file, size: fileSize, fileName, contentType: mimeType };
		} else {
			throw new ImageKitInputError('file', 'file must be bytes, a stream, a URL or base64 text');
		}
		const body = new MultipartBody(fields, part);
		const response = await this.transport.send(
			{ method: 'POST', url: `${this.uploadBaseUrl}/api/v1/files/upload`, body },
			'once',
			body.replayable,
		);
		return response.body as UploadResult;
	}

	/** Alias of `upload`, the name the older SDKs use. */
	async uploadFile(input: UploadInput): Promise<UploadResult> {
		return await this.upload(input);
	}

	async listFiles(options: ListFilesOptions = {}): Promise<FileDetails[]> {
		const { tags, ...rest } = options;
		const query: Record<string, QueryValue> = { ...rest };
		if (tags !== undefined) query.tags = Array.isArray(tags) ? tags.join(',') : tags;
		return (await this.api('GET', '/v1/files', { query })) as FileDetails[];
	}

	async getFileDetails(fileId: string): Promise<FileDetails> {
		return (await this.api('GET', `/v1/files/${requireId('fileId', fileId)}/details`)) as FileDetails;
	}

	async getFileMetadata(fileId: string): Promise<FileMetadata> {
		return (await this.api('GET', `/v1/files/${requireId('fileId', fileId)}/metadata`)) as FileMetadata;
	}

	async getRemoteUrlMetadata(url: string): Promise<FileMetadata> {
		if (typeof url !== 'string' || !/^https?:\/\//i.test(url.trim())) {
			throw new ImageKitInputError('url', 'url must be an absolute http(s) URL');
		}
		return (await this.api('GET', '/v1/metadata', { query: { url: url.trim() } })) as FileMetadata;
	}

	async updateFileDetails(fileId: string, body: UpdateFileDetails): Promise<FileDetails> {
		const path = `/v1/files/${requireId('fileId', fileId)}/details`;
		return (await this.api('PATCH', path, { body })) as FileDetails;
	}

	async deleteFile(fileId: string): Promise<void> {
		await this.api('DELETE', `/v1/files/${requireId('fileId', fileId)}`);
	}

	/**
	 * Deletes up to 100 files in one call. The result lists the deleted ids and, on a partial
	 * success (207), an error per id that failed.
	 */
	async bulkDeleteFiles(fileIds: string[]): Promise<BulkDeleteResult> {
		if (!Array.isArray(fileIds) || fileIds.length === 0) {
			throw new ImageKitInputError('fileIds', 'fileIds must be a non-empty array');
		}
		if (fileIds.length > BULK_DELETE_LIMIT) {
			throw new ImageKitInputError('fileIds', `fileIds can hold at most ${BULK_DELETE_LIMIT} ids per call`);
		}
		const body = { fileIds };
		return (await this.api('POST', '/v1/files/batch/deleteByFileIds', { body })) as BulkDeleteResult;
	}

	async purgeCache(url: string): Promise<{ requestId: string }> {
		if (typeof url !== 'string' || !/^https?:\/\//i.test(url.trim())) {
			throw new ImageKitInputError('url', 'url must be the full URL to purge');
		}
		const body = { url: url.trim() };
		return (await this.api('POST', '/v1/files/purge', { body })) as { requestId: string };
	}

	async getPurgeCacheStatus(requestId: string): Promise<PurgeStatus> {
		const path = `/v1/files/purge/${requireId('requestId', requestId)}`;
		return (await this.api('GET', path)) as PurgeStatus;
	}

	/** One call to the management API (api.imagekit.io) returning the parsed body. */
	protected async api(
		method: HttpMethod,
		path: string,
		extra: Pick<HttpRequest, 'query' | 'body'> = {},
		mode: RetryMode = 'idempotent',
	): Promise<unknown> {
		const response = await this.transport.send({ method, url: `${this.apiBaseUrl}${path}`, ...extra }, mode);
		return response.body;
	}
}
