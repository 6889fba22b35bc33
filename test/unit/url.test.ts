import { createHmac } from 'crypto';
import { inspect } from 'util';

import ImageKitSdk from '@imagekit/nodejs';

import { ImageKit } from '../../nodes/ImageKit/client/ImageKit';
import { ImageKitInputError } from '../../nodes/ImageKit/client/errors';
import type { TransformationStep } from '../../nodes/ImageKit/client/transformations';
import type { UrlContext, UrlOptions } from '../../nodes/ImageKit/client/url';
import { buildUrl, MAX_URL_EXPIRY_SECONDS } from '../../nodes/ImageKit/client/url';

const DEMO: UrlContext = { privateKey: 'dummy-key', urlEndpoint: 'https://ik.imagekit.io/demo/' };
const HINDI_PNG = 'sdk-testing-files/हिन्दी.png';
const HINDI_PNG_ENCODED =
	'sdk-testing-files/%E0%A4%B9%E0%A4%BF%E0%A4%A8%E0%A5%8D%E0%A4%A6%E0%A5%80.png';

const hmacOf = (text: string) => createHmac('sha1', 'dummy-key').update(text).digest('hex');

function inputError(run: () => unknown): ImageKitInputError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(ImageKitInputError);
		return error as ImageKitInputError;
	}
	throw new Error('expected an ImageKitInputError');
}

describe('buildUrl: signing vectors', () => {
	describe('old rules (API.md §6.1.4)', () => {
		const context = { privateKey: 'private_key_test' };
		const options: UrlOptions = {
			path: 'test-signed-url.png',
			transformation: [{ width: 100 }],
			signed: true,
		};

		it.each(['https://test-domain.com/test-endpoint', 'https://test-domain.com/test-endpoint/'])(
			'signs with the default expiry, endpoint %s',
			(urlEndpoint) => {
				expect(buildUrl({ ...options, urlEndpoint }, context)).toBe(
					'https://test-domain.com/test-endpoint/tr:w-100/test-signed-url.png?ik-s=41b3075c40bc84147eb71b8b49ae7fbf349d0f00',
				);
			},
		);

		it('signs with expiry 100 and adds ik-t', () => {
			const url = buildUrl(
				{ ...options, urlEndpoint: 'https://test-domain.com/test-endpoint', expireSeconds: 100 },
				{ ...context, now: () => 0 },
			);
			expect(url).toBe(
				'https://test-domain.com/test-endpoint/tr:w-100/test-signed-url.png?ik-t=100&ik-s=5e5037a31a7121cbe2964e220b4338cc6e1ba66d',
			);
		});
	});

	describe('new rules (API.md §6.2.1)', () => {
		const src = 'sdk-testing-files/future-search.png';
		const resized: UrlOptions = {
			src,
			signed: true,
			transformation: [{ width: 300, height: 200 }],
			queryParameters: { version: '2.0' },
		};

		it('signs a plain source', () => {
			expect(buildUrl({ src, signed: true }, DEMO)).toBe(
				'https://ik.imagekit.io/demo/sdk-testing-files/future-search.png?ik-s=32dbbbfc5f945c0403c71b54c38e76896ef2d6b0',
			);
		});

		it('signs with query parameters and a query transformation', () => {
			expect(buildUrl({ ...resized, transformationPosition: 'query' }, DEMO)).toBe(
				'https://ik.imagekit.io/demo/sdk-testing-files/future-search.png?version=2.0&tr=w-300,h-200&ik-s=601d97a7834b7554f4dabf0d3fc3a219ceeb6b31',
			);
		});

		it('signs with a path transformation', () => {
			expect(buildUrl({ ...resized, transformationPosition: 'path' }, DEMO)).toBe(
				'https://ik.imagekit.io/demo/tr:w-300,h-200/sdk-testing-files/future-search.png?version=2.0&ik-s=dd1ee8f83d019bc59fd57a5fc4674a11eb8a3496',
			);
		});

		it('percent-encodes a non-ASCII path before signing', () => {
			expect(buildUrl({ src: HINDI_PNG, signed: true }, DEMO)).toBe(
				`https://ik.imagekit.io/demo/${HINDI_PNG_ENCODED}?ik-s=3fff2f31da1f45e007adcdbe95f88c8c330e743c`,
			);
		});

		it('signs the text-overlay vector of API.md §6.2.3', () => {
			const url = buildUrl(
				{
					src: HINDI_PNG,
					signed: true,
					transformationPosition: 'query',
					transformation: [
						{
							overlay: {
								type: 'text',
								text: 'हिन्दी',
								transformation: [
									{
										fontColor: 'red',
										fontSize: 32,
										fontFamily: 'sdk-testing-files/Poppins-Regular_Q15GrYWmL.ttf',
									},
								],
							},
						},
					],
				},
				DEMO,
			);
			expect(url).toBe(
				`https://ik.imagekit.io/demo/${HINDI_PNG_ENCODED}?tr=l-text,ie-4KS54KS%2F4KSo4KWN4KSm4KWA,co-red,fs-32,` +
					'ff-sdk-testing-files@@Poppins-Regular_Q15GrYWmL.ttf,l-end&ik-s=ac9f24a03080102555e492185533c1ae6bd93fa7',
			);
		});
	});
});

