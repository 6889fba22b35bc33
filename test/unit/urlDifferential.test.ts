// ImageKit's v7 Node SDK (`client.helper.buildSrc`) as a differential oracle: on random inputs both
// accept, the URLs are equal, signatures included. Inputs where the two differ on purpose are left out
// of the random domain and pinned one by one in INTENDED_DIFFERENCES (also listed in the README).
import ImageKitSdk from '@imagekit/nodejs';

import type { TransformationStep } from '../../nodes/ImageKit/client/transformations';
import { buildUrl } from '../../nodes/ImageKit/client/url';
import { signatureVerifies } from './urlChecks';

const PRIVATE_KEY = 'private_key_differential';
const NOW = 1_700_000_000_000;
const official = new ImageKitSdk({ privateKey: PRIVATE_KEY });

interface SharedInputs {
	src: string;
	urlEndpoint: string;
	transformation?: TransformationStep[];
	transformationPosition: 'path' | 'query';
	queryParameters?: Record<string, string>;
	signed?: boolean;
	expireSeconds?: number;
}

function ours(inputs: SharedInputs): string {
	const { src, urlEndpoint, expireSeconds, ...rest } = inputs;
	return buildUrl(
		{ src, urlEndpoint, expireSeconds, ...rest },
		{ privateKey: PRIVATE_KEY, now: () => NOW },
	);
}

function theirs(inputs: SharedInputs): string {
	const { expireSeconds, ...rest } = inputs;
	return official.helper.buildSrc({ ...rest, expiresIn: expireSeconds } as never);
}

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
		Array.from({ length: 1 + int(maxLength) }, () => pick(alphabet)).join('');
	return { next, int, pick, text };
}

// The shared domain: no `?`/`#` in a relative src, no `^` (Node 20's URL differs), no backslash, no
// climbing `..`, an endpoint already in WHATWG's form (else v7 signs the whole URL), transformation
// values WHATWG leaves as they are.
const SEGMENT_CHARACTERS = [...'abcXYZ019-_.~', ...' "<>`{}|%:@!$\'()*+,;=', 'é', '😀', '%41'];
const PARAMETER_CHARACTERS = [...SEGMENT_CHARACTERS, '&', '=', '/', '?', '#', '^'];
const VALUE_CHARACTERS = [...'abcXYZ019-_.~:@!()*,;=|'];
const ENDPOINTS = [
	'https://ik.imagekit.io/demo',
	'https://ik.imagekit.io/demo/',
	'https://ik.imagekit.io',
	'http://img.example.com/a_b/v1',
];

function randomSrc(random: ReturnType<typeof generator>): string {
	const segments = Array.from({ length: 1 + random.int(4) }, () =>
		random.next() < 0.15 ? random.pick(['.', 'a/..', '']) : random.text(SEGMENT_CHARACTERS, 6),
	);
	// No segment starting with "." but a dot segment: Node 20.20's URL, which v7 relies on, leaves a
	// later "." unresolved there (`/.b/.`), against the URL Standard that this client follows.
	const path = ((random.next() < 0.5 ? '/' : '') + segments.join(random.pick(['/', '//']))).replace(
		/(^|\/)\.(?=[^./])/g,
		'$1x',
	);
	if (random.next() < 0.75) return path;
	const query = random.next() < 0.5 ? '?' + random.text([...'abc019=&-_.'], 8) : '';
	return `https://${random.pick(['ik.imagekit.io/demo', 'cdn.example.com'])}/${path.replace(/^\/+/, '')}${query}`;
}

function randomTransformation(random: ReturnType<typeof generator>): TransformationStep[] {
	return Array.from({ length: random.int(3) }, () => {
		const step: TransformationStep = {};
		if (random.next() < 0.6) step.width = random.int(2000);
		if (random.next() < 0.3) step.height = 'ih_div_' + (1 + random.int(4));
		if (random.next() < 0.3) step.grayscale = random.pick([true, false, 'true', '-']);
		if (random.next() < 0.3) step.sharpen = random.pick([true, 5, '']);
		if (random.next() < 0.2) step.aiEdit = 'prompt-' + random.text(VALUE_CHARACTERS, 8);
		if (random.next() < 0.2) step.defaultImage = '/' + random.text(VALUE_CHARACTERS, 5) + '/d.png';
		if (random.next() < 0.2) {
			step.overlay = {
				type: 'text',
				text: random.text(SEGMENT_CHARACTERS, 6),
				position: { x: random.int(50), focus: random.pick(['center', 'top']) },
				transformation: [{ fontSize: 10 + random.int(30) }],
			};
		}
		return step;
	});
}

