// getResponsiveImageAttributes against ImageKit's JavaScript SDK (@imagekit/javascript 5.x) on a table
// of inputs: the same attributes, and with signing the same URLs plus a signature that verifies.
import { getResponsiveImageAttributes as sdkAttributes } from '@imagekit/javascript';
import { readFileSync } from 'fs';
import { join } from 'path';

import { ImageKit } from '../../nodes/ImageKit/client/ImageKit';
import { ImageKitInputError } from '../../nodes/ImageKit/client/errors';
import type { ResponsiveImageOptions } from '../../nodes/ImageKit/client/responsive';
import {
	buildResponsiveImageAttributes,
	DEFAULT_DEVICE_BREAKPOINTS,
	DEFAULT_IMAGE_BREAKPOINTS,
} from '../../nodes/ImageKit/client/responsive';
import { IMG_TAG_EXPRESSION } from '../e2e/workflows';
import { signatureVerifies } from './urlChecks';

const PRIVATE_KEY = 'private_key_responsive';
const ENDPOINT = 'https://ik.imagekit.io/demo';
const client = new ImageKit({ privateKey: PRIVATE_KEY, urlEndpoint: ENDPOINT });

type SharedOptions = Omit<ResponsiveImageOptions, 'path' | 'src'> & { src: string };

const TABLE: Array<[string, SharedOptions]> = [
	['defaults', { src: '/shoe.jpg' }],
	['a display width', { src: '/shoe.jpg', width: 400 }],
	['a width past every breakpoint', { src: '/shoe.jpg', width: 5000 }],
	['a width between image breakpoints', { src: 'shoe.jpg', width: 50 }],
	['sizes with vw', { src: '/shoe.jpg', sizes: '(min-width: 768px) 50vw, 100vw' }],
	['sizes with a small vw', { src: '/shoe.jpg', sizes: '10vw' }],
	['sizes above 100vw', { src: '/shoe.jpg', sizes: '150vw', deviceBreakpoints: [1000, 3000] }],
	['sizes without vw', { src: '/shoe.jpg', sizes: '(max-width: 600px) 480px, 800px' }],
	['sizes and width', { src: '/shoe.jpg', sizes: '100vw', width: 300 }],
	[
		'custom breakpoints, unsorted',
		{ src: '/shoe.jpg', deviceBreakpoints: [1200, 600], imageBreakpoints: [200, 50], width: 100 },
	],
	['no image breakpoints', { src: '/shoe.jpg', imageBreakpoints: [], sizes: '33vw' }],
	[
		'transformations, in the path',
		{
			src: '/shoe.jpg',
			transformation: [{ height: 300, aiRemoveBackground: true }, { rotation: 90 }],
			transformationPosition: 'path',
			width: 640,
		},
	],
	[
		'transformations and query parameters, in the query',
		{
			src: '/folder/red shoe.jpg',
			transformation: [{ quality: 80 }],
			transformationPosition: 'query',
			queryParameters: { v: '2' },
		},
	],
	['an absolute URL', { src: 'https://cdn.example.com/images/shoe.png?x=1', width: 300 }],
	['another endpoint', { src: '/shoe.jpg', urlEndpoint: 'https://img.example.com/assets/' }],
];