describe('buildUrl: inputs', () => {
	it('puts transformations in the path by default, and in the query on request', () => {
		const transformation = [{ width: 300 }, { rotation: 90 }];
		expect(buildUrl({ path: 'a.jpg', transformation }, DEMO)).toBe(
			'https://ik.imagekit.io/demo/tr:w-300:rt-90/a.jpg',
		);
		expect(buildUrl({ path: 'a.jpg', transformation, transformationPosition: 'query' }, DEMO)).toBe(
			'https://ik.imagekit.io/demo/a.jpg?tr=w-300:rt-90',
		);
	});

	it('forces the query position for an absolute src and keeps its query first', () => {
		const url = buildUrl(
			{
				src: 'https://cdn.example.com/photos/a.jpg?v=1',
				transformation: [{ width: 300, height: 200 }],
				transformationPosition: 'path',
				queryParameters: { 'a b': 'c&d', n: 5 },
			},
			DEMO,
		);
		// Added parameters are form-encoded, as URLSearchParams (v7, the seed's urlencode) writes them.
		expect(url).toBe('https://cdn.example.com/photos/a.jpg?v=1&a+b=c%26d&n=5&tr=w-300,h-200');
	});

	it('lets path win over src, and returns an empty string without either', () => {
		expect(buildUrl({ path: '/p.jpg', src: 'https://x.test/s.jpg' }, DEMO)).toBe(
			'https://ik.imagekit.io/demo/p.jpg',
		);
		expect(buildUrl({}, DEMO)).toBe('');
		expect(buildUrl({ path: '', src: '' }, { privateKey: 'k' })).toBe('');
	});

	it('takes a relative src like a path', () => {
		expect(buildUrl({ src: '/p.jpg', transformation: [{ width: 10 }] }, DEMO)).toBe(
			'https://ik.imagekit.io/demo/tr:w-10/p.jpg',
		);
	});

	it('lets the options override the client endpoint, in either naming', () => {
		expect(buildUrl({ path: 'a.jpg', urlEndpoint: 'https://img.example.com/x' }, DEMO)).toBe(
			'https://img.example.com/x/a.jpg',
		);
		expect(buildUrl({ path: 'a.jpg', url_endpoint: 'https://img.example.com' }, DEMO)).toBe(
			'https://img.example.com/a.jpg',
		);
	});

	it('accepts the seed SDK snake_case option names', () => {
		const url = buildUrl(
			{
				path: 'a.jpg',
				transformation: [{ width: 100 }],
				transformation_position: 'query',
				query_parameters: { v: '2' },
				expire_seconds: 60,
			},
			{ ...DEMO, now: () => 1_000_000 },
		);
		const signed = createHmac('sha1', 'dummy-key')
			.update('a.jpg?v=2&tr=w-100' + 1060)
			.digest('hex');
		expect(url).toBe(`https://ik.imagekit.io/demo/a.jpg?v=2&tr=w-100&ik-t=1060&ik-s=${signed}`);
	});

	it.each([
		['https://ik.imagekit.io/demo', '///test_path.jpg'],
		['https://ik.imagekit.io/demo/', 'test_path.jpg'],
		['https://ik.imagekit.io//demo//', '/test_path.jpg'],
	])('collapses slash runs: %s + %s', (urlEndpoint, path) => {
		expect(
			buildUrl({ path, urlEndpoint, transformation: [{ width: 1 }] }, { privateKey: 'k' }),
		).toBe('https://ik.imagekit.io/demo/tr:w-1/test_path.jpg');
		expect(buildUrl({ path, urlEndpoint }, { privateKey: 'k' })).toBe(
			'https://ik.imagekit.io/demo/test_path.jpg',
		);
	});

	it('keeps a lone slash and endpoints without a path', () => {
		expect(
			buildUrl(
				{ src: '/' },
				{ privateKey: 'k', urlEndpoint: 'https://ik.imagekit.io/test_url_endpoint' },
			),
		).toBe('https://ik.imagekit.io/test_url_endpoint/');
		expect(
			buildUrl({ path: 'a.jpg' }, { privateKey: 'k', urlEndpoint: 'https://img.example.com/' }),
		).toBe('https://img.example.com/a.jpg');
	});

	it('percent-encodes the path with the current WHATWG path percent-encode set', () => {
		// Written out rather than taken from `new URL`, whose answer for ^ differs between Node versions.
		const path = '/dir/ä ö"<>`{}^|%41~é😀.jpg';
		expect(buildUrl({ path }, DEMO)).toBe(
			'https://ik.imagekit.io/demo/dir/%C3%A4%20%C3%B6%22%3C%3E%60%7B%7D%5E|%41~%C3%A9%F0%9F%98%80.jpg',
		);
		expect(buildUrl({ path: 'my file.jpg' }, DEMO)).toBe(
			'https://ik.imagekit.io/demo/my%20file.jpg',
		);
		expect(buildUrl({ path: 'lone\ud800.jpg' }, DEMO)).toBe(
			'https://ik.imagekit.io/demo/lone%EF%BF%BD.jpg',
		);
	});

	it('reads ? and # in a path as WHATWG does: a query and a fragment', () => {
		expect(
			buildUrl(
				{ path: '/a b.jpg?q=x y#part two', transformation: [{ width: 1 }], signed: true },
				DEMO,
			),
		).toBe(
			`https://ik.imagekit.io/demo/tr:w-1/a%20b.jpg?q=x%20y&ik-s=${hmacOf('tr:w-1/a%20b.jpg?q=x%20y9999999999')}#part%20two`,
		);
	});

	it('resolves dot segments as WHATWG does, before signing', () => {
		const url = buildUrl({ path: '/x/./../secret/%2e%2E/a.jpg', signed: true }, DEMO);
		expect(url).toBe(`https://ik.imagekit.io/demo/a.jpg?ik-s=${hmacOf('a.jpg9999999999')}`);
		expect(new URL('https://ik.imagekit.io/demo/x/./../secret/%2e%2E/a.jpg').pathname).toBe(
			'/demo/a.jpg',
		);
		expect(buildUrl({ path: 'dir/sub/..' }, DEMO)).toBe('https://ik.imagekit.io/demo/dir/');
	});

	it('encodes unsafe characters of an absolute src and keeps its fragment last', () => {
		const url = buildUrl(
			{ src: 'https://x.test/a b.jpg?q=ü x#frag', transformation: [{ width: 1 }] },
			DEMO,
		);
		expect(url).toBe('https://x.test/a%20b.jpg?q=%C3%BC%20x&tr=w-1#frag');
	});

	it('leaves the tr value literal and adds no ik-sdk-version', () => {
		const url = buildUrl(
			{
				path: 'a.jpg',
				transformationPosition: 'query',
				transformation: [{ width: 1, aiEdit: 'prompt-x' }, { blur: 2 }],
			},
			DEMO,
		);
		expect(url).toBe('https://ik.imagekit.io/demo/a.jpg?tr=w-1,e-edit-prompt-x:bl-2');
		expect(url).not.toContain('ik-sdk-version');
		expect(url).not.toContain('%2C');
	});

	it('orders the query: src, queryParameters, tr, ik-t, ik-s', () => {
		const url = buildUrl(
			{
				src: 'https://ik.imagekit.io/demo/a.jpg?z=1',
				queryParameters: { y: '2' },
				transformation: [{ width: 3 }],
				expireSeconds: 10,
			},
			{ ...DEMO, now: () => 5000 },
		);
		expect(url).toMatch(
			/^https:\/\/ik\.imagekit\.io\/demo\/a\.jpg\?z=1&y=2&tr=w-3&ik-t=15&ik-s=[0-9a-f]{40}$/,
		);
	});
});

