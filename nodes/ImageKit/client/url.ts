// Delivery URLs with transformations and signatures (API.md §6). Built by string concatenation,
// without `new URL()`, because n8n may build one per item.
import { createHmac, hash } from 'crypto';

import { ImageKitInputError } from './errors';
import type { TransformationStep } from './transformations';
import { buildTransformationString } from './transformations';

export type TransformationPosition = 'path' | 'query';
export type QueryParameters = Readonly<
	Record<string, string | number | boolean | null | undefined>
>;

/** Options of `ImageKit.url()`; the seed SDK's snake_case names are accepted too. */
export interface UrlOptions {
	/** File path relative to the URL endpoint; wins over `src`. */
	path?: string;
	/** Absolute URL of the file, or a path relative to the URL endpoint. */
	src?: string;
	/** Overrides the client's URL endpoint. */
	urlEndpoint?: string;
	url_endpoint?: string;
	/** Steps chained with `:`. */
	transformation?: TransformationStep[];
	/** Where `tr` goes; default `path`, and always `query` for an absolute `src`. */
	transformationPosition?: TransformationPosition;
	transformation_position?: TransformationPosition;
	/** Appended after any query already in `src`. */
	queryParameters?: QueryParameters;
	query_parameters?: QueryParameters;
	signed?: boolean;
	/** Seconds the URL stays valid; a positive value signs the URL even without `signed`. */
	expireSeconds?: number | string;
	expire_seconds?: number | string;
}

export interface UrlContext {
	privateKey: string;
	urlEndpoint?: string;
	/** Current time in milliseconds; defaults to `Date.now`. */
	now?: () => number;
}