describe('getResponsiveImageAttributes agrees with @imagekit/javascript', () => {
	it.each(TABLE)('%s', (_name, options) => {
		const ours = client.getResponsiveImageAttributes(options);
		const theirs = sdkAttributes({ urlEndpoint: ENDPOINT, ...options } as never);
		expect(ours).toEqual(theirs);
	});

	it.each(TABLE)(
		'%s, signed: the same URLs, each with a signature that verifies',
		(_name, options) => {
			const ours = buildResponsiveImageAttributes(
				{ ...options, signed: true, expireSeconds: 600 },
				{ privateKey: PRIVATE_KEY, urlEndpoint: ENDPOINT, now: () => 1_700_000_000_000 },
			);
			const theirs = sdkAttributes({ urlEndpoint: ENDPOINT, ...options } as never);
			const endpoint = options.urlEndpoint ?? ENDPOINT;
			const urls = [
				ours.src,
				...(ours.srcSet ?? '').split(', ').map((entry) => entry.split(' ')[0]),
			];
			for (const url of urls.filter(Boolean)) {
				expect(signatureVerifies(url, PRIVATE_KEY, endpoint)).toBe(true);
				expect(url).toContain('ik-t=1700000600&');
			}
			const unsigned = (text = '') => text.replace(/[?&]ik-t=\d+&ik-s=[0-9a-f]{40}/g, '');
			expect({
				...ours,
				src: unsigned(ours.src),
				srcSet: unsigned(ours.srcSet) || undefined,
			}).toEqual(theirs);
		},
	);

	it('uses the JavaScript SDK default breakpoints', () => {
		expect(DEFAULT_DEVICE_BREAKPOINTS).toEqual([640, 750, 828, 1080, 1200, 1920, 2048, 3840]);
		expect(DEFAULT_IMAGE_BREAKPOINTS).toEqual([16, 32, 48, 64, 96, 128, 256, 384]);
		expect(client.getResponsiveImageAttributes({ src: '/a.jpg', width: 40 })).toEqual({
			src: `${ENDPOINT}/a.jpg?tr=w-96,c-at_max`,
			srcSet: `${ENDPOINT}/a.jpg?tr=w-48,c-at_max 1x, ${ENDPOINT}/a.jpg?tr=w-96,c-at_max 2x`,
			width: 40,
		});
	});

	it('takes a path too, and the transformation position given', () => {
		expect(
			client.getResponsiveImageAttributes({
				path: '/a.jpg',
				transformationPosition: 'path',
				width: 640,
				deviceBreakpoints: [640],
				imageBreakpoints: [],
			}),
		).toEqual({
			src: `${ENDPOINT}/tr:w-640,c-at_max/a.jpg`,
			srcSet: `${ENDPOINT}/tr:w-640,c-at_max/a.jpg 1x`,
			width: 640,
		});
	});

	// Intended differences (README): the SDK returns attributes with empty or broken URLs instead.
	it.each<[string, ResponsiveImageOptions, string, RegExp]>([
		['no source', {}, 'src', /^'src' or 'path' is required/],
		[
			'a width that is not a whole number',
			{ src: 'a.jpg', width: 300.5 },
			'width',
			/^'width' must be/,
		],
		[
			'a width as text',
			{ src: 'a.jpg', width: '300' as unknown as number },
			'width',
			/^'width' must be/,
		],
		[
			'no device breakpoints',
			{ src: 'a.jpg', deviceBreakpoints: [] },
			'deviceBreakpoints',
			/^'deviceBreakpoints' must be a list of widths/,
		],
		[
			'a negative breakpoint',
			{ src: 'a.jpg', imageBreakpoints: [-16] },
			'imageBreakpoints',
			/must be a list of widths/,
		],
		[
			'sizes that are not text',
			{ src: 'a.jpg', sizes: 50 as unknown as string },
			'sizes',
			/^'sizes' must be text/,
		],
		[
			'a bad endpoint',
			{ src: 'a.jpg', urlEndpoint: 'https://' },
			'urlEndpoint',
			/^'urlEndpoint' must be/,
		],
	])('refuses %s, naming the option', (_name, options, field, message) => {
		let error: unknown;
		try {
			client.getResponsiveImageAttributes(options);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(ImageKitInputError);
		expect((error as ImageKitInputError).field).toBe(field);
		expect((error as Error).message).toMatch(message);
	});

	it('lists a width once when the device and image breakpoints share it (the SDK lists it twice)', () => {
		const options = {
			src: '/a.jpg',
			sizes: '480px',
			deviceBreakpoints: [640],
			imageBreakpoints: [640, 320],
		};
		expect(client.getResponsiveImageAttributes(options).srcSet).toBe(
			`${ENDPOINT}/a.jpg?tr=w-320,c-at_max 320w, ${ENDPOINT}/a.jpg?tr=w-640,c-at_max 640w`,
		);
		expect(sdkAttributes({ urlEndpoint: ENDPOINT, ...options }).srcSet).toContain(
			'640w, https://ik.imagekit.io/demo/a.jpg?tr=w-640,c-at_max 640w',
		);
	});
});

describe("the README's responsive workflow", () => {
	it('uses the <img> expression that the e2e suite runs in n8n', () => {
		const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
		expect(readme).toContain(`"value": ${JSON.stringify(IMG_TAG_EXPRESSION)}`);
	});
});
