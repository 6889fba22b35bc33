import type { HttpRequest, HttpResponse, Requester, StreamedBody } from './requester';
import { isStreamedBody, parseJsonBody, timeoutError } from './requester';

function buildQueryString(query: HttpRequest['query']): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query ?? {})) {
		if (value !== undefined) params.append(key, String(value));
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}

/** fetch's failure with the system error code on top (undici puts it on `cause`). */
function fetchFailure(error: unknown): Error & { code?: string } {
	const { message, cause } = error as {
		message?: string;
		cause?: { code?: string; message?: string };
	};
	return Object.assign(new Error(cause?.message ?? message ?? 'fetch failed'), {
		code: cause?.code,
	});
}

async function readAll(body: StreamedBody): Promise<Uint8Array> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of body.stream()) chunks.push(chunk);
	return Buffer.concat(chunks);
}

/**
 * The requester used outside n8n: the platform's `fetch` with Basic auth (private key as user name,
 * empty password). Streamed bodies are sent as one buffer, since undici only streams with chunked
 * encoding and ImageKit expects a Content-Length. `timeoutMs` bounds the whole exchange.
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
		let text: string;
		let response: Response;
		// One deadline for the answer and its body; redirects come back as they are (see Requester).
		const signal =
			request.timeoutMs === undefined ? undefined : AbortSignal.timeout(request.timeoutMs);
		try {
			response = await fetch(request.url + buildQueryString(request.query), {
				method: request.method,
				headers,
				body,
				redirect: 'manual',
				signal,
			});
			text = await response.text();
		} catch (error) {
			throw signal?.aborted ? timeoutError(request.timeoutMs) : fetchFailure(error);
		}
		const responseHeaders: HttpResponse['headers'] = {};
		response.headers.forEach((value, name) => {
			responseHeaders[name] = value;
		});
		return { status: response.status, headers: responseHeaders, ...parseJsonBody(text) };
	};
}
