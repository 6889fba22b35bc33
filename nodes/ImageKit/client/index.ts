// Public surface of the ImageKit client, also exported by the package's index.js.
export {
	ImageKit,
	API_BASE_URL,
	UPLOAD_BASE_URL,
	BULK_DELETE_LIMIT,
	BULK_TAGS_LIMIT,
	LIST_PAGE_LIMIT,
	MAX_UPLOAD_AUTH_EXPIRY_SECONDS,
	UPLOAD_TIMEOUT_MS_PER_MIB,
	uploadTimeoutMs,
} from './ImageKit';
export type {
	AuthenticationParameters,
	DownloadResponse,
	ImageKitOptions,
	UploadInput,
} from './ImageKit';
export {
	MAX_URL_ENDPOINT_ORIGINS,
	MAX_USAGE_RANGE_DAYS,
	ORIGIN_TYPES,
	usageRange,
} from './account';
export type { UsageRange } from './account';
export { MAX_REQUESTS_PER_BULK_CHUNK, settleBulk } from './bulk';
export type { BulkAnswer, BulkOutcome } from './bulk';
export {
	ImageKitApiError,
	ImageKitConnectionError,
	ImageKitInputError,
	ImageKitJobTimeoutError,
	ImageKitRedirectError,
	ImageKitTransformationValueError,
	ImageKitUnreadableAnswerError,
} from './errors';
export type { RateLimitInfo } from './errors';
export type {
	HttpRequest,
	HttpResponse,
	Requester,
	ResponseStream,
	StreamedBody,
} from './requester';
export { headerValue, isStreamedBody, parseJsonBody, timeoutError } from './requester';
export { createFetchRequester } from './fetchRequester';
export { DEFAULT_TIMEOUT_MS, UNCERTAIN_WRITE_HINT } from './retry';
export {
	createHttpRequestRequester,
	httpRequestFailure,
	lowerCaseHeaders,
} from './httpRequestRequester';
export type { HttpRequestHelper, HttpRequestOptions } from './httpRequestRequester';
export { phashDistance } from './phash';
export { MIN_WILDCARD_PATH_LENGTH, wildcardPurgeProblem } from './purge';
export { allOf, grouped, quote, where, whereIn } from './searchQuery';
export type { SearchOperator } from './searchQuery';
export { buildUrl, MAX_URL_EXPIRY_SECONDS } from './url';
export type { UrlOptions } from './url';
export {
	buildResponsiveImageAttributes,
	DEFAULT_DEVICE_BREAKPOINTS,
	DEFAULT_IMAGE_BREAKPOINTS,
} from './responsive';
export type { ResponsiveImageAttributes, ResponsiveImageOptions } from './responsive';
export {
	buildTransformationString,
	checkedTransformationString,
	TRANSFORMATIONS,
} from './transformations';
export type { TransformationStep } from './transformations';
export type * from './types';