describe('buildUrl: signing rules', () => {
	const hmac = (text: string) => createHmac('sha1', 'dummy-key').update(text).digest('hex');

	it('signs when expireSeconds is positive even without signed', () => {
		const url = buildUrl(
			{ path: 'a.jpg', expireSeconds: 300 },
			{ ...DEMO, now: () => 1_700_000_000_123 },
		);
		expect(url).toBe(
			`https://ik.imagekit.io/demo/a.jpg?ik-t=1700000300&ik-s=${hmac('a.jpg1700000300')}`,
		);
	});

	it('accepts a numeric string for expireSeconds', () => {
		const url = buildUrl({ path: 'a.jpg', expireSeconds: '300' }, { ...DEMO, now: () => 0 });
		expect(url).toBe(`https://ik.imagekit.io/demo/a.jpg?ik-t=300&ik-s=${hmac('a.jpg300')}`);
	});

	it('does not sign for expireSeconds 0 without signed', () => {
		expect(buildUrl({ path: 'a.jpg', expireSeconds: 0 }, DEMO)).toBe(
			'https://ik.imagekit.io/demo/a.jpg',
		);
		expect(buildUrl({ path: 'a.jpg', signed: false }, DEMO)).toBe(
			'https://ik.imagekit.io/demo/a.jpg',
		);
	});

	it('signs an absolute src under the endpoint relative to it', () => {
		const url = buildUrl({ src: 'https://ik.imagekit.io/demo/a.jpg', signed: true }, DEMO);
		expect(url).toBe(`https://ik.imagekit.io/demo/a.jpg?ik-s=${hmac('a.jpg9999999999')}`);
	});

	it.each(['k', 'x'.repeat(64), 'y'.repeat(65), 'z'.repeat(200), 'clé-privée', '🔑-key'])(
		'signs exactly as HMAC-SHA1 with the key %j, non-ASCII text included',
		(privateKey) => {
			const context = { privateKey, urlEndpoint: 'https://ik.imagekit.io/demo' };
			for (const raw of ['w-1', 'ot-Ünïcode 😀', 'x'.repeat(300)]) {
				const url = buildUrl({ path: 'a.jpg', transformation: [{ raw }], signed: true }, context);
				const [unsigned, signature] = url.split('?ik-s=');
				const text = unsigned.slice('https://ik.imagekit.io/demo/'.length) + '9999999999';
				expect(signature).toBe(createHmac('sha1', privateKey).update(text).digest('hex'));
			}
		},
	);

	it('signs the whole URL when src is elsewhere or no endpoint is known', () => {
		const elsewhere = 'https://cdn.example.com/a.jpg';
		expect(buildUrl({ src: elsewhere, signed: true }, DEMO)).toBe(
			`${elsewhere}?ik-s=${hmac(elsewhere + '9999999999')}`,
		);
		expect(buildUrl({ src: elsewhere, signed: true }, { privateKey: 'dummy-key' })).toBe(
			`${elsewhere}?ik-s=${hmac(elsewhere + '9999999999')}`,
		);
	});
});

