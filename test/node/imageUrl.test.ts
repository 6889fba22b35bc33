// Image URL → Generate and Get Responsive Attributes through n8n's real engine: parameter order,
// field-named errors, and the responsive attributes with signatures that verify.
import { endpointPrefixOf, signatureVerifies } from '../unit/urlChecks';
import { NODE_UNDER_TEST } from '../engine/harness';
import { PRIVATE_KEY, useNodeFixture } from './fixture';

const fixture = useNodeFixture();
afterEach(() => expect(fixture.emulator.requests).toEqual([]));

const endpoint = () => endpointPrefixOf(fixture.emulator.urlEndpoint);

describe('Image URL → Generate', () => {
	// Issue 9 point 3: the UI sorts Height before Width; the URL follows ImageKit's table order.
	it('writes a step in the order of ImageKit SDKs, w-300,h-300', async () => {
		const result = await fixture.run({
			resource: 'imageUrl',
			operation: 'generate',
			source: 'path',
			path: '/shoes/red.jpg',
			steps: { step: [{ parameters: { height: 300, width: 300, grayscale: true } }] },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.url).toBe(`${endpoint()}tr:w-300,h-300,e-grayscale/shoes/red.jpg`);
		// The chain is also shown above the output, once per run.
		const [task] = result.run.data.resultData.runData[NODE_UNDER_TEST];
		expect(task.hints).toEqual([
			{
				message: 'Transformation chain: w-300,h-300,e-grayscale (each ":" starts the next step)',
				location: 'outputPane',
			},
		]);
	});

	it('keeps a query written in the path a query, and signs the URL as sent', async () => {
		const result = await fixture.run({
			resource: 'imageUrl',
			operation: 'generate',
			source: 'path',
			path: '/x/../shoes/red.jpg?v=2',
			steps: { step: [{ parameters: { width: 100 } }] },
			options: { transformationPosition: 'query', expireSeconds: 60 },
		});
		const url = result.items[0].json.url as string;
		expect(url).toMatch(
			new RegExp(`^${endpoint()}shoes/red\\.jpg\\?v=2&tr=w-100&ik-t=\\d+&ik-s=[0-9a-f]{40}$`),
		);
		expect(signatureVerifies(url, PRIVATE_KEY, fixture.emulator.urlEndpoint)).toBe(true);
	});

	it.each([
		[
			'a path climbing above the endpoint',
			{ source: 'path', path: '/../other/a.jpg' },
			"'Path' climbs above the URL endpoint",
		],
		[
			'a URL without a host',
			{ source: 'url', src: 'https://' },
			"'URL' must be an absolute http(s) URL with a host",
		],
		[
			'an endpoint with a query',
			{ source: 'path', path: 'a.jpg', options: { urlEndpoint: 'https://ik.imagekit.io/x?y=1' } },
			"'URL Endpoint' has a query or a fragment",
		],
		[
			'an expiry in fractions of a second',
			{ source: 'path', path: 'a.jpg', options: { expireSeconds: 1.5 } },
			"'Expires In (Seconds)' must be 0 or more whole seconds",
		],
		[
			'a Width ImageKit would refuse',
			{ source: 'path', path: 'a.jpg', steps: { step: [{ parameters: { width: 'wide' } }] } },
			"'Width' cannot be 'wide': give a number of pixels, a fraction of the original or an arithmetic expression, e.g. 300, 0.5 or ih_div_2",
		],
		[
			'a layer position ImageKit would refuse',
			{
				source: 'path',
				path: 'a.jpg',
				steps: { step: [{ type: 'text', text: 'Sale', layerOptions: { anchorPoint: 'middle' } }] },
			},
			"'Anchor Point' cannot be 'middle': give one of center, top, bottom",
		],
		[
			'a crop mode ImageKit does not have, in the Transformation field',
			{ source: 'path', path: 'a.jpg', transformation: 'w-300,c-fit' },
			"'Transformation' has c-fit: give c (Crop) one of maintain_ratio",
		],
		[
			'an unknown code in the Transformation field',
			{ source: 'path', path: 'a.jpg', transformation: 'width-300' },
			`'Transformation' has "width-300", which is not an ImageKit transformation: write ImageKit's codes, e.g. w-300,h-200:rt-90`,
		],
	])('names the field for %s', async (_case, parameters, message) => {
		const result = await fixture.run({
			resource: 'imageUrl',
			operation: 'generate',
			...parameters,
		});
		expect(result.error?.message).toContain(message);
	});

	it('shows each step as what it holds: transformations, or one overlay, and outputs the chain', async () => {
		const result = await fixture.run({
			resource: 'imageUrl',
			operation: 'generate',
			source: 'path',
			path: '/shoes/red.jpg',
			steps: {
				step: [
					{ type: 'transformations', parameters: { height: 300, width: 300 } },
					{
						type: 'text',
						text: 'Sale',
						layerOptions: { x: '10', focus: 'bottom', layerMode: 'multiply' },
					},
					{ type: 'solidColor', color: '#FF0000', layerOptions: { transformation: 'w-20,h-20' } },
					{ type: 'transformations', parameters: { rotation: '90' } },
				],
			},
		});
		expect(result.error).toBeUndefined();
		const chain =
			'w-300,h-300:l-text,i-Sale,lm-multiply,lx-10,lfo-bottom,l-end:' +
			'l-image,i-ik_canvas,bg-FF0000,w-20,h-20,l-end:rt-90';
		expect(result.items[0].json).toEqual({
			url: `${endpoint()}tr:${chain}/shoes/red.jpg`,
			transformation: chain,
		});
	});

	// A workflow saved before version 2 keeps its steps: transformations and overlays in one step.
	it('reads the steps of a version 1 node as they were saved', async () => {
		const result = await fixture.run(
			{
				resource: 'imageUrl',
				operation: 'generate',
				source: 'path',
				path: '/shoes/red.jpg',
				steps: {
					step: [
						{
							parameters: { width: 300 },
							overlay: {
								text: { text: 'Sale', options: { y: '5' } },
								image: { input: '/logo.png' },
							},
						},
					],
				},
			},
			{ typeVersion: 1 },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.transformation).toBe(
			'w-300,l-text,i-Sale,ly-5,l-end:l-image,i-logo.png,l-end',
		);
		const refused = await fixture.run(
			{
				resource: 'imageUrl',
				operation: 'generate',
				source: 'path',
				path: 'a.jpg',
				steps: { step: [{ overlay: { text: { text: '' } } }] },
			},
			{ typeVersion: 1 },
		);
		expect(refused.error?.message).toContain(
			"'Transformation Steps' has a text overlay without its text",
		);
	});

	// Fixed parameters are read once per run; an expression is still read for each item.
	it('gives each item its own URL when a field is an expression, and the same one otherwise', async () => {
		const inputItems = [
			{ json: { path: '/a.jpg', width: 100 } },
			{ json: { path: '/b.jpg', width: 200 } },
		];
		const perItem = await fixture.run(
			{
				resource: 'imageUrl',
				operation: 'generate',
				source: 'path',
				path: '={{ $json.path }}',
				steps: { step: [{ parameters: { width: '={{ $json.width }}' } }] },
			},
			{ inputItems },
		);
		expect(perItem.items.map((item) => item.json.url)).toEqual([
			`${endpoint()}tr:w-100/a.jpg`,
			`${endpoint()}tr:w-200/b.jpg`,
		]);
		const fixed = await fixture.run(
			{ resource: 'imageUrl', operation: 'generate', source: 'path', path: '/a.jpg' },
			{ inputItems },
		);
		expect(fixed.items.map((item) => item.json.url)).toEqual([
			`${endpoint()}a.jpg`,
			`${endpoint()}a.jpg`,
		]);
	});

	it('says which step holds a refused value', async () => {
		const result = await fixture.run({
			resource: 'imageUrl',
			operation: 'generate',
			source: 'path',
			path: 'a.jpg',
			steps: { step: [{ parameters: { width: 300 } }, { parameters: { rotation: 'left' } }] },
		});
		expect(result.error?.message).toMatch(/^'Rotation' cannot be 'left': give degrees/);
		expect(result.error?.description).toBe('In step 2 of Transformation Steps');
	});

	it('puts the Transformation field first, then the steps, then Raw Transformation unchecked', async () => {
		const result = await fixture.run({
			resource: 'imageUrl',
			operation: 'generate',
			source: 'path',
			path: '/shoes/red.jpg',
			transformation: 'w-iw_div_2,ar-4:3,bg-genfill:-prompt-snow,l-text,i-Sale,lx-10,l-end:rt-N40',
			steps: { step: [{ parameters: { quality: 60 } }] },
			options: { rawTransformation: 'x-anything' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.url).toBe(
			`${endpoint()}tr:w-iw_div_2,ar-4:3,bg-genfill:-prompt-snow,l-text,i-Sale,lx-10,l-end:rt-N40:q-60:x-anything/shoes/red.jpg`,
		);
	});
});

describe('Image URL → Get Responsive Attributes', () => {
	it('gives src, srcSet and width for a display width, each URL signed', async () => {
		const result = await fixture.run({
			resource: 'imageUrl',
			operation: 'getResponsiveAttributes',
			source: 'path',
			path: '/shoes/red.jpg',
			steps: { step: [{ parameters: { height: 500, width: 800 } }] },
			options: { width: 400, signed: true },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		const json = result.items[0].json as { src: string; srcSet: string; width: number };
		const url = (width: number) => `${endpoint()}tr:w-800,h-500:w-${width},c-at_max/shoes/red.jpg`;
		expect(Object.keys(json).sort()).toEqual(['src', 'srcSet', 'width']);
		expect(json.width).toBe(400);
		expect(json.src).toMatch(new RegExp(`^${url(828)}\\?ik-s=[0-9a-f]{40}$`));
		const candidates = json.srcSet.split(', ');
		expect(candidates.map((candidate) => candidate.replace(/\?ik-s=[0-9a-f]{40}/, ''))).toEqual([
			`${url(640)} 1x`,
			`${url(828)} 2x`,
		]);
		for (const candidate of [json.src, ...candidates.map((entry) => entry.split(' ')[0])]) {
			expect(signatureVerifies(candidate, PRIVATE_KEY, fixture.emulator.urlEndpoint)).toBe(true);
		}
	});

	it('gives width candidates for sizes, with custom breakpoints', async () => {
		const result = await fixture.run({
			resource: 'imageUrl',
			operation: 'getResponsiveAttributes',
			source: 'url',
			src: 'https://cdn.example.com/a.png',
			options: { sizes: '50vw', deviceBreakpoints: '1000, 500', imageBreakpoints: '100, 300' },
		});
		const base = 'https://cdn.example.com/a.png?tr=w-';
		expect(result.items[0].json).toEqual({
			src: `${base}1000,c-at_max`,
			srcSet: `${base}300,c-at_max 300w, ${base}500,c-at_max 500w, ${base}1000,c-at_max 1000w`,
			sizes: '50vw',
		});
	});

	it('names the field of a bad breakpoint list', async () => {
		const result = await fixture.run({
			resource: 'imageUrl',
			operation: 'getResponsiveAttributes',
			source: 'path',
			path: 'a.jpg',
			options: { deviceBreakpoints: '640, wide' },
		});
		expect(result.error?.message).toContain(
			`'Device Breakpoints' must be a list of widths in pixels (whole numbers above 0), e.g. [640, 1080, 1920], not [640,"wide"]`,
		);
	});
});
