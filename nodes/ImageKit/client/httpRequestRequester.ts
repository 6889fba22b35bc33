// A requester on n8n's `this.helpers.httpRequest`, for the client in a Code node. The default
// requester, `fetch`, cannot run there: n8n's JavaScript task runner (secure mode, the default)
// freezes the global prototypes, and undici then crashes the whole runner while building its own
// errors (issue 14; n8n-io/n8n#21227). n8n's helper sends the request from n8n's main process,
// which the runner reaches over its RPC channel; only plain JSON crosses that channel.

import { ImageKitInputError } from './errors';
import type { HttpMethod, HttpResponse, QueryValue, Requester } from './requester';
import { basicAuthorization, isStreamedBody, parseJsonBody, timeoutError } from './requester';
import type { UploadFileContent } from './multipart';

/** What this requester passes to n8n's `httpRequest` (a subset of n8n's `IHttpRequestOptions`). */
export interface HttpRequestOptions {
	method: HttpMethod;
	url: string;
	qs?: Record<string, QueryValue>;
	headers: Record<string, string>;
	body?: string;
	returnFullResponse: true;
	ignoreHttpStatusErrors: true;
	disableFollowRedirect: boolean;
	timeout?: number;
	encoding: 'text';
	json: false;
}

/** n8n's `this.helpers.httpRequest`, as a Code node or a node's `execute` has it. */
export type HttpRequestHelper = (options: HttpRequestOptions) => Promise<unknown>;

/** What n8n's helper answers with `returnFullResponse` (n8n's `IN8nHttpFullResponse`). */
interface FullResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

/** A failure as it reaches the runner: an Error, or the plain object it was serialised to. */
interface FailureCause {
	message?: unknown;
	code?: unknown;
	cause?: { code?: unknown; message?: unknown };
}

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value !== '' ? value : undefined;

/**
 * n8n's failure as a plain error with only a message and a system code: n8n's own (an axios error)
 * carries the request config, the Authorization header included. axios fails a `timeout` with
 * ECONNABORTED (or ETIMEDOUT) and a message naming the timeout; that becomes the requester's
 * `ETIMEDOUT` (see Requester).
 */
export function httpRequestFailure(error: unknown, timeoutMs?: number): Error & { code?: string } {
	const cause = (typeof error === 'string' ? { message: error } : error) as
		FailureCause | undefined;
	const code = text(cause?.code) ?? text(cause?.cause?.code);
	const message = text(cause?.cause?.message) ?? text(cause?.message) ?? 'request failed';
	const timedOut =
		timeoutMs !== undefined &&
		(code === 'ETIMEDOUT' || code === 'ECONNABORTED') &&
		/timeout/i.test(`${text(cause?.message) ?? ''} ${text(cause?.cause?.message) ?? ''}`);
	if (timedOut) return timeoutError(timeoutMs);
	return Object.assign(new Error(message), { code });
}

/** Response headers with their names in lower case, as `HttpResponse` has them. */
export function lowerCaseHeaders(headers: FullResponse['headers']): HttpResponse['headers'] {
	const result: HttpResponse['headers'] = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		result[name.toLowerCase()] = value as string | string[] | undefined;
	}
	return result;
}

/**
 * Upload content as text, the only form that crosses to n8n intact: bytes become base64, which
 * ImageKit's `file` field takes as well (API.md §3.1: raw bytes, a URL, or base64 or a data URI);
 * a data URI keeps the MIME type. A stream cannot be sent at all. Bytes are recognised from any
 * realm: a Code node's own `Uint8Array` is not an instance of this one's.
 */
export function textUploadContent(file: UploadFileContent, mimeType?: string): UploadFileContent {
	if (ArrayBuffer.isView(file)) {
		const base64 = Buffer.from(file.buffer, file.byteOffset, file.byteLength).toString('base64');
		return mimeType ? `data:${mimeType};base64,${base64}` : base64;
	}
	if (typeof file === 'object' && file !== null && Symbol.asyncIterator in file) {
		throw new ImageKitInputError(
			'file',
			"file cannot be a stream through n8n's httpRequest, which carries only JSON: give a Buffer, " +
				"e.g. await this.helpers.getBinaryDataBuffer(0, 'data')",
		);
	}
	// Text goes as it is; anything else is refused by upload() as usual.
	return file;
}

/** The body as the text n8n sends as it is: JSON, or a multipart body framed around text only. */
async function bodyText(body: unknown): Promise<string | undefined> {
	if (body === undefined) return undefined;
	if (!isStreamedBody(body)) return JSON.stringify(body);
	const chunks: Uint8Array[] = [];
	for await (const chunk of body.stream()) chunks.push(chunk);
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * The client's requests through n8n's `httpRequest`: Basic auth (private key as user name, empty
 * password) only to `apiOrigins` and never on an `anonymous` request; redirects returned, never
 * followed, unless the request is `anonymous` (n8n re-sends credentials to wherever a redirect
 * points); any status returned as a response; `timeoutMs` as axios' `timeout`. It answers no
 * `responseType: 'stream'` (only JSON crosses from n8n to the runner): the client refuses download()
 * with it before asking.
 */
export function createHttpRequestRequester(
	httpRequest: HttpRequestHelper,
	privateKey: string,
	apiOrigins: readonly string[],
): Requester {
	const authorization = basicAuthorization(privateKey);
	const origins = new Set(apiOrigins.map((origin) => new URL(origin).origin));
	return async (request) => {
		const headers: Record<string, string> = { ...request.headers };
		const withKey = !request.anonymous && origins.has(new URL(request.url).origin);
		if (withKey) headers.authorization = authorization;
		if (isStreamedBody(request.body)) headers['content-type'] = request.body.contentType;
		else if (request.body !== undefined) headers['content-type'] = 'application/json';
		let response: FullResponse;
		try {
			response = (await httpRequest({
				method: request.method,
				url: request.url,
				qs: request.query,
				headers,
				body: await bodyText(request.body),
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				// Only a request without the key may follow a redirect (see Requester).
				disableFollowRedirect: !request.anonymous,
				timeout: request.timeoutMs,
				// The body as text, so an answer that is not JSON is caught, not passed on as a string.
				encoding: 'text',
				json: false,
			})) as FullResponse;
		} catch (error) {
			throw httpRequestFailure(error, request.timeoutMs);
		}
		return {
			status: response.statusCode,
			headers: lowerCaseHeaders(response.headers),
			...parseJsonBody(typeof response.body === 'string' ? response.body : ''),
		};
	};
}
