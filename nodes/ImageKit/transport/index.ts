import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { ImageKit, isStreamedBody } from '../client';
import type { HttpResponse, Requester } from '../client';

export const CREDENTIAL_TYPE = 'imageKitApi';

export interface ImageKitCredentials {
	privateKey: string;
	publicKey?: string;
	urlEndpoint?: string;
}

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** An error that keeps only what is safe to show: n8n's own wraps the request config, auth included. */
function connectionFailure(error: unknown): Error & { code?: string } {
	const cause = error as {
		message?: string;
		code?: string;
		cause?: { code?: string; message?: string };
	};
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
			// Redirect support (follow-redirects) keeps a copy of the whole body to replay it.
			disableFollowRedirect: isStreamedBody(request.body),
		};
		let response: IN8nHttpFullResponse;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				CREDENTIAL_TYPE,
				options,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			throw connectionFailure(error);
		}
		return {
			status: response.statusCode,
			headers: lowerCaseHeaders(response),
			body: response.body === '' ? undefined : response.body,
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

/**
 * Opens a delivery URL as a stream, without auth: delivery URLs are public, or signed in the URL.
 * The body is read by the caller, so a large file never sits in memory here.
 */
export async function openDownload(context: IExecuteFunctions, url: string): Promise<Download> {
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		throw connectionFailure(error);
	}
	return {
		status: response.statusCode,
		headers: lowerCaseHeaders(response),
		body: response.body as Readable,
	};
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
