// Delivery URLs with transformations and signatures (API.md §6). Written as text in the form WHATWG
// `URL` serialises (its percent-encode sets, resolved dot segments, canonical host), so `new URL()`
// reads the result back unchanged and the signature covers exactly what a browser or CDN sends.
// Parsing every URL with `new URL()` instead would cost more than ImageKit's own SDK spends on the
// whole URL; WHATWG parsing is kept for hosts that are not already in canonical form.
import type { KeyObject } from 'crypto';
import { createHmac } from 'crypto';

import { ImageKitInputError } from './errors';
import type { TransformationStep } from './transformations';
import { buildTransformationString } from './transformations';

export type TransformationPosition = 'path' | 'query';
export type QueryParameters = Readonly<
	Record<string, string | number | boolean | null | undefined>
>;

/** Options of `ImageKit.url()`; the seed SDK's snake_case names are accepted too. */
export interface UrlOptions {
	/** File path relative to the URL endpoint, optionally with a query; wins over `src`. */
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
	/** Appended after any query already in the path or `src`. */
	queryParameters?: QueryParameters;
	query_parameters?: QueryParameters;
	/** Signs the URL; `false` leaves it unsigned even with an expiry (the seed's rule). */
	signed?: boolean;
	/** Whole seconds the URL stays valid; a positive value signs the URL unless `signed` is `false`. */
	expireSeconds?: number | string;
	expire_seconds?: number | string;
}

export interface UrlContext {
	/** The private key, or a secret KeyObject of it (quicker for many URLs). */
	privateKey: string | KeyObject;
	urlEndpoint?: string;
	/** `urlEndpointPrefix(urlEndpoint)`, for a caller that keeps it from one URL to the next. */
	urlEndpointPrefix?: string;
	/** Current time in milliseconds; defaults to `Date.now`. */
	now?: () => number;
}

/** The expiry ImageKit assumes for a signed URL without `ik-t`. */
const NEVER_EXPIRES = '9999999999';
/** A century: keeps `ik-t` a plain integer well below NEVER_EXPIRES. */
export const MAX_URL_EXPIRY_SECONDS = 100 * 365 * 24 * 60 * 60;

