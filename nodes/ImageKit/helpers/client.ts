import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { httpRequestFailure, ImageKit, lowerCaseHeaders, parseJsonBody } from '../client';
import type { Requester, ResponseStream } from '../client';

export const CREDENTIAL_TYPE = 'imageKitApi';

export interface ImageKitCredentials {
	privateKey: string;
	publicKey?: string;
	urlEndpoint?: string;
}

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** A readable stream as n8n's binary helpers take it (the `stream` module itself is off limits in n8n Cloud). */
export type Readable = Exclude<
	Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0],
	Buffer
>;

/**
 * Sends the client's requests through n8n, which applies the credential's Basic auth; an
 * `anonymous` request goes through n8n's plain helper, which has no credential to send.
 */
function n8nRequester(context: RequestContext): Requester {
	return async (request) => {
		const streamed = request.responseType === 'stream';
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
			disableFollowRedirect: !request.anonymous,
			// axios gives up when the server sends nothing for this long.
			timeout: request.timeoutMs,
			// The body as text, so an answer that is not JSON is caught, not passed on as a string.
			encoding: streamed ? 'stream' : 'text',
		};
		let response: IN8nHttpFullResponse;
		try {
			response = (
				request.anonymous
					? await context.helpers.httpRequest(options)
					: await context.helpers.httpRequestWithAuthentication.call(
							context,
							CREDENTIAL_TYPE,
							options,
						)
			) as IN8nHttpFullResponse;
		} catch (error) {
			throw httpRequestFailure(error, request.timeoutMs);
		}
		const status = response.statusCode;
		const headers = lowerCaseHeaders(response.headers);
		if (streamed) return { status, headers, body: undefined, stream: response.body as Readable };
		return {
			status,
			headers,
			...parseJsonBody(typeof response.body === 'string' ? response.body : ''),
		};
	};
}

/**
 * The body of a download as n8n's binary helpers take it: this requester hands n8n's own stream
 * through, while the contract only promises something iterable.
 */
export function readableOf(stream: ResponseStream): Readable {
	if (typeof (stream as Partial<Readable>).pipe !== 'function') {
		throw new Error('The download came without a readable stream');
	}
	return stream as Readable;
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
