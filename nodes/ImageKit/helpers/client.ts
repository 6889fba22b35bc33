import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import type { JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { ImageKit, parseJsonBody, timeoutError } from '../client';
import type { HttpResponse, Requester } from '../client';

export const CREDENTIAL_TYPE = 'imageKitApi';

export interface ImageKitCredentials {
	privateKey: string;
	publicKey?: string;
	urlEndpoint?: string;
}

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

interface FailureCause {
	message?: string;
	code?: string;
	cause?: { code?: string; message?: string };
}

/** Whether n8n's HTTP layer (axios) gave up waiting: its `timeout` fails with ECONNABORTED or ETIMEDOUT. */
function isTimeout(error: unknown, timeoutMs: number | undefined): boolean {
	const cause = error as FailureCause | undefined;
	const code = cause?.code ?? cause?.cause?.code;
	const message = `${cause?.message ?? ''} ${cause?.cause?.message ?? ''}`;
	return (
		timeoutMs !== undefined &&
		(code === 'ETIMEDOUT' || code === 'ECONNABORTED') &&
		/timeout/i.test(message)
	);
}

/** An error that keeps only what is safe to show: n8n's own wraps the request config, auth included. */
function connectionFailure(error: unknown, timeoutMs?: number): Error & { code?: string } {
	if (isTimeout(error, timeoutMs)) return timeoutError(timeoutMs);
	const cause = error as FailureCause | undefined;
	const failure: Error & { code?: string } = new Error(
		cause?.cause?.message ?? cause?.message ?? 'request failed',
	);
	failure.code = cause?.code ?? cause?.cause?.code;
	return failure;
}

function lowerCaseHeaders(response: IN8nHttpFullResponse): HttpResponse['headers'] {
	const headers: HttpResponse['headers'] = {};
	for (const [name, value] of Object.entries(response.headers ?? {})) {
		headers[name.toLowerCase()] = value as string | string[] | undefined;
	}
	return headers;
}

/** Sends the client's requests through n8n, which applies the credential's Basic auth. */
function n8nRequester(context: RequestContext): Requester {
	return async (request) => {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			qs: request.query,
			headers: request.headers,
			body: request.body as IHttpRequestOptions['body'],
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// n8n re-sends the credential to wherever a redirect points, other hosts included
			// (@n8n/backend-network: sendCredentialsOnCrossOriginRedirect defaults to true), so
			// the API's redirects come back to the client, which refuses them.
			disableFollowRedirect: true,
			// axios gives up when the server sends nothing for this long.
			timeout: request.timeoutMs,
			// The body as text, so an answer that is not JSON is caught, not passed on as a string.
			encoding: 'text',
		};
		let response: IN8nHttpFullResponse;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				CREDENTIAL_TYPE,
				options,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			throw connectionFailure(error, request.timeoutMs);
		}
		return {
			status: response.statusCode,
			headers: lowerCaseHeaders(response),
			...parseJsonBody(typeof response.body === 'string' ? response.body : ''),
		};
	};
}

/** A readable stream as n8n's binary helpers take it (the `stream` module itself is off limits in n8n Cloud). */
type Readable = Exclude<Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0], Buffer>;

/** A delivery (CDN) response whose body has not been read yet. */
export interface Download {
	status: number;
	/** Header names in lower case; read them with the client's `headerValue`. */
	headers: HttpResponse['headers'];
	body: Readable;
}

/** Tries of a download that gets no answer or loses its connection, and the first pause between them. */
const DOWNLOAD_ATTEMPTS = 3;
const DOWNLOAD_RETRY_DELAY_MS = 500;

/**
 * Opens a delivery URL as a stream, without auth: delivery URLs are public, or signed in the URL,
 * so no credential goes out, nor on a redirect the CDN may answer. The body is read by the caller,
 * so a large file never sits in memory here. Each try waits `timeoutMs` for the CDN; a GET is safe
 * to repeat, so a timeout or a lost connection is tried again, twice.
 */
export async function openDownload(
	context: IExecuteFunctions,
	url: string,
	options: { timeoutMs: number; itemIndex: number; timeoutField: string },
): Promise<Download> {
	const { timeoutMs, itemIndex, timeoutField } = options;
	for (let attempt = 1; ; attempt++) {
		let response: IN8nHttpFullResponse;
		try {
			response = (await context.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: timeoutMs,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			const failure = connectionFailure(error, timeoutMs);
			if (attempt < DOWNLOAD_ATTEMPTS) {
				await sleep(DOWNLOAD_RETRY_DELAY_MS * 2 ** (attempt - 1));
				continue;
			}
			const { host } = new URL(url);
			const timedOut = failure.code === 'ETIMEDOUT';
			const message = timedOut
				? `${host} did not answer the download within ${timeoutMs / 1000} s, ${attempt} times.`
				: `Could not download from ${host}: ${failure.message}.`;
			throw new NodeApiError(context.getNode(), { message } as JsonObject, {
				itemIndex,
				message,
				description: timedOut ? `If the file needs longer, raise ${timeoutField}.` : undefined,
			});
		}
		return {
			status: response.statusCode,
			headers: lowerCaseHeaders(response),
			body: response.body as Readable,
		};
	}
}

/** The shared client, with credentials from n8n and HTTP through n8n. */
export async function createClient(context: RequestContext): Promise<ImageKit> {
	const credentials = await context.getCredentials<ImageKitCredentials>(CREDENTIAL_TYPE);
	return new ImageKit({
		privateKey: credentials.privateKey,
		publicKey: credentials.publicKey || undefined,
		urlEndpoint: credentials.urlEndpoint || undefined,
		request: n8nRequester(context),
		sleep,
	});
}