const ABSOLUTE_URL = /^https?:\/\//i;
/** Scheme and authority; the host must follow `//` at once (WHATWG would skip extra slashes). */
const SCHEME_AND_AUTHORITY = /^https?:\/\/[^/\\?#]+/i;
/** An origin WHATWG would write unchanged: lower case, no port, user or IP address, not punycode. */
const CANONICAL_ORIGIN = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*$/;
// WHATWG removes tabs and line breaks anywhere and strips other control characters at the ends.
const CONTROL_CHARACTER = /[\u0000-\u001f]/;
const SLASH = /[/\\]/;
const TRAILING_SPACES = / +$/;
const SLASH_RUNS = /[/\\]+/;
// Dot segments, `%2e` included (URL Standard, path state).
const SINGLE_DOT = /^(?:\.|%2e)$/i;
const DOUBLE_DOT = /^(?:\.|%2e){2}$/i;
// The URL Standard's path, special-query and fragment percent-encode sets, plus every non-ASCII code
// point. `^` joined the path set in 2024 (Node 24 encodes it, Node 20 not); either reads `%5E` as is.
// The tests read UTF-16 code units, which is quicker than code points and finds the same strings.
const UNSAFE_IN_PATH = /[\u0000-\u0020"#<>?^`{}\u007f-\uffff]/;
const UNSAFE_IN_PATH_ALL = /[\u0000-\u0020"#<>?^`{}\u007f-\u{10ffff}]/gu;
/** What a path-position transformation needs more than `tr:` for: encoding, or a refused slash. */
const UNSAFE_IN_PATH_SEGMENT = /[\u0000-\u0020"#<>?^`{}/\\\u007f-\uffff]/;
const UNSAFE_IN_QUERY = /[\u0000-\u0020"#<>'\u007f-\uffff]/;
const UNSAFE_IN_QUERY_ALL = /[\u0000-\u0020"#<>'\u007f-\u{10ffff}]/gu;
const UNSAFE_IN_FRAGMENT_ALL = /[\u0000-\u0020"<>`\u007f-\u{10ffff}]/gu;
/** In the `tr` value an `&` would end the parameter. */
const UNSAFE_IN_TR_VALUE = /[\u0000-\u0020"#&<>'\u007f-\uffff]/;
const UNSAFE_IN_TR_VALUE_ALL = /[\u0000-\u0020"#&<>'\u007f-\u{10ffff}]/gu;
const WHOLE_SECONDS = /^\d+$/;
const ENDPOINT_EXAMPLE = 'e.g. https://ik.imagekit.io/your_imagekit_id';

function inputError(field: string, problem: string): ImageKitInputError {
	return new ImageKitInputError(field, `'${field}' ${problem}`);
}

/** Whether a path may hold a backslash, a slash run or a dot segment; most paths hold none. */
function pathNeedsWork(path: string): boolean {
	return (
		path.includes('\\') ||
		path.includes('//') ||
		path.includes('/.') ||
		path.startsWith('.') ||
		path.includes('%2')
	);
}

function escapeUrlChar(char: string): string {
	// A lone surrogate has no UTF-8 form; WHATWG writes U+FFFD in its place.
	if (char.length === 1 && char >= '\ud800' && char <= '\udfff') return '%EF%BF%BD';
	// The only character of these sets that encodeURIComponent leaves as is.
	if (char === "'") return '%27';
	return encodeURIComponent(char);
}

function encodePath(path: string): string {
	return UNSAFE_IN_PATH.test(path) ? path.replace(UNSAFE_IN_PATH_ALL, escapeUrlChar) : path;
}

function encodeQuery(query: string): string {
	return UNSAFE_IN_QUERY.test(query) ? query.replace(UNSAFE_IN_QUERY_ALL, escapeUrlChar) : query;
}

/** URL text as given: a string without control characters. */
function urlText(field: string, value: unknown): string {
	if (typeof value !== 'string') {
		throw inputError(field, `must be text, not ${JSON.stringify(value)}`);
	}
	const control = CONTROL_CHARACTER.exec(value);
	if (control) {
		const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
		throw inputError(
			field,
			`has a control character (U+${code}) at position ${control.index + 1}: remove it`,
		);
	}
	return value;
}

/** Scheme and host as WHATWG writes them, and the text after them; or an error naming the field. */
function splitOrigin(
	field: string,
	text: string,
	example: string,
): { origin: string; rest: string } {
	const given = SCHEME_AND_AUTHORITY.exec(text)?.[0];
	if (!given) {
		throw inputError(
			field,
			`must be an absolute http(s) URL with a host, not ${JSON.stringify(text)}: ${example}`,
		);
	}
	const rest = text.slice(given.length);
	if (CANONICAL_ORIGIN.test(given) && !given.includes('xn--')) return { origin: given, rest };
	try {
		// `href` of an origin alone is the origin plus `/`.
		return { origin: new URL(given + '/').href.slice(0, -1), rest };
	} catch {
		throw inputError(field, `has an invalid host in ${JSON.stringify(text)}: ${example}`);
	}
}

/** Splits URL text after its scheme and host into path, query and fragment, as WHATWG reads them. */
function splitUrlText(text: string): { path: string; query: string; fragment: string } {
	const hashAt = text.indexOf('#');
	const beforeHash = hashAt === -1 ? text : text.slice(0, hashAt);
	const queryAt = beforeHash.indexOf('?');
	return {
		path: queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt),
		query: queryAt === -1 ? '' : beforeHash.slice(queryAt + 1),
		fragment: hashAt === -1 ? '' : text.slice(hashAt + 1),
	};
}

/**
 * The path without its leading slash, encoded, with dot segments resolved as WHATWG resolves them, but
 * never above the path's start. `collapse` joins slash runs into one, as ImageKit's SDKs join a path
 * to its endpoint; an absolute src keeps its empty segments, as they do.
 */
function resolvedPath(field: string, path: string, collapse: boolean, start: string): string {
	if (!pathNeedsWork(path)) return encodePath(path.charCodeAt(0) === 47 ? path.slice(1) : path);
	const input = path.split(collapse ? SLASH_RUNS : SLASH);
	if (input[0] === '') input.shift();
	const segments: string[] = [];
	for (let index = 0; index < input.length; index++) {
		const segment = input[index];
		const last = index === input.length - 1;
		if (DOUBLE_DOT.test(segment)) {
			if (segments.pop() === undefined) {
				throw inputError(
					field,
					`climbs above ${start} with "..": give the path from the endpoint, e.g. /products/shoe.jpg`,
				);
			}
			if (last) segments.push('');
		} else if (SINGLE_DOT.test(segment)) {
			if (last) segments.push('');
		} else {
			segments.push(segment);
		}
	}
	return encodePath(segments.join('/'));
}

/** The endpoint's scheme, host and path, ending with one `/`: what signing leaves out. */
export function urlEndpointPrefix(value: unknown): string {
	const endpoint = urlText('urlEndpoint', value);
	const { origin, rest: path } = splitOrigin('urlEndpoint', endpoint, ENDPOINT_EXAMPLE);
	if (path.includes('?') || path.includes('#')) {
		throw inputError(
			'urlEndpoint',
			`has a query or a fragment (${JSON.stringify(endpoint)}): give the endpoint alone, ${ENDPOINT_EXAMPLE}`,
		);
	}
	if (
		pathNeedsWork(path) &&
		path.split(SLASH).some((segment) => SINGLE_DOT.test(segment) || DOUBLE_DOT.test(segment))
	) {
		throw inputError(
			'urlEndpoint',
			`has a "." or ".." segment (${JSON.stringify(endpoint)}): give it as the dashboard shows it, ${ENDPOINT_EXAMPLE}`,
		);
	}
	const resolved = resolvedPath('urlEndpoint', path, true, 'its host');
	return origin + '/' + (resolved === '' || resolved.endsWith('/') ? resolved : resolved + '/');
}

function parsePosition(position: unknown): TransformationPosition {
	if (position === undefined || position === null || position === '') return 'path';
	if (position === 'path' || position === 'query') return position;
	throw inputError(
		'transformationPosition',
		`must be "path" or "query", not ${JSON.stringify(position)}`,
	);
}

/** Whole seconds, 0 for none. */
function parseExpireSeconds(expireSeconds: unknown): number {
	if (expireSeconds === undefined || expireSeconds === null || expireSeconds === '') return 0;
	const seconds =
		typeof expireSeconds === 'string' && WHOLE_SECONDS.test(expireSeconds.trim())
			? Number(expireSeconds)
			: expireSeconds;
	if (
		typeof seconds !== 'number' ||
		!Number.isInteger(seconds) ||
		seconds < 0 ||
		seconds > MAX_URL_EXPIRY_SECONDS
	) {
		throw inputError(
			'expireSeconds',
			`must be 0 or more whole seconds, at most ${MAX_URL_EXPIRY_SECONDS} (100 years): give e.g. 3600, not ${JSON.stringify(expireSeconds)}`,
		);
	}
	return seconds;
}

function parseSigned(signed: unknown): boolean | undefined {
	if (signed === undefined || signed === null) return undefined;
	if (typeof signed === 'boolean') return signed;
	throw inputError('signed', `must be true or false, not ${JSON.stringify(signed)}`);
}

/** `name=value&…` as ImageKit's SDKs write added parameters (form encoding, as `URLSearchParams`). */
function queryParametersText(parameters: unknown): string {
	if (parameters === undefined || parameters === null) return '';
	if (typeof parameters !== 'object' || Array.isArray(parameters)) {
		throw inputError(
			'queryParameters',
			`must be an object of names and values, e.g. { v: '2' }, not ${JSON.stringify(parameters)}`,
		);
	}
	const search = new URLSearchParams();
	for (const [name, value] of Object.entries(parameters)) {
		if (value !== undefined && value !== null) search.append(name, String(value));
	}
	return search.toString();
}

/** The transformation as one path segment, `tr:…/`; a slash would split it, so it is refused. */
function transformationSegment(transformation: string): string {
	if (!UNSAFE_IN_PATH_SEGMENT.test(transformation)) return 'tr:' + transformation + '/';
	if (transformation.includes('/') || transformation.includes('\\')) {
		throw inputError(
			'transformation',
			`has a "/" or "\\", which would split the URL path (${JSON.stringify(transformation)}): ` +
				'write paths inside transformations with @@, or use the query position',
		);
	}
	return 'tr:' + encodePath(transformation) + '/';
}

/**
 * A delivery URL (API.md §6): `''` without `path` or `src`, as ImageKit's SDKs return; bad options
 * throw `ImageKitInputError` naming the option. `new URL()` reads the result back unchanged.
 */
export function buildUrl(options: UrlOptions, context: UrlContext): string {
	const source = options.path || options.src;
	if (!source) return '';
	const sourceField = options.path ? 'path' : 'src';
	const sourceText = urlText(sourceField, source);
	const position = parsePosition(options.transformationPosition ?? options.transformation_position);
	const expireSeconds = parseExpireSeconds(options.expireSeconds ?? options.expire_seconds);
	const signed = parseSigned(options.signed);
	// Seed test_generate_url_without_transforms: signed: false wins over an expiry.
	const signs = signed === true || (signed === undefined && expireSeconds > 0);
	const endpointOption = options.urlEndpoint || options.url_endpoint;
	const endpoint = endpointOption || context.urlEndpoint;
	const prefixOfEndpoint = () =>
		endpointOption
			? urlEndpointPrefix(endpointOption)
			: (context.urlEndpointPrefix ?? urlEndpointPrefix(endpoint));
	const transformation = buildTransformationString(options.transformation);
	const absolute = ABSOLUTE_URL.test(sourceText);
	const inQuery = transformation !== '' && (absolute || position === 'query');

	// `head` is the endpoint prefix when the URL starts with it: signing leaves it out.
	let head = '';
	let parts: ReturnType<typeof splitUrlText>;
	let url: string;
	if (absolute) {
		// WHATWG strips spaces at the ends of a URL it parses, as v7's `new URL(src)` does.
		const { origin, rest } = splitOrigin(
			sourceField,
			sourceText.replace(TRAILING_SPACES, ''),
			'give a whole URL, e.g. https://ik.imagekit.io/your_imagekit_id/shoe.jpg',
		);
		parts = splitUrlText(rest);
		url = origin + '/' + resolvedPath(sourceField, parts.path, false, 'its host');
		if (endpoint && signs) {
			const prefix = prefixOfEndpoint();
			if (url.startsWith(prefix)) head = prefix;
		}
	} else {
		if (!endpoint) {
			throw inputError(
				'urlEndpoint',
				`is required for a relative path: set it on the client or in the options, ${ENDPOINT_EXAMPLE}`,
			);
		}
		head = prefixOfEndpoint();
		// Seed test_url_check_query_param_are_added_correctly: a query written in the path stays a query.
		parts = splitUrlText(sourceText);
		const path = resolvedPath(sourceField, parts.path, true, 'the URL endpoint');
		url =
			head +
			(transformation !== '' && !inQuery ? transformationSegment(transformation) : '') +
			path;
	}

	let query = encodeQuery(parts.query);
	const added = queryParametersText(options.queryParameters ?? options.query_parameters);
	if (added) query = query ? query + '&' + added : added;
	// As in ImageKit's SDKs `tr` goes in as built, so `,` and `:` stay readable.
	if (inQuery) {
		query +=
			(query ? '&' : '') +
			'tr=' +
			(UNSAFE_IN_TR_VALUE.test(transformation)
				? transformation.replace(UNSAFE_IN_TR_VALUE_ALL, escapeUrlChar)
				: transformation);
	}
	if (query) url += '?' + query;
	const fragment = parts.fragment
		? '#' + parts.fragment.replace(UNSAFE_IN_FRAGMENT_ALL, escapeUrlChar)
		: '';

	if (!signs) return url + fragment;
	if (!context.privateKey) {
		throw inputError('privateKey', 'is required to sign URLs: create the client with it');
	}
	// `ik-t` is written only for a real expiry; without it ImageKit assumes NEVER_EXPIRES.
	const expiry =
		expireSeconds > 0 ? String(Math.floor((context.now ?? Date.now)() / 1000) + expireSeconds) : '';
	// API.md §6.1.4: HMAC-SHA1 of the URL after the endpoint, plus the expiry, in lowercase hex.
	const signature = createHmac('sha1', context.privateKey)
		.update(url.slice(head.length) + (expiry || NEVER_EXPIRES))
		.digest('hex');
	return (
		url +
		(query ? '&' : '?') +
		(expiry ? 'ik-t=' + expiry + '&' : '') +
		'ik-s=' +
		signature +
		fragment
	);
}