describe('buildUrl: input errors', () => {
	it.each([-1, 1.5, 'soon', '1e3', Number.NaN, Number.POSITIVE_INFINITY, 1e21, {}, true])(
		'rejects expireSeconds %p',
		(expireSeconds) => {
			const error = inputError(() =>
				buildUrl({ path: 'a.jpg', expireSeconds: expireSeconds as number }, DEMO),
			);
			expect(error.field).toBe('expireSeconds');
			expect(error.message).toMatch(
				/^'expireSeconds' must be 0 or more whole seconds, at most 3153600000 \(100 years\): give e\.g\. 3600, not /,
			);
		},
	);

	it('accepts the longest expiry and writes ik-t as an integer', () => {
		const url = buildUrl(
			{ path: 'a.jpg', expireSeconds: MAX_URL_EXPIRY_SECONDS },
			{ ...DEMO, now: () => 1_700_000_000_999 },
		);
		expect(url).toMatch(new RegExp(`\\?ik-t=${1_700_000_000 + MAX_URL_EXPIRY_SECONDS}&ik-s=`));
	});

	it('rejects an unknown transformation position', () => {
		const error = inputError(() =>
			buildUrl({ path: 'a.jpg', transformationPosition: 'header' as 'path' }, DEMO),
		);
		expect(error.field).toBe('transformationPosition');
		expect(error.message).toBe(`'transformationPosition' must be "path" or "query", not "header"`);
	});

	it('needs a URL endpoint for a relative path', () => {
		const error = inputError(() => buildUrl({ path: 'a.jpg' }, { privateKey: 'k' }));
		expect(error.field).toBe('urlEndpoint');
		expect(error.message).toMatch(/^'urlEndpoint' is required for a relative path/);
	});

	it('needs a private key to sign', () => {
		const error = inputError(() =>
			buildUrl({ path: 'a.jpg', signed: true }, { privateKey: '', urlEndpoint: 'https://x.test' }),
		);
		expect(error.field).toBe('privateKey');
	});

	// Issue 9: each returned a URL that looked fine and did not work.
	it.each<[string, UrlOptions, string, RegExp]>([
		[
			'src without a host',
			{ src: 'https://' },
			'src',
			/^'src' must be an absolute http\(s\) URL with a host/,
		],
		[
			'src with a space in the host',
			{ src: 'http://exa mple.com/a.jpg' },
			'src',
			/^'src' has an invalid host/,
		],
		[
			'src with a bad port',
			{ src: 'https://x.test:99999/a.jpg' },
			'src',
			/^'src' has an invalid host/,
		],
		[
			'endpoint without a host',
			{ path: 'a.jpg', urlEndpoint: 'https://' },
			'urlEndpoint',
			/^'urlEndpoint' must be an absolute http\(s\) URL with a host/,
		],
		[
			'endpoint with an extra slash',
			{ path: 'a.jpg', urlEndpoint: 'https:///demo' },
			'urlEndpoint',
			/with a host/,
		],
		[
			'endpoint not absolute',
			{ path: 'a.jpg', urlEndpoint: 'ik.imagekit.io/demo' },
			'urlEndpoint',
			/with a host/,
		],
		[
			'endpoint with a query',
			{ path: 'a.jpg', urlEndpoint: 'https://ik.imagekit.io/demo?x=1' },
			'urlEndpoint',
			/^'urlEndpoint' has a query or a fragment/,
		],
		[
			'endpoint with a fragment',
			{ path: 'a.jpg', urlEndpoint: 'https://ik.imagekit.io/demo#x' },
			'urlEndpoint',
			/^'urlEndpoint' has a query or a fragment/,
		],
		[
			'endpoint with a space in the host',
			{ path: 'a.jpg', urlEndpoint: 'https://ik.imag ekit.io/demo' },
			'urlEndpoint',
			/^'urlEndpoint' has an invalid host/,
		],
		[
			'endpoint with a dot segment',
			{ path: 'a.jpg', urlEndpoint: 'https://ik.imagekit.io/a/../demo' },
			'urlEndpoint',
			/^'urlEndpoint' has a "\." or "\.\." segment/,
		],
		[
			'path climbing above the endpoint',
			{ path: '/../other/a.jpg' },
			'path',
			/^'path' climbs above the URL endpoint/,
		],
		[
			'path climbing in disguise',
			{ path: 'a/%2E%2e/../b.jpg' },
			'path',
			/^'path' climbs above the URL endpoint/,
		],
		[
			'src climbing above its host',
			{ src: 'https://x.test/../a.jpg' },
			'src',
			/^'src' climbs above its host/,
		],
		[
			'path with a line break',
			{ path: 'a.jpg\n' },
			'path',
			/^'path' has a control character \(U\+000A\) at position 6: remove it$/,
		],
		[
			'endpoint with a tab',
			{ path: 'a.jpg', urlEndpoint: 'https://ik.imagekit.io/de\tmo' },
			'urlEndpoint',
			/control character \(U\+0009\)/,
		],
		[
			'a path that is not text',
			{ path: 42 as unknown as string },
			'path',
			/^'path' must be text, not 42$/,
		],
		[
			'a slash in a path transformation',
			{ path: 'a.jpg', transformation: [{ raw: 'l-image,i-a/b.png' }] },
			'transformation',
			/would split the URL path/,
		],
		[
			'signed that is not a boolean',
			{ path: 'a.jpg', signed: 'yes' as unknown as boolean },
			'signed',
			/^'signed' must be true or false/,
		],
		[
			'query parameters as a list',
			{ path: 'a.jpg', queryParameters: [{ a: '1' }] as unknown as Record<string, string> },
			'queryParameters',
			/must be an object of names and values/,
		],
	])('rejects %s', (_case, options, field, message) => {
		const error = inputError(() => buildUrl(options, DEMO));
		expect(error.field).toBe(field);
		expect(error.message).toMatch(message);
	});

	it('normalises a host that WHATWG writes differently, and signs what it writes', () => {
		const url = buildUrl(
			{ path: 'a.jpg', urlEndpoint: 'HTTPS://IK.ImageKit.io:443/demo', signed: true },
			{ privateKey: 'dummy-key' },
		);
		expect(url).toBe(`https://ik.imagekit.io/demo/a.jpg?ik-s=${hmacOf('a.jpg9999999999')}`);
		expect(buildUrl({ src: 'http://Bücher.example:8080/a.jpg' }, DEMO)).toBe(
			'http://xn--bcher-kva.example:8080/a.jpg',
		);
	});
});

