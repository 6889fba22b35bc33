import type {
	HttpRequest,
	HttpResponse,
	Requester,
	ResponseStream,
	StreamedBody,
} from './requester';
import { basicAuthorization, isStreamedBody, parseJsonBody, timeoutError } from './requester';

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

/** A 3xx that fetch refused to follow (`redirect: 'error'`), of which it shows nothing more. */
const REDIRECT_UNSEEN: HttpResponse = { status: 300, headers: {}, body: undefined };

function isRedirectRefusal(error: unknown): boolean {
	return (error as { cause?: { message?: unknown } })?.cause?.message === 'unexpected redirect';
}

/**
 * A streamed body as fetch takes it, read only as fast as it is sent (no buffer ahead of the
 * socket), so memory stays flat whatever the file size.
 */
function readableStreamOf(body: StreamedBody): ReadableStream<Uint8Array> {
	const chunks = body.stream()[Symbol.asyncIterator]();
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				const { value, done } = await chunks.next();
				if (done) controller.close();
				else controller.enqueue(value);
			},
			async cancel() {
				await chunks.return?.();
			},
		},
		{ highWaterMark: 0 },
	);
}

/**
 * Aborts `controller` once `timeoutMs` pass without progress. `AbortSignal.timeout` cannot be
 * cleared (and n8n's cloud rules forbid `setTimeout`), so when it fires after progress it arms
 * itself again for the time left; one timer is pending at a time.
 */
function idleDeadline(timeoutMs: number, controller: AbortController) {
	let lastProgress = Date.now();
	let stopped = false;
	const arm = (delayMs: number) => {
		AbortSignal.timeout(delayMs).addEventListener(
			'abort',
			() => {
				if (stopped) return;
				const idleMs = Date.now() - lastProgress;
				if (idleMs >= timeoutMs) controller.abort();
				else arm(timeoutMs - idleMs);
			},
			{ once: true },
		);
	};
	arm(timeoutMs);
	return {
		progress: () => {
			lastProgress = Date.now();
		},
		stop: () => {
			stopped = true;
		},
	};
}

/** The body of a streamed answer, failing as the contract says when it stalls or breaks. */
function responseStream(
	body: ReadableStream<Uint8Array> | null,
	deadline: ReturnType<typeof idleDeadline> | undefined,
	signal: AbortSignal,
	timeoutMs: number | undefined,
): ResponseStream {
	return {
		async *[Symbol.asyncIterator]() {
			try {
				if (body) {
					for await (const chunk of body) {
						deadline?.progress();
						yield chunk;
					}
				}
			} catch (error) {
				throw signal.aborted ? timeoutError(timeoutMs) : fetchFailure(error);
			} finally {
				deadline?.stop();
			}
		},
		destroy() {
			deadline?.stop();
			body?.cancel().catch(() => {});
		},
	};
}

/**
 * The requester used outside n8n: the platform's `fetch` with Basic auth (private key as user name,
 * empty password), none on an `anonymous` request. Streamed bodies are streamed, with their
 * Content-Length. `timeoutMs` bounds the whole exchange, or for a streamed answer its head and each
 * pause of its body.
 */
export function createFetchRequester(privateKey: string): Requester {
	const authorization = basicAuthorization(privateKey);
	return async (request) => {
		const headers: Record<string, string> = { ...request.headers };
		if (!request.anonymous) headers.authorization = authorization;
		let body: string | ReadableStream<Uint8Array> | undefined;
		const streamedBody = isStreamedBody(request.body);
		if (isStreamedBody(request.body)) {
			// undici streams a body of known length with its Content-Length (no chunked encoding),
			// as ImageKit expects; a stream body needs `duplex: 'half'`.
			headers['content-type'] = request.body.contentType;
			headers['content-length'] = String(request.body.contentLength);
			body = readableStreamOf(request.body);
		} else if (request.body !== undefined) {
			headers['content-type'] = 'application/json';
			body = JSON.stringify(request.body);
		}
		const streamed = request.responseType === 'stream';
		const controller = new AbortController();
		const deadline =
			request.timeoutMs === undefined ? undefined : idleDeadline(request.timeoutMs, controller);
		let text = '';
		let response: Response;
		try {
			response = await fetch(request.url + buildQueryString(request.query), {
				method: request.method,
				headers,
				body,
				duplex: 'half',
				// Redirects come back as they are (see Requester), unless no credential goes with them.
				// A streamed body is the exception: unless redirects are an error (and there is no
				// window), undici tees the body to re-send it, and the unread copy holds every byte.
				redirect: request.anonymous ? 'follow' : streamedBody ? 'error' : 'manual',
				...(streamedBody && { window: null }),
				signal: controller.signal,
			});
			if (!streamed) text = await response.text();
		} catch (error) {
			deadline?.stop();
			if (controller.signal.aborted) throw timeoutError(request.timeoutMs);
			// The redirect fetch refused: its status and location are not shown, only that it was one.
			if (streamedBody && isRedirectRefusal(error)) return REDIRECT_UNSEEN;
			throw fetchFailure(error);
		}
		const responseHeaders: HttpResponse['headers'] = {};
		response.headers.forEach((value, name) => {
			responseHeaders[name] = value;
		});
		if (streamed) {
			deadline?.progress();
			const stream = responseStream(response.body, deadline, controller.signal, request.timeoutMs);
			return { status: response.status, headers: responseHeaders, body: undefined, stream };
		}
		deadline?.stop();
		return { status: response.status, headers: responseHeaders, ...parseJsonBody(text) };
	};
}
