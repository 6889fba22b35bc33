// Transport contract of the client. The client never talks to the network itself: it hands a
// plain request to an injected requester (n8n's authenticated helper inside n8n, `fetch` outside).

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
}

export interface HttpResponse {
	status: number;
	/** Header names in lower case. */
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON, or undefined for an empty body. */
	body: unknown;
}

/**
 * Sends one request and resolves with whatever status the server answered. It rejects only when
 * no response arrived (connection refused, reset, timeout); the error's `code` says which.
 * It is responsible for authentication.
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

function buildQueryString(query: HttpRequest['query']): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query ?? {})) {
		if (value !== undefined) params.append(key, String(value));
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}

async function readAll(body: StreamedBody): Promise<Uint8Array> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of body.stream()) chunks.push(chunk);
	return Buffer.concat(chunks);
}

/**
 * The requester used outside n8n: the platform's `fetch` with Basic auth (private key as user name,
 * empty password). Streamed bodies are sent as one buffer, since undici only streams with chunked
 * encoding and ImageKit expects a Content-Length.
 */
export function createFetchRequester(privateKey: string): Requester {
	const authorization = `Basic ${Buffer.from(`${privateKey}:`).toString('base64')}`;
	return async (request) => {
		const headers: Record<string, string> = { ...request.headers, authorization };
		let body: string | Uint8Array | undefined;
		if (isStreamedBody(request.body)) {
			headers['content-type'] = request.body.contentType;
			body = await readAll(request.body);
		} else if (request.body !== undefined) {
			headers['content-type'] = 'application/json';
			body = JSON.stringify(request.body);
		}
		const response = await fetch(request.url + buildQueryString(request.query), {
			method: request.method,
			headers,
			body,
		});
		const text = await response.text();
		const responseHeaders: HttpResponse['headers'] = {};
		response.headers.forEach((value, name) => {
			responseHeaders[name] = value;
		});
		let parsed: unknown = undefined;
		if (text) {
			try {
				parsed = JSON.parse(text);
			} catch {
				parsed = text;
			}
		}
		return { status: response.status, headers: responseHeaders, body: parsed };
	};
}