describe('ImageKit.url', () => {
	it('keeps its signing key out of sight: not enumerable, not shown by inspect', () => {
		const client = new ImageKit({ privateKey: 'secret-key-123', urlEndpoint: 'https://x.test/' });
		const url = client.url({ path: 'a.jpg', signed: true });
		expect(url).toBe(
			`https://x.test/a.jpg?ik-s=${createHmac('sha1', 'secret-key-123').update('a.jpg9999999999').digest('hex')}`,
		);
		expect(Object.keys(client)).not.toContain('urlSigningKey');
		expect(inspect(client)).not.toContain('secret-key-123');
		expect(JSON.stringify(client)).not.toContain('secret-key-123');
	});

	it('checks its endpoint where a URL needs it, naming it each time', () => {
		const client = new ImageKit({ privateKey: 'k', urlEndpoint: 'https://' });
		expect(client.url({ src: 'https://x.test/a.jpg' })).toBe('https://x.test/a.jpg');
		for (let attempt = 0; attempt < 2; attempt++) {
			expect(() => client.url({ path: 'a.jpg' })).toThrow(
				"'urlEndpoint' must be an absolute http(s) URL with a host",
			);
		}
		expect(client.url({ path: 'a.jpg', urlEndpoint: 'https://y.test' })).toBe(
			'https://y.test/a.jpg',
		);
	});

	it('builds with the client key and endpoint', () => {
		const client = new ImageKit({
			privateKey: 'dummy-key',
			urlEndpoint: 'https://ik.imagekit.io/demo/',
		});
		expect(client.url({ src: 'sdk-testing-files/future-search.png', signed: true })).toBe(
			'https://ik.imagekit.io/demo/sdk-testing-files/future-search.png?ik-s=32dbbbfc5f945c0403c71b54c38e76896ef2d6b0',
		);
	});
});

