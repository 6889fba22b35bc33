// When ImageKit accepts a purge URL ending in `*`. docs.imagekit.io, API reference "Purge cache" →
// "Purge Cache for Multiple Files": a wildcard is allowed at the end of the URL only, and only if
// the path "excluding your imagekitId and URL pattern" (what follows the URL endpoint) has
//   1. at least two levels of nesting ("/images/upload*" is valid, "/images*" is not), or
//   2. at least 15 characters, or
//   3. is a complete file path with its extension ("/sample.jpg*");
// and "media/catalog/*" and "s/files/*" are "unconditionally not supported". Otherwise: 400 "The
// URL is not valid for cache purging." (openapi.yaml /v1/files/purge 400).
//
// The docs leave open whether the leading "/" counts toward the 15 characters, whether
// "/images/*" (an empty second level) is two levels, and whether the two unsupported paths also
// cover what lies below them. This check takes the strict reading of each, so a purge it lets
// through is accepted under every reading.

/** Characters of path before the `*` that make a wildcard acceptable (rule 2). */
export const MIN_WILDCARD_PATH_LENGTH = 15;

/** Paths ImageKit never purges with a wildcard, read as covering everything below them too. */
const UNSUPPORTED_WILDCARD_PATHS = ['media/catalog/', 's/files/'];

const WILDCARD_RULE =
	'ImageKit takes a * only at the end, after at least two folder levels (e.g. /images/upload*), ' +
	`${MIN_WILDCARD_PATH_LENGTH} characters of path (e.g. /product-images-2024*) ` +
	'or a full file name with its extension (e.g. /images/sample.jpg*)';

/** The path after the URL endpoint: the account's own endpoint, or ik.imagekit.io/<imagekitId>. */
function pathAfterEndpoint(url: URL, urlEndpoint: string | undefined): string {
	const path = url.pathname;
	if (urlEndpoint && URL.canParse(urlEndpoint)) {
		const endpoint = new URL(urlEndpoint);
		const prefix = endpoint.pathname.replace(/\/+$/, '');
		if (endpoint.host === url.host && (path === prefix || path.startsWith(`${prefix}/`)))
			return path.slice(prefix.length);
	}
	return url.hostname === 'ik.imagekit.io' ? path.replace(/^\/[^/]*/, '') : path;
}

/** Characters as ImageKit stores them (`é`, not `%C3%A9`): the shorter, strict count. */
function decoded(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}

/**
 * Why ImageKit would refuse to purge `url` (as `<problem>: <rule>`), or undefined when it takes
 * it: a URL without `*`, or a wildcard meeting the rules above under their strict reading.
 */
export function wildcardPurgeProblem(url: string, urlEndpoint?: string): string | undefined {
	const star = url.indexOf('*');
	if (star === -1) return undefined;
	if (star !== url.length - 1) return `has a * before its end: ${WILDCARD_RULE}`;
	const parsed = new URL(url.slice(0, -1));
	if (parsed.search || parsed.hash) return `has a * after its query: ${WILDCARD_RULE}`;
	const path = decoded(pathAfterEndpoint(parsed, urlEndpoint)).replace(/^\/+/, '');
	const shown = `/${path}*`;
	if (UNSUPPORTED_WILDCARD_PATHS.some((unsupported) => `${path}/`.startsWith(unsupported)))
		return `cannot purge ${shown}: ImageKit never purges under ${UNSUPPORTED_WILDCARD_PATHS.map((unsupported) => `/${unsupported}*`).join(' or ')} with a wildcard; purge narrower, full file URLs instead`;
	const levels = path.split('/').filter((segment) => segment !== '');
	const fileName = /^[^/]+\.[A-Za-z0-9]+$/.test(levels.at(-1) ?? '') && !path.endsWith('/');
	if (levels.length >= 2 || path.length >= MIN_WILDCARD_PATH_LENGTH || fileName) return undefined;
	return `ends in a wildcard ImageKit refuses (${shown}): ${WILDCARD_RULE}`;
}
