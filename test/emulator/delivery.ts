import { createHmac, timingSafeEqual } from 'crypto';
import type * as http from 'http';

import { deterministicStream } from '../engine/deterministic-bytes';
import type { EmulatorState, StoredVersion } from './state';

/** The expiry signed for a URL without `ik-t` (API.md §6.1.4). */
const NEVER_EXPIRES = '9999999999';
/** `ik-t` (optional) and `ik-s`, always the last query parameters of a signed URL. */
const SIGNATURE_SUFFIX = /[?&](?:ik-t=(\d+)&)?ik-s=([0-9a-f]{40})$/;

/** Whether a request's Host is the one of the URL endpoint, i.e. a delivery (CDN) request. */
export function isDeliveryHost(host: string, urlEndpoint: string): boolean {
	return host === new URL(urlEndpoint).host;
}

type Verdict = { status: 403 | 404; message: string } | { version: StoredVersion };

/**
 * What the CDN serves for `rawUrl` (the request's path and query): the file at the path after the
 * endpoint, with any `tr:` path segment or `tr` query ignored, or an older version with
 * `ik-obj-version`. Private files need a valid, unexpired signature; unpublished files are not served.
 */
function resolve(rawUrl: string, state: EmulatorState, privateKey: string): Verdict {
	const endpointPath = new URL(state.config.urlEndpoint).pathname.replace(/\/+$/, '');
	if (!rawUrl.startsWith(`${endpointPath}/`))
		return { status: 404, message: 'Not under the URL endpoint.' };
	const signed = rawUrl.slice(endpointPath.length + 1);
	const signature = SIGNATURE_SUFFIX.exec(signed);
	if (signature) {
		const [suffix, expiry, given] = signature;
		const expected = createHmac('sha1', privateKey)
			.update(signed.slice(0, -suffix.length) + (expiry ?? NEVER_EXPIRES))
			.digest();
		if (!timingSafeEqual(expected, Buffer.from(given, 'hex')))
			return { status: 403, message: 'Invalid signature.' };
		if (expiry && Number(expiry) * 1000 < state.now().getTime())
			return { status: 403, message: 'Signed URL expired.' };
	}
	const url = new URL(rawUrl, 'https://delivery.invalid');
	const segments = url.pathname.slice(endpointPath.length).split('/');
	const filePath = decodeURI(
		segments.filter((segment, index) => !(index === 1 && segment.startsWith('tr:'))).join('/'),
	);
	const file = state.fileAtPath(filePath);
	if (!file || !file.isPublished) return { status: 404, message: `No file at ${filePath}.` };
	if (file.isPrivateFile && !signature)
		return { status: 403, message: 'A private file needs a signed URL.' };
	const versionId = url.searchParams.get('ik-obj-version');
	const version = versionId
		? [file, ...(file.previousVersions ?? [])].find(
				(candidate) => candidate.version.id === versionId,
			)
		: file;
	if (!version) return { status: 404, message: `No version ${versionId} of ${filePath}.` };
	// Access is checked afresh above; the bytes are the CDN's copy for this exact URL, if it has one.
	const cached = state.cdnCache.get(rawUrl);
	if (cached && cached.fileId === file.fileId) return { version: cached };
	state.cdnCache.set(rawUrl, version);
	return { version };
}

/** Answers a delivery request, streaming large generated bodies; returns the status sent. */
export function deliver(
	request: http.IncomingMessage,
	response: http.ServerResponse,
	state: EmulatorState,
	privateKey: string,
): number {
	const verdict = resolve(request.url ?? '/', state, privateKey);
	if ('status' in verdict || !verdict.version.body) {
		const status = 'status' in verdict ? verdict.status : 404;
		const message =
			'status' in verdict ? verdict.message : 'The emulator kept no bytes of this file.';
		response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(message);
		return status;
	}
	const { body, content } = verdict.version;
	response.writeHead(200, { 'Content-Type': content.mime, 'Content-Length': content.size });
	if ('bytes' in body) response.end(body.bytes);
	else deterministicStream(body.generated.seed, body.generated.size).pipe(response);
	return 200;
}