describe('buildUrl agrees with the official SDK on the same explicit inputs', () => {
	const official = new ImageKitSdk({ privateKey: 'dummy-key' });
	const cases: Array<{
		src: string;
		urlEndpoint: string;
		position: 'path' | 'query';
		signed?: boolean;
		qp?: Record<string, string>;
	}> = [
		{ src: 'a.jpg', urlEndpoint: 'https://ik.imagekit.io/demo', position: 'path' },
		{
			src: '//deep//a b.jpg',
			urlEndpoint: 'https://ik.imagekit.io/demo/',
			position: 'query',
			qp: { v: '1 2' },
		},
		{
			src: 'ünï/código.png',
			urlEndpoint: 'https://ik.imagekit.io/x/y',
			position: 'path',
			signed: true,
		},
		{
			src: 'https://ik.imagekit.io/demo/p.jpg?x=1',
			urlEndpoint: 'https://ik.imagekit.io/demo',
			position: 'path',
			signed: true,
		},
		{
			src: 'https://other.test/p.jpg',
			urlEndpoint: 'https://ik.imagekit.io/demo',
			position: 'query',
			signed: true,
		},
	];
	const transformation: TransformationStep[] = [
		{ width: 300, crop: 'at_max' },
		{ overlay: { type: 'text', text: 'Hi there', position: { x: 5 } } },
	];

	it.each(cases.map((entry) => [entry.src, entry.position, entry]))(
		'%s (%s)',
		(_src, _position, entry) => {
			const ours = buildUrl(
				{
					src: entry.src,
					urlEndpoint: entry.urlEndpoint,
					transformation,
					transformationPosition: entry.position,
					signed: entry.signed,
					queryParameters: entry.qp,
				},
				{ privateKey: 'dummy-key' },
			);
			const theirs = official.helper.buildSrc({
				src: entry.src,
				urlEndpoint: entry.urlEndpoint,
				transformation: transformation as never,
				transformationPosition: entry.position,
				signed: entry.signed,
				queryParameters: entry.qp,
			});
			expect(ours).toBe(theirs);
		},
	);
});
