// The requester contract of the client. The client never talks to the network itself: it hands a
// plain request to an injected requester (n8n's request helpers inside n8n, `fetch` outside).

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | undefined;

/** A request body that is streamed rather than held in memory, framed by the client. */
export interface StreamedBody {
	readonly contentType: string;
	readonly contentLength: number;
	stream(): AsyncIterable<Uint8Array>;
}

export interface HttpRequest {
	method: HttpMethod;
	/** Absolute URL without a query string. */
	url: string;
	query?: Record<string, QueryValue>;
	headers?: Record<string, string>;
	/** A JSON-serialisable value, or a streamed body. */
	body?: unknown;
	/**
	 * How long to wait for the answer, in milliseconds. The client always sets it; a requester that
	 * gets no answer in time rejects with the code `ETIMEDOUT`.
	 */
	timeoutMs?: number;
	/**
	 * `'stream'` hands the body back unread as `HttpResponse.stream`, for the caller to read or
	 * destroy; `timeoutMs` then bounds the wait for the status and headers, and each pause of the
	 * body after them. Default `'json'`: the body is read whole and parsed.
	 */
	responseType?: 'json' | 'stream';
	/**
	 * No credential goes out: no Authorization header, from the requester or its platform. For
	 * delivery (CDN) URLs, which are public or signed in the URL. With nothing secret to leak, the
	 * requester follows redirects, which a CDN may answer.
	 */
	anonymous?: boolean;
}

/** A response body not read yet: read it once, or destroy it to free the connection. */
export interface ResponseStream extends AsyncIterable<Uint8Array> {
	destroy(): void;
}

export interface HttpResponse {
	status: number;
	/** Header names in lower case. */
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON, or undefined for an empty or unreadable body. */
	body: unknown;
	/** The body was not empty, yet not JSON either (e.g. cut short, or a proxy's HTML page). */
	unreadable?: boolean;
	/** The unread body, in place of `body`, when the request asked for `responseType: 'stream'`. */
	stream?: ResponseStream;
}

/**
 * Sends one request and resolves with whatever status the server answered, redirects included: it
 * never follows one, so the private key goes nowhere but to the host asked (an `anonymous` request
 * excepted). It rejects only when no response arrived (connection refused, reset, no answer within
 * `timeoutMs`); the error's `code` says which (`ETIMEDOUT` for the timeout). It is responsible for
 * authentication, and for sending none on an `anonymous` request.
 */
export type Requester = (request: HttpRequest) => Promise<HttpResponse>;

export function isStreamedBody(body: unknown): body is StreamedBody {
	return (
		typeof body === 'object' &&
		body !== null &&
		typeof (body as StreamedBody).stream === 'function' &&
		typeof (body as StreamedBody).contentLength === 'number'
	);
}

export function headerValue(headers: HttpResponse['headers'], name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** A response body as text, parsed as JSON; an unreadable body is flagged, never passed on raw. */
export function parseJsonBody(text: string): Pick<HttpResponse, 'body' | 'unreadable'> {
	if (text.trim() === '') return { body: undefined };
	try {
		return { body: JSON.parse(text) };
	} catch {
		return { body: undefined, unreadable: true };
	}
}

/** The error a requester rejects with when the answer did not come in time. */
export function timeoutError(timeoutMs: number | undefined): Error & { code: string } {
	return Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' });
}

/** ImageKit's Basic auth: the private key as user name, an empty password (API.md §1.1). */
export function basicAuthorization(privateKey: string): string {
	return `Basic ${Buffer.from(`${privateKey}:`).toString('base64')}`;
}
