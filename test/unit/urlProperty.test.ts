// Property test of URL building over seeded random inputs: every URL returned parses with `new URL()`
// to itself, carries its query parameters intact, stays under its endpoint, resolves dot segments as
// WHATWG does, and when signed carries the signature ImageKit computes over what `new URL()` sends.
import { ImageKitInputError } from '../../nodes/ImageKit/client/errors';
import type { TransformationStep } from '../../nodes/ImageKit/client/transformations';
import { buildTransformationString } from '../../nodes/ImageKit/client/transformations';
import type { QueryParameters, UrlOptions } from '../../nodes/ImageKit/client/url';
import { buildUrl } from '../../nodes/ImageKit/client/url';
import { endpointPrefixOf, signatureVerifies, signedParts } from './urlChecks';

const RUNS = 3000;
const PRIVATE_KEY = 'private_key_property';

/** mulberry32: a small seeded generator, so a failure names a seed that reproduces it. */
function generator(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (max: number) => Math.floor(next() * max);
	const pick = <T>(values: readonly T[]): T => values[int(values.length)];
	const text = (alphabet: readonly string[], maxLength: number) =>
		Array.from({ length: int(maxLength + 1) }, () => pick(alphabet)).join('');
	return { next, int, pick, text };
}

// Characters that URL encoding treats differently, and multi-code-unit ones.
const PATH_CHARACTERS = [
	...'abcXYZ019-_.~',
	...' "<>`{}^|%:@!$\'()*+,;=',
	'%41',
	'%2e',
	'é',
	'😀',
	'中',
];
const QUERY_CHARACTERS = [...PATH_CHARACTERS, '&', '=', '/', '?', '#'];
const SEGMENTS = ['.', '..', '%2e', '%2E.', 'a', 'dir', 'x y', 'ünï', 'file.jpg', ''];
const HOSTS = [
	'ik.imagekit.io',
	'IK.ImageKit.IO',
	'img.example.com:8443',
	'img.example.com:443',
	'Bücher.example',
	'127.0.0.1',
	'[::1]',
	'user@img.example.com',
];

type Random = ReturnType<typeof generator>;

function randomPath(random: Random): string {
	const separators = ['/', '/', '/', '//', '\\'];
	let path = random.next() < 0.5 ? '/' : '';
	const count = random.int(5);
	for (let index = 0; index < count; index++) {
		const segment = random.next() < 0.5 ? random.pick(SEGMENTS) : random.text(PATH_CHARACTERS, 6);
		path += segment + (index < count - 1 ? random.pick(separators) : '');
	}
	if (random.next() < 0.2) path += '/';
	if (random.next() < 0.3) path += '?' + random.text(QUERY_CHARACTERS.slice(0, -1), 8);
	if (random.next() < 0.15) path += '#' + random.text(QUERY_CHARACTERS, 5);
	return path;
}

function randomEndpoint(random: Random): string {
	const segments = Array.from({ length: random.int(3) }, () =>
		random.pick(['demo', 'a b', 'ünï', 'x~y', 'v1']),
	);
	return `${random.pick(['https', 'http', 'HTTPS'])}://${random.pick(HOSTS)}/${segments.join(random.pick(['/', '//']))}${random.next() < 0.5 ? '/' : ''}`;
}

function randomTransformation(random: Random, inPath: boolean): TransformationStep[] {
	// `+` stays literal in `tr` as in ImageKit's SDKs, where a form decoder would read a space.
	const valueCharacters = QUERY_CHARACTERS.filter(
		(character) => character !== '+' && character !== '%' && !(inPath && character === '/'),
	);
	return Array.from({ length: random.int(3) }, () => {
		const step: TransformationStep = {};
		if (random.next() < 0.6) step.width = random.int(2000);
		if (random.next() < 0.3) step.grayscale = true;
		if (random.next() < 0.3) step.aiEdit = 'prompt-' + (random.text(valueCharacters, 8) || 'x');
		if (random.next() < 0.3)
			step.overlay = { type: 'text', text: random.text(valueCharacters, 6) || 'x' };
		return step;
	});
}

function randomQueryParameters(random: Random): QueryParameters {
	const parameters: Record<string, string | number> = {};
	for (let index = random.int(4); index > 0; index--) {
		parameters[random.text(QUERY_CHARACTERS, 4) || 'p'] =
			random.next() < 0.2 ? random.int(100) : random.text(QUERY_CHARACTERS, 6);
	}
	return parameters;
}

/** The endpoint with slash runs in its path collapsed, as ImageKit's SDKs join paths. */
function joinedEndpoint(endpoint: string): string {
	const at = endpoint.indexOf('//') + 2;
	return endpoint.slice(0, at) + endpoint.slice(at).replace(/\/{2,}/g, '/');
}

/** The query parameters `new URL()` reads from the query given in the path or src. */
function givenQueryEntries(source: string): Array<[string, string]> {
	const beforeHash = source.split('#')[0];
	const at = beforeHash.indexOf('?');
	// Not `new URLSearchParams(text)`, which drops a leading `?`; spaces encoded, as a trailing one
	// counts when more parameters follow it.
	const query = beforeHash.slice(at + 1).replace(/ /g, '%20');
	return at === -1 ? [] : [...new URL('http://x/?' + query).searchParams];
}

