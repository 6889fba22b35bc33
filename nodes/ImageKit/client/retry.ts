import {
	apiMessage,
	ImageKitApiError,
	ImageKitConnectionError,
	ImageKitRedirectError,
	ImageKitUnreadableAnswerError,
	readRateLimit,
} from './errors';
import type { HttpRequest, HttpResponse, Requester } from './requester';
import { headerValue } from './requester';

export type Sleep = (milliseconds: number) => Promise<void>;

/**
 * Waits without `setTimeout`, which n8n's cloud rules forbid in community packages.
 * `AbortSignal.timeout` does not hold the process open, so an idle message port does, until it fires.
 */
export const defaultSleep: Sleep = async (milliseconds) =>
	await new Promise<void>((resolve) => {
		const keepAlive = new MessageChannel();
		keepAlive.port1.ref();
		AbortSignal.timeout(Math.max(0, milliseconds)).addEventListener(
			'abort',
			() => {
				keepAlive.port1.close();
				resolve();
			},
			{ once: true },
		);
	});

export interface RetryOptions {
	/** Further attempts after the first one. Default 3. */
	maxRetries?: number;
	/** First backoff delay; it doubles on each retry. Default 500 ms. */
	baseDelayMs?: number;
	/** Longest wait the client accepts; a server asking for longer fails at once. Default 60 s. */
	maxDelayMs?: number;
}

/**
 * How far a request may be repeated:
 * - `idempotent`: reads, and writes that are safe to repeat (delete, purge, tags, update);
 * - `once`: the body may create something (an upload), so it is repeated only when the server
 *   provably did not take it (429, or no connection at all) and the body can be sent again. When
 *   the outcome is unknown (a timeout, a reset, a 5xx, an unreadable answer) the error says so.
 */
export type RetryMode = 'idempotent' | 'once';

/** Added to the error of a `once` request whose outcome is unknown. */
export const UNCERTAIN_WRITE_HINT =
	' ImageKit may have carried it out all the same: check the media library before you retry.';

/** Default wait for an answer: ImageKit's own SDKs give up after 60 s (imagekit-nodejs v7 `client.ts`). */
export const DEFAULT_TIMEOUT_MS = 60_000;

// Codes for failures where no byte of the request can have reached the server.
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

// Plain words for the usual failures (n8n would otherwise swap a message naming the code for its own).
const CONNECTION_FAILURES: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name could not be resolved',
	EAI_AGAIN: 'the host name could not be resolved',
	ECONNABORTED: 'the request was aborted',
};

function errorCode(error: unknown): string | undefined {
	const candidate = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
	const code = candidate?.code ?? candidate?.cause?.code;
	return typeof code === 'string' ? code : undefined;
}

function retryAfterMs(response: HttpResponse): number | undefined {
	const reset = readRateLimit(response)?.reset;
	if (reset !== undefined && reset >= 0) return reset;
	const retryAfter = headerValue(response.headers, 'retry-after');
	if (retryAfter === undefined) return undefined;
	const seconds = Number(retryAfter);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(retryAfter);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export class RetryingSender {
	private readonly maxRetries: number;
	private readonly baseDelayMs: number;
	private readonly maxDelayMs: number;

	constructor(
		private readonly requester: Requester,
		private readonly sleep: Sleep = defaultSleep,
		retry: RetryOptions = {},
		/** Used when a request sets no `timeoutMs` of its own. */
		private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
	) {
		this.maxRetries = retry.maxRetries ?? 3;
		this.baseDelayMs = retry.baseDelayMs ?? 500;
		this.maxDelayMs = retry.maxDelayMs ?? 60_000;
	}

	/**
	 * Sends the request, retrying as `mode` allows, and returns the successful response with a
	 * readable body (or its unread `stream`). A redirect that reaches it is an error.
	 */
	async send(
		request: HttpRequest,
		mode: RetryMode = 'idempotent',
		replayable = true,
	): Promise<HttpResponse> {
		const timed = { ...request, timeoutMs: request.timeoutMs ?? this.timeoutMs };
		const uncertain = mode === 'once' ? UNCERTAIN_WRITE_HINT : '';
		for (let attempt = 0; ; attempt++) {
			const canRetry = attempt < this.maxRetries && replayable;
			let response: HttpResponse;
			try {
				response = await this.requester(timed);
			} catch (error) {
				const code = errorCode(error);
				const retryable =
					mode === 'idempotent' || (code !== undefined && NOT_CONNECTED_CODES.has(code));
				if (canRetry && retryable) {
					await this.sleep(this.backoff(attempt));
					continue;
				}
				throw this.connectionError(error, code, mode, timed.timeoutMs);
			}
			if (response.status < 300) {
				if (response.unreadable) throw new ImageKitUnreadableAnswerError(response, uncertain);
				return response;
			}
			// A failed answer's body is never read: free its connection.
			response.stream?.destroy();
			if (response.status < 400) throw new ImageKitRedirectError(response, request.url);

			const retryable =
				response.status === 429 || (mode === 'idempotent' && response.status >= 500);
			if (!canRetry || !retryable) throw this.apiError(response, mode);
			const wait = retryAfterMs(response) ?? this.backoff(attempt);
			if (wait > this.maxDelayMs) throw new ImageKitApiError(response);
			await this.sleep(wait);
		}
	}

	/** ImageKit's error; for a 5xx to a write that is not safe to repeat, it adds that it may have happened. */
	private apiError(response: HttpResponse, mode: RetryMode): ImageKitApiError {
		if (mode !== 'once' || response.status < 500) return new ImageKitApiError(response);
		const message = apiMessage(response).replace(/\.?$/, '.');
		return new ImageKitApiError(response, `${message}${UNCERTAIN_WRITE_HINT}`);
	}

	private backoff(attempt: number): number {
		const delay = Math.min(this.baseDelayMs * 2 ** attempt, this.maxDelayMs);
		// Up to 25% jitter, so parallel executions do not retry in lockstep.
		return Math.round(delay * (1 - Math.random() * 0.25));
	}

	private connectionError(
		error: unknown,
		code: string | undefined,
		mode: RetryMode,
		timeoutMs: number,
	) {
		const hint =
			mode === 'once' && !(code && NOT_CONNECTED_CODES.has(code)) ? UNCERTAIN_WRITE_HINT : '';
		if (code === 'ETIMEDOUT') {
			const seconds = Math.round(timeoutMs / 100) / 10;
			return new ImageKitConnectionError(
				`ImageKit did not answer within ${seconds} s.${hint}`,
				code,
			);
		}
		const cause =
			(code ? CONNECTION_FAILURES[code] : undefined) ??
			(error instanceof Error ? error.message : String(error));
		return new ImageKitConnectionError(`Could not reach ImageKit: ${cause}.${hint}`, code);
	}
}