describe('buildUrl against @imagekit/nodejs v7 helper.buildSrc', () => {
	beforeAll(() => jest.useFakeTimers({ now: NOW }));
	afterAll(() => jest.useRealTimers());

	it('gives the same URL on random inputs both accept (1,500 runs)', () => {
		const random = generator(20261202);
		let compared = 0;
		for (let run = 0; run < 1500; run++) {
			const queryParameters: Record<string, string> = {};
			for (let count = random.int(3); count > 0; count--) {
				queryParameters[random.text(PARAMETER_CHARACTERS, 4)] = random.text(
					PARAMETER_CHARACTERS,
					6,
				);
			}
			const inputs: SharedInputs = {
				src: randomSrc(random),
				urlEndpoint: random.pick(ENDPOINTS),
				transformation: randomTransformation(random),
				transformationPosition: random.pick(['path', 'query'] as const),
				queryParameters,
				signed: random.pick([true, undefined]),
				expireSeconds: random.pick([undefined, 0, 60, 3600]),
			};
			// v7 re-encodes a src's own query as a form once it appends parameters (a listed difference).
			if (inputs.src.includes('?')) delete inputs.queryParameters;
			const label = `run ${run}: ${JSON.stringify(inputs)}`;
			expect([label, ours(inputs)]).toEqual([label, theirs(inputs)]);
			compared++;
		}
		expect(compared).toBe(1500);
	});

	interface Difference {
		why: string;
		inputs: SharedInputs;
		/** What v7 returns, or `throws` when it throws. */
		v7: string;
		/** What this client returns, or the start of the error message it throws. */
		ours: string | { error: string };
		/** More on the two URLs. */
		check?: (v7: string, ours: string) => void;
	}

	const DIFFERENCES: Difference[] = [
		{
			why: 'A query written in a path stays a query (the seed); v7 encodes it into the path',
			inputs: {
				src: 'a.jpg?v=1',
				urlEndpoint: 'https://ik.imagekit.io/demo',
				transformationPosition: 'path',
			},
			v7: 'https://ik.imagekit.io/demo/a.jpg%3Fv=1',
			ours: 'https://ik.imagekit.io/demo/a.jpg?v=1',
		},
		{
			why: 'A fragment stays last; v7 appends tr after it, inside the fragment',
			inputs: {
				src: 'https://cdn.example.com/a.jpg#top',
				urlEndpoint: 'https://ik.imagekit.io/demo',
				transformationPosition: 'query',
				transformation: [{ width: 10 }],
			},
			v7: 'https://cdn.example.com/a.jpg#top?tr=w-10',
			ours: 'https://cdn.example.com/a.jpg?tr=w-10#top',
		},
		{
			why: 'tr is written as WHATWG reads it (spaces, quotes, non-ASCII encoded; & and # escaped); v7 writes it raw',
			inputs: {
				src: 'a.jpg',
				urlEndpoint: 'https://ik.imagekit.io/demo',
				transformationPosition: 'query',
				transformation: [{ aiEdit: 'prompt-a "b" & c#d é' }],
			},
			v7: 'https://ik.imagekit.io/demo/a.jpg?tr=e-edit-prompt-a "b" & c#d é',
			ours: 'https://ik.imagekit.io/demo/a.jpg?tr=e-edit-prompt-a%20%22b%22%20%26%20c%23d%20%C3%A9',
		},
		{
			why: 'The same in the path position',
			inputs: {
				src: 'a.jpg',
				urlEndpoint: 'https://ik.imagekit.io/demo',
				transformationPosition: 'path',
				transformation: [{ aiEdit: 'prompt-a b?' }],
			},
			v7: 'https://ik.imagekit.io/demo/tr:e-edit-prompt-a b?/a.jpg',
			ours: 'https://ik.imagekit.io/demo/tr:e-edit-prompt-a%20b%3F/a.jpg',
		},
		{
			why: 'A "/" in a path transformation is refused; v7 lets it split the path',
			inputs: {
				src: 'a.jpg',
				urlEndpoint: 'https://ik.imagekit.io/demo',
				transformationPosition: 'path',
				transformation: [{ raw: 'l-image,i-a/b.png,l-end' }],
			},
			v7: 'https://ik.imagekit.io/demo/tr:l-image,i-a/b.png,l-end/a.jpg',
			ours: { error: `'transformation' has a "/" or "\\", which would split the URL path` },
		},
		{
			why: 'A path climbing above the endpoint is refused; v7 resolves it out of the endpoint',
			inputs: {
				src: '../other/a.jpg',
				urlEndpoint: 'https://ik.imagekit.io/demo',
				transformationPosition: 'path',
			},
			v7: 'https://ik.imagekit.io/other/a.jpg',
			ours: { error: `'src' climbs above the URL endpoint` },
		},
		{
			why: 'An endpoint with a query is refused; v7 keeps the query',
			inputs: {
				src: 'a.jpg',
				urlEndpoint: 'https://ik.imagekit.io/demo?x=1',
				transformationPosition: 'path',
			},
			v7: 'https://ik.imagekit.io/demo/a.jpg?x=1',
			ours: { error: `'urlEndpoint' has a query or a fragment` },
		},
		{
			why: 'An endpoint or src that does not parse is an error naming it; v7 returns ""',
			inputs: { src: 'a.jpg', urlEndpoint: 'https://', transformationPosition: 'path' },
			v7: '',
			ours: { error: `'urlEndpoint' must be an absolute http(s) URL with a host` },
		},
		{
			why: 'The same for a src with a space in its host',
			inputs: {
				src: 'http://exa mple.com/a.jpg',
				urlEndpoint: 'https://ik.imagekit.io/demo',
				transformationPosition: 'path',
			},
			v7: '',
			ours: { error: `'src' has an invalid host` },
		},
		{
			why: 'Control characters are refused; v7 drops tabs and line breaks silently',
			inputs: {
				src: 'a\tb.jpg',
				urlEndpoint: 'https://ik.imagekit.io/demo',
				transformationPosition: 'path',
			},
			v7: 'https://ik.imagekit.io/demo/ab.jpg',
			ours: { error: `'src' has a control character (U+0009)` },
		},
		{
			why: 'A backslash separates path segments and runs collapse; v7 turns it into "/" after collapsing',
			inputs: {
				src: 'a\\\\b.jpg',
				urlEndpoint: 'https://ik.imagekit.io/demo',
				transformationPosition: 'path',
			},
			v7: 'https://ik.imagekit.io/demo/a//b.jpg',
			ours: 'https://ik.imagekit.io/demo/a/b.jpg',
		},
		{
			why: 'A non-canonical endpoint is signed relative to its WHATWG form; v7 fails to strip it and signs the whole URL',
			inputs: {
				src: 'a.jpg',
				urlEndpoint: 'https://IK.imagekit.io/demo',
				transformationPosition: 'path',
				signed: true,
			},
			v7: 'https://ik.imagekit.io/demo/a.jpg?ik-s=',
			ours: 'https://ik.imagekit.io/demo/a.jpg?ik-s=',
			check: (v7, oursUrl) => {
				const endpoint = 'https://ik.imagekit.io/demo';
				expect(signatureVerifies(oursUrl, PRIVATE_KEY, endpoint)).toBe(true);
				expect(signatureVerifies(v7, PRIVATE_KEY, endpoint)).toBe(false);
				expect(signatureVerifies(v7, PRIVATE_KEY)).toBe(true);
			},
		},
		{
			why: 'signed: false leaves the URL unsigned even with an expiry (the seed); v7 signs',
			inputs: {
				src: 'a.jpg',
				urlEndpoint: 'https://ik.imagekit.io/demo',
				transformationPosition: 'path',
				signed: false,
				expireSeconds: 60,
			},
			v7: 'https://ik.imagekit.io/demo/a.jpg?ik-t=1700000060&ik-s=',
			ours: 'https://ik.imagekit.io/demo/a.jpg',
		},
		{
			why: 'An expiry must be whole seconds up to 100 years; v7 parseInt()s 1e21 into 1',
			inputs: {
				src: 'a.jpg',
				urlEndpoint: 'https://ik.imagekit.io/demo',
				transformationPosition: 'path',
				expireSeconds: 1e21,
			},
			v7: 'https://ik.imagekit.io/demo/a.jpg?ik-t=1700000001&ik-s=',
			ours: { error: `'expireSeconds' must be 0 or more whole seconds` },
		},
		{
			why: "A src's own query is kept as written when parameters are added; v7 re-encodes it as a form",
			inputs: {
				src: 'https://cdn.example.com/a.jpg?x=a,b',
				urlEndpoint: 'https://ik.imagekit.io/demo',
				transformationPosition: 'query',
				queryParameters: { v: '1' },
			},
			v7: 'https://cdn.example.com/a.jpg?x=a%2Cb&v=1',
			ours: 'https://cdn.example.com/a.jpg?x=a,b&v=1',
		},
		{
			why: "Older SDKs' names are read as those SDKs read them; v7 writes them as unknown keys",
			inputs: {
				src: 'a.jpg',
				urlEndpoint: 'https://ik.imagekit.io/demo',
				transformationPosition: 'path',
				transformation: [{ effect_contrast: '1', rotate: 90 }],
			},
			v7: 'https://ik.imagekit.io/demo/tr:effect_contrast-1,rotate-90/a.jpg',
			ours: 'https://ik.imagekit.io/demo/tr:e-contrast-1,rt-90/a.jpg',
		},
		{
			why: 'A switch set to something else, or a layer without its source, is an error; v7 drops it',
			inputs: {
				src: 'a.jpg',
				urlEndpoint: 'https://ik.imagekit.io/demo',
				transformationPosition: 'path',
				transformation: [{ width: 10, grayscale: 'yes', overlay: { type: 'text', text: '' } }],
			},
			v7: 'https://ik.imagekit.io/demo/tr:w-10/a.jpg',
			ours: { error: `'transformation' has grayscale: "yes", but grayscale is a switch` },
		},
		{
			why: 'A transformation is written as built; v7 passes it to String.replace, which reads $$ and $& as patterns',
			inputs: {
				src: 'a.jpg',
				urlEndpoint: 'https://ik.imagekit.io/demo',
				transformationPosition: 'path',
				transformation: [{ aiEdit: 'prompt-$$5' }],
			},
			v7: 'https://ik.imagekit.io/demo/tr:e-edit-prompt-$5/a.jpg',
			ours: 'https://ik.imagekit.io/demo/tr:e-edit-prompt-$$5/a.jpg',
		},
		{
			why: 'An optional-value effect set to false is left out; v7 writes e-sharpen-false',
			inputs: {
				src: 'a.jpg',
				urlEndpoint: 'https://ik.imagekit.io/demo',
				transformationPosition: 'path',
				transformation: [{ width: 10, sharpen: false }],
			},
			v7: 'https://ik.imagekit.io/demo/tr:w-10,e-sharpen-false/a.jpg',
			ours: 'https://ik.imagekit.io/demo/tr:w-10/a.jpg',
		},
	];

	it.each(DIFFERENCES.map((difference) => [difference.why, difference]))(
		'differs on purpose: %s',
		(_why, difference) => {
			// Signatures are left out of the pinned text: a part of it is the point, not its bytes.
			const withoutSignature = (url: string) => url.replace(/ik-s=[0-9a-f]{40}$/, 'ik-s=');
			const v7 = theirs(difference.inputs);
			expect(withoutSignature(v7)).toBe(difference.v7);
			if (typeof difference.ours === 'string') {
				const oursUrl = ours(difference.inputs);
				expect(withoutSignature(oursUrl)).toBe(difference.ours);
				difference.check?.(v7, oursUrl);
			} else {
				expect(() => ours(difference.inputs)).toThrow(difference.ours.error);
			}
		},
	);
});
