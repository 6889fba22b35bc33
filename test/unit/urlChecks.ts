// Checks shared by the URL tests: comparing URLs as a server reads them, and verifying a signature
// over exactly the text `new URL()` would send.
import { createHmac } from 'crypto';

export const NEVER_EXPIRES = '9999999999';

/**
 * The URL as `new URL()` reads it, without the seed's `ik-sdk-version` marker. Deleting a parameter
 * writes the query back in one form, so `tr=h-300,w-400` (v7's style) and `tr=h-300%2Cw-400` (the
 * seed's urlencode) compare equal, as a server decodes both to the same value.
 */
export function normalised(url: string): string {
	const parsed = new URL(url);
	parsed.searchParams.delete('ik-sdk-version');
	return parsed.href;
}

/** `new URL(endpoint)` with one trailing slash: what signing leaves out of a URL under it. */
export function endpointPrefixOf(endpoint: string): string {
	const href = new URL(endpoint).href;
	return href.endsWith('/') ? href : href + '/';
}

export interface SignedParts {
	/** The URL as sent, without `ik-t`/`ik-s` and the fragment. */
	unsigned: string;
	expiry: string;
	signature: string;
}

/**
 * Splits a signed URL as `new URL()` sends it. `ik-t` and `ik-s` must be its last parameters, in that
 * order, as ImageKit's SDKs write them.
 */
export function signedParts(url: string): SignedParts {
	const sent = new URL(url);
	sent.hash = '';
	const match = /[?&](?:ik-t=(\d+)&)?ik-s=([0-9a-f]{40})$/.exec(sent.href);
	if (!match) throw new Error(`no trailing ik-t/ik-s in ${url}`);
	return {
		unsigned: sent.href.slice(0, match.index),
		expiry: match[1] ?? NEVER_EXPIRES,
		signature: match[2],
	};
}

/** The HMAC-SHA1 ImageKit checks (API.md §6.1.4), over the URL as `new URL()` sends it. */
export function expectedSignature(url: string, privateKey: string, endpoint?: string): string {
	const { unsigned, expiry } = signedParts(url);
	const prefix = endpoint === undefined ? '' : endpointPrefixOf(endpoint);
	const relative = prefix && unsigned.startsWith(prefix) ? unsigned.slice(prefix.length) : unsigned;
	return createHmac('sha1', privateKey)
		.update(relative + expiry)
		.digest('hex');
}

/** Whether the URL carries the signature ImageKit would compute for what `new URL()` sends. */
export function signatureVerifies(url: string, privateKey: string, endpoint?: string): boolean {
	return signedParts(url).signature === expectedSignature(url, privateKey, endpoint);
}