/** The expiry ImageKit assumes for a signed URL without `ik-t`. */
const NEVER_EXPIRES = '9999999999';
const ABSOLUTE_URL = /^https?:\/\//i;
// WHATWG's path and query percent-encode sets plus non-ASCII (`^` joined the path set in 2024:
// Node 24's URL encodes it, Node 20's does not). Tab and line breaks, which WHATWG would
// drop, are encoded instead. The `u` flag keeps a surrogate pair together so it encodes as one character.
const UNSAFE_IN_PATH = /[\u0000-\u0020"#<>?^`{}\\\u007f-\uffff]/;
const UNSAFE_IN_PATH_ALL = /[\u0000-\u0020"#<>?^`{}\\\u007f-\u{10ffff}]/gu;
const UNSAFE_IN_QUERY = /[\u0000-\u0020"<>'\u007f-\uffff]/;
const UNSAFE_IN_QUERY_ALL = /[\u0000-\u0020"<>'\u007f-\u{10ffff}]/gu;
const SLASH_RUNS = /\/{2,}/g;
const LEFT_AS_IS_BY_ENCODE_URI_COMPONENT = /^[\w.~-]*$/;

function escapeUrlChar(char: string): string {
	// WHATWG reads `\` as a path separator in http(s) URLs.
	if (char === '\\') return '/';
	// A lone surrogate has no UTF-8 form; WHATWG writes U+FFFD in its place.
	if (char.length === 1 && char >= '\ud800' && char <= '\udfff') return '%EF%BF%BD';
	return encodeURIComponent(char);
}

function encodePath(path: string): string {
	return UNSAFE_IN_PATH.test(path) ? path.replace(UNSAFE_IN_PATH_ALL, escapeUrlChar) : path;
}

function encodeQuery(query: string): string {
	return UNSAFE_IN_QUERY.test(query) ? query.replace(UNSAFE_IN_QUERY_ALL, escapeUrlChar) : query;
}

/** Percent-encoded, with every run of slashes collapsed to one. */
function normalizePath(path: string): string {
	const encoded = encodePath(path);
	return encoded.indexOf('//') === -1 ? encoded : encoded.replace(SLASH_RUNS, '/');
}

function isSet<T>(value: T | null | undefined | ''): value is T {
	return value !== undefined && value !== null && value !== '';
}

function parsePosition(position: unknown): TransformationPosition {
	if (!isSet(position)) return 'path';
	if (position === 'path' || position === 'query') return position;
	throw new ImageKitInputError(
		'transformationPosition',
		`transformationPosition must be "path" or "query", not ${JSON.stringify(position)}`,
	);
}

function parseExpireSeconds(expireSeconds: unknown): number {
	if (!isSet(expireSeconds)) return 0;
	const seconds = typeof expireSeconds === 'string' ? Number(expireSeconds) : expireSeconds;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
		throw new ImageKitInputError(
			'expireSeconds',
			`expireSeconds must be a number of seconds of 0 or more, e.g. 3600, not ${JSON.stringify(expireSeconds)}`,
		);
	}
	return seconds;
}

// A client uses one endpoint and one key, so the last endpoint parsed and the last signer are kept.
let lastEndpoint = '';
let lastEndpointPrefix = '';
let lastPrivateKey = '';
let lastSigner: ((text: string) => string) | undefined;

/** Origin plus the endpoint's path, normalised, with one trailing slash: what signing leaves out. */
function endpointPrefix(endpoint: string): string {
	if (endpoint === lastEndpoint) return lastEndpointPrefix;
	if (!ABSOLUTE_URL.test(endpoint)) {
		throw new ImageKitInputError(
			'urlEndpoint',
			'urlEndpoint must be an absolute http(s) URL such as https://ik.imagekit.io/your_imagekit_id, ' +
				`not ${JSON.stringify(endpoint)}`,
		);
	}
	const pathStart = endpoint.indexOf('/', endpoint.indexOf('//') + 2);
	const path = pathStart === -1 ? '/' : normalizePath(endpoint.slice(pathStart));
	const origin = pathStart === -1 ? endpoint : endpoint.slice(0, pathStart);
	lastEndpointPrefix = origin + (path.endsWith('/') ? path : path + '/');
	lastEndpoint = endpoint;
	return lastEndpointPrefix;
}

const SHA1_BLOCK_BYTES = 64;

/**
 * HMAC-SHA1 (RFC 2104) for one key, as lowercase hex, with the key's padded blocks prepared once. On
 * URL-sized text, setting up a Node `Hmac` costs more than the hashing, so two one-shot SHA-1 hashes
 * do the work instead.
 */
function createSigner(privateKey: string): (text: string) => string {
	const keyBytes = Buffer.from(privateKey, 'utf8');
	const key = keyBytes.length > SHA1_BLOCK_BYTES ? hash('sha1', keyBytes, 'buffer') : keyBytes;
	const innerPad = Buffer.alloc(SHA1_BLOCK_BYTES, 0x36);
	// The outer block ends with room for the inner digest.
	const outerBlock = Buffer.alloc(SHA1_BLOCK_BYTES + 20, 0x5c);
	for (let i = 0; i < key.length; i++) {
		innerPad[i] ^= key[i];
		outerBlock[i] ^= key[i];
	}
	// The inner pad goes in as text, which is UTF-8 encoded: byte for byte only when it is ASCII.
	if (innerPad.some((byte) => byte > 0x7f)) {
		return (text) => createHmac('sha1', privateKey).update(text).digest('hex');
	}
	const innerPadText = innerPad.toString('latin1');
	return (text) => {
		hash('sha1', innerPadText + text, 'buffer').copy(outerBlock, SHA1_BLOCK_BYTES);
		return hash('sha1', outerBlock, 'hex');
	};
}

function signerFor(privateKey: string): (text: string) => string {
	if (privateKey !== lastPrivateKey || !lastSigner) {
		lastSigner = createSigner(privateKey);
		lastPrivateKey = privateKey;
	}
	return lastSigner;
}

function isAbsoluteUrl(source: string): boolean {
	// Most sources are relative paths; the first letter settles them without the regex.
	return (source.charCodeAt(0) | 32) === 104 && ABSOLUTE_URL.test(source);
}

/** `encodeURIComponent`, skipped for the usual text it would leave as is. */
function encodeComponent(text: string): string {
	return LEFT_AS_IS_BY_ENCODE_URI_COMPONENT.test(text) ? text : encodeURIComponent(text);
}

function appendQueryParameters(query: string, parameters: QueryParameters | undefined): string {
	if (!parameters) return query;
	for (const name in parameters) {
		const value = parameters[name];
		if (value === undefined || value === null) continue;
		query += (query ? '&' : '') + encodeComponent(name) + '=' + encodeComponent(String(value));
	}
	return query;
}

/** A delivery URL (API.md §6): `''` without `path` or `src`; throws `ImageKitInputError` on bad options. */
export function buildUrl(options: UrlOptions, context: UrlContext): string {
	const source = options.path || options.src;
	if (!source) return '';
	const position = parsePosition(options.transformationPosition || options.transformation_position);
	const expireSeconds = parseExpireSeconds(options.expireSeconds ?? options.expire_seconds);
	const endpoint = options.urlEndpoint || options.url_endpoint || context.urlEndpoint;
	const prefix = endpoint ? endpointPrefix(endpoint) : '';
	const transformation = buildTransformationString(options.transformation);
	const absolute = isAbsoluteUrl(source);
	const transformationInQuery = transformation !== '' && (absolute || position === 'query');

	// The URL is `head + rest`: the endpoint prefix, if it starts the URL, and what gets signed.
	let head = '';
	let rest: string;
	let query = '';
	let fragment = '';
	if (absolute) {
		const hashAt = source.indexOf('#');
		const beforeHash = hashAt === -1 ? source : source.slice(0, hashAt);
		if (hashAt !== -1) fragment = source.slice(hashAt);
		const queryAt = beforeHash.indexOf('?');
		rest = encodePath(queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt));
		if (queryAt !== -1) query = encodeQuery(beforeHash.slice(queryAt + 1));
		if (prefix && rest.startsWith(prefix)) {
			head = prefix;
			rest = rest.slice(prefix.length);
		}
	} else {
		if (!prefix) {
			throw new ImageKitInputError(
				'urlEndpoint',
				'urlEndpoint is required for a relative path: set it on the client or pass it in the options',
			);
		}
		head = prefix;
		const normalized = normalizePath(source);
		const path = normalized.charCodeAt(0) === 47 ? normalized.slice(1) : normalized;
		rest =
			transformation !== '' && !transformationInQuery ? 'tr:' + transformation + '/' + path : path;
	}
	query = appendQueryParameters(query, options.queryParameters ?? options.query_parameters);
	// As in ImageKit's SDKs the transformation string goes in as built, so `,` and `:` stay readable.
	if (transformationInQuery) query += (query ? '&' : '') + 'tr=' + transformation;
	if (query) rest += '?' + query;

	if (options.signed === true || expireSeconds > 0) {
		if (!context.privateKey)
			throw new ImageKitInputError('privateKey', 'privateKey is required to sign URLs');
		// `ik-t` is written only for a real expiry; without it ImageKit assumes NEVER_EXPIRES.
		const expiry =
			expireSeconds > 0
				? String(Math.floor((context.now ?? Date.now)() / 1000 + expireSeconds))
				: '';
		const signature = signerFor(context.privateKey)(rest + (expiry || NEVER_EXPIRES));
		rest += (query ? '&' : '?') + (expiry ? 'ik-t=' + expiry + '&ik-s=' : 'ik-s=') + signature;
	}
	return head + rest + fragment;
}