describe('buildUrl over random inputs', () => {
	const seed = Number(process.env.URL_PROPERTY_SEED ?? 20261202);

	it(`gives well-formed, faithful URLs or a named error (seed ${seed}, ${RUNS} runs)`, () => {
		const random = generator(seed);
		let built = 0;
		for (let run = 0; run < RUNS; run++) {
			const urlEndpoint = randomEndpoint(random);
			const absolute = random.next() < 0.25;
			const path = randomPath(random);
			const position = random.pick(['path', 'query'] as const);
			const inPath = !absolute && position === 'path';
			const expireSeconds = random.pick([0, 60, 3600]);
			const options: UrlOptions = {
				...(absolute
					? { src: `https://${random.pick(HOSTS)}${path.startsWith('/') ? '' : '/'}${path}` }
					: { path }),
				urlEndpoint,
				transformationPosition: position,
				transformation: randomTransformation(random, inPath),
				queryParameters: randomQueryParameters(random),
				signed: random.pick([true, false, undefined]),
				expireSeconds,
			};
			const label = `run ${run}: ${JSON.stringify(options)}`;
			let url: string;
			try {
				url = buildUrl(options, { privateKey: PRIVATE_KEY, now: () => 1_700_000_000_000 });
			} catch (error) {
				// Only a path climbing above its start is refused among these inputs.
				expect([label, error]).toEqual([label, expect.any(ImageKitInputError)]);
				expect([label, (error as Error).message]).toEqual([
					label,
					expect.stringMatching(/climbs above/),
				]);
				continue;
			}
			if (url === '') {
				// As in ImageKit's SDKs, and only then: nothing to build a URL from.
				expect([label, options.path ?? options.src]).toEqual([label, '']);
				continue;
			}
			built++;
			const parsed = URL.canParse(url) ? new URL(url) : undefined;
			expect([label, url, parsed !== undefined]).toEqual([label, url, true]);
			if (!parsed) continue;
			// 1. Well formed: `new URL()` writes it exactly as given.
			expect([label, parsed.href]).toEqual([label, url]);

			// 2. Query parameters: the given query, the added ones, tr, then ik-t and ik-s.
			const source = (options.path ?? options.src)!;
			const transformation = buildTransformationString(options.transformation);
			const inQuery = transformation !== '' && !inPath;
			const expectedEntries: Array<[string, string]> = [
				...givenQueryEntries(
					// WHATWG strips spaces at the ends of an absolute URL.
					absolute ? source.slice(source.indexOf('//') + 2).replace(/ +$/, '') : source,
				),
				...Object.entries(options.queryParameters!).map(([name, value]): [string, string] => [
					name,
					String(value),
				]),
				...(inQuery ? [['tr', decodeURIComponent(transformation)] as [string, string]] : []),
			];
			const isSigned =
				options.signed === true || (options.signed === undefined && expireSeconds > 0);
			const entries = [...parsed.searchParams];
			const signatureEntries = isSigned ? (expireSeconds ? 2 : 1) : 0;
			expect([label, entries.slice(0, entries.length - signatureEntries)]).toEqual([
				label,
				expectedEntries,
			]);

			// 3. Under the endpoint, with the transformation segment where asked.
			if (!absolute) {
				const prefix =
					endpointPrefixOf(joinedEndpoint(urlEndpoint)) + (inPath && transformation ? 'tr:' : '');
				expect([label, url.startsWith(prefix)]).toEqual([label, true]);
			}

			// 4. Dot segments resolved as WHATWG resolves them.
			const rawPath = absolute ? '' : path.split(/[?#]/)[0];
			// Node 20.20's URL leaves a final "." after a segment starting with "." (`/x/.b/.`), against
			// the URL Standard; such paths are left out of this comparison.
			if (!absolute && !inPath && !/\/\/|\\|(?:^|\/)\.[^./]/.test(rawPath)) {
				const whatwg = new URL(
					endpointPrefixOf(joinedEndpoint(urlEndpoint)) +
						rawPath.replace(/^\//, '').replace(/ /g, '%20'),
				);
				// Node 20's URL predates `^` joining the path percent-encode set; Node 24's encodes it.
				expect([label, parsed.pathname]).toEqual([label, whatwg.pathname.replace(/\^/g, '%5E')]);
			}

			// 5. Signed: ImageKit's signature over what `new URL()` sends, relative to the endpoint.
			if (isSigned) {
				expect([label, signatureVerifies(url, PRIVATE_KEY, joinedEndpoint(urlEndpoint))]).toEqual([
					label,
					true,
				]);
				expect([label, signedParts(url).expiry]).toEqual([
					label,
					expireSeconds ? String(1_700_000_000 + expireSeconds) : '9999999999',
				]);
			} else {
				expect([label, parsed.searchParams.has('ik-s')]).toEqual([label, false]);
			}
		}
		// Most inputs build a URL: the checks above are not vacuous.
		expect(built).toBeGreaterThan(RUNS * 0.7);
	});
});
