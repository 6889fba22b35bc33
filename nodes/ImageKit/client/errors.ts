import type { HttpResponse } from './requester';
import { headerValue } from './requester';

export interface RateLimitInfo {
	/** Requests allowed in the interval (`X-RateLimit-Limit`). */
	limit?: number;
	/** Milliseconds until the limit resets (`X-RateLimit-Reset`). */
	reset?: number;
	/** Length of the interval in milliseconds (`X-RateLimit-Interval`). */
	interval?: number;
}

function numericHeader(response: HttpResponse, name: string): number | undefined {
	const value = headerValue(response.headers, name);
	if (value === undefined || value.trim() === '') return undefined;
	const parsed = Number(value);
	return Number.isFinite(parsed) ? parsed : undefined;
}

export function readRateLimit(response: HttpResponse): RateLimitInfo | undefined {
	const info: RateLimitInfo = {
		limit: numericHeader(response, 'x-ratelimit-limit'),
		reset: numericHeader(response, 'x-ratelimit-reset'),
		interval: numericHeader(response, 'x-ratelimit-interval'),
	};
	return Object.values(info).some((value) => value !== undefined) ? info : undefined;
}

/** ImageKit's `message`, or the status when the body has none. */
export function apiMessage(response: HttpResponse): string {
	const body = response.body as { message?: unknown } | undefined;
	return typeof body?.message === 'string' && body.message
		? body.message
		: `ImageKit answered with HTTP ${response.status}`;
}

/**
 * Gives an error its class name as an own property, as the field `name = '…'` would. Assigning it,
 * which TypeScript emits for such a field below ES2022, throws where `Error.prototype` is frozen, as
 * in n8n's task runner (Code node, secure mode): its `name` is read-only there, and inherited.
 */
function nameError(error: Error, name: string): void {
	Object.defineProperty(error, 'name', {
		value: name,
		writable: true,
		enumerable: true,
		configurable: true,
	});
}

/** An answer from ImageKit with a non-success status. Carries ImageKit's own explanation. */
export class ImageKitApiError extends Error {
	declare readonly name: 'ImageKitApiError';
	readonly status: number;
	/** ImageKit's `help` text. */
	readonly help?: string;
	/** ImageKit's machine-readable `reason`, e.g. `FILE_ALREADY_EXISTS`. */
	readonly reason?: string;
	readonly rateLimit?: RateLimitInfo;
	/** ImageKit's request id (`x-ik-requestId`), for support tickets. */
	readonly requestId?: string;
	/** The parsed error body, e.g. with `missingFileIds` or `errors`. */
	readonly body: unknown;

	/**
	 * @param message replaces ImageKit's own message, e.g. to add that a write may have happened.
	 */
	constructor(response: HttpResponse, message?: string) {
		const body = response.body;
		const fields =
			typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
		super(message ?? apiMessage(response));
		nameError(this, 'ImageKitApiError');
		this.status = response.status;
		this.help = typeof fields.help === 'string' ? fields.help : undefined;
		this.reason = typeof fields.reason === 'string' ? fields.reason : undefined;
		this.rateLimit = readRateLimit(response);
		this.requestId = headerValue(response.headers, 'x-ik-requestid');
		this.body = body;
	}
}

/**
 * ImageKit's API answered with a redirect (3xx). Redirects are never followed, so the private key is
 * sent only to the host asked: an API that redirects is misconfigured or intercepted on the way.
 */
export class ImageKitRedirectError extends ImageKitApiError {
	/** The host the redirect pointed at, if the answer named one. */
	readonly location?: string;

	constructor(response: HttpResponse, requestUrl: string) {
		const location = headerValue(response.headers, 'location');
		let target = 'no location';
		if (location !== undefined) {
			const url = URL.canParse(location, requestUrl) ? new URL(location, requestUrl) : undefined;
			target = url ? `${url.protocol}//${url.host}` : JSON.stringify(location);
		}
		super(
			response,
			`ImageKit answered HTTP ${response.status}, a redirect to ${target}, which is not followed: ` +
				'the private key is sent only to ImageKit. Check that nothing on the way to ImageKit ' +
				'(a proxy, a firewall, a custom API host) redirects requests.',
		);
		this.location = location;
	}
}

/**
 * ImageKit answered with success, but its body could not be read (cut short, or not JSON), so the
 * result is unknown. Never the raw text as a result: it may be a proxy's page, or half an object.
 */
export class ImageKitUnreadableAnswerError extends Error {
	declare readonly name: 'ImageKitUnreadableAnswerError';
	readonly status: number;
	readonly requestId?: string;

	constructor(response: HttpResponse, hint = '') {
		super(
			`ImageKit's answer could not be read: HTTP ${response.status} came without the JSON expected ` +
				`(cut short, or replaced on the way).${hint}`,
		);
		nameError(this, 'ImageKitUnreadableAnswerError');
		this.status = response.status;
		this.requestId = headerValue(response.headers, 'x-ik-requestid');
	}
}

/** No answer arrived from ImageKit: the connection failed, was reset or timed out. */
export class ImageKitConnectionError extends Error {
	declare readonly name: 'ImageKitConnectionError';
	/** The system error code, e.g. `ECONNRESET`. */
	readonly code?: string;

	constructor(message: string, code?: string) {
		super(message);
		nameError(this, 'ImageKitConnectionError');
		this.code = code;
	}
}

/** A bulk job was still running when the caller stopped waiting; it goes on at ImageKit. */
export class ImageKitJobTimeoutError extends Error {
	declare readonly name: 'ImageKitJobTimeoutError';
	/** The job to check later with `getBulkJobStatus`. */
	readonly jobId: string;
	/** How long the caller waited, in milliseconds. */
	readonly waitedMs: number;

	constructor(jobId: string, waitedMs: number) {
		super(
			`The bulk job ${jobId} was still pending after ${Math.round(waitedMs / 1000)} s; it goes on at ImageKit: check it later with getBulkJobStatus('${jobId}')`,
		);
		nameError(this, 'ImageKitJobTimeoutError');
		this.jobId = jobId;
		this.waitedMs = waitedMs;
	}
}

/** The caller passed something the API cannot accept; nothing was sent. */
export class ImageKitInputError extends Error {
	declare readonly name: 'ImageKitInputError';
	/** The option at fault, e.g. `transformationPosition`. */
	readonly field: string;

	constructor(field: string, message: string) {
		super(message);
		nameError(this, 'ImageKitInputError');
		this.field = field;
	}
}

/**
 * A transformation value ImageKit would refuse, found before any URL is built. `transformation` is
 * the table's name (e.g. `width`), `code` what the URL carries (`w`), `expected` what ImageKit takes.
 */
export class ImageKitTransformationValueError extends ImageKitInputError {
	readonly transformation: string;
	readonly code: string;
	readonly value: string;
	readonly expected: string;
	/** The step (from 1) that holds the value, when built from steps. */
	step?: number;

	constructor(transformation: string, code: string, value: string, expected: string) {
		super('transformation', `'${transformation}' cannot be '${value}': give ${expected}`);
		this.transformation = transformation;
		this.code = code;
		this.value = value;
		this.expected = expected;
	}
}
