import ImageKitSdk from '@imagekit/nodejs';

import {
	ImageKitInputError,
	ImageKitTransformationValueError,
} from '../../nodes/ImageKit/client/errors';
import type { Overlay, TransformationStep } from '../../nodes/ImageKit/client/transformations';
import { VALID_SAMPLE } from './transformationSamples';
import {
	buildTransformationString,
	checkedTransformationString,
	TRANSFORMATIONS,
} from '../../nodes/ImageKit/client/transformations';

const tr = (...steps: TransformationStep[]) => buildTransformationString(steps);

describe('TRANSFORMATIONS table', () => {
	it('has unique keys, and no alias shadows another entry', () => {
		const names = TRANSFORMATIONS.flatMap((spec) => [spec.key, ...(spec.aliases ?? [])]);
		expect(new Set(names).size).toBe(names.length);
	});

	// API.md §6.2.4, the current SDK's names.
	it.each([
		['width', 'w'],
		['height', 'h'],
		['aspectRatio', 'ar'],
		['background', 'bg'],
		['border', 'b'],
		['crop', 'c'],
		['cropMode', 'cm'],
		['dpr', 'dpr'],
		['focus', 'fo'],
		['quality', 'q'],
		['x', 'x'],
		['y', 'y'],
		['xCenter', 'xc'],
		['yCenter', 'yc'],
		['format', 'f'],
		['videoCodec', 'vc'],
		['audioCodec', 'ac'],
		['radius', 'r'],
		['rotation', 'rt'],
		['blur', 'bl'],
		['named', 'n'],
		['flip', 'fl'],
		['original', 'orig'],
		['startOffset', 'so'],
		['endOffset', 'eo'],
		['duration', 'du'],
		['aiChangeBackground', 'e-changebg'],
		['aiEdit', 'e-edit'],
		['colorReplace', 'cr'],
		['colorize', 'e-colorize'],
		['distort', 'e-distort'],
		['progressive', 'pr'],
		['lossless', 'lo'],
		['colorProfile', 'cp'],
		['metadata', 'md'],
		['opacity', 'o'],
		['zoom', 'z'],
		['page', 'pg'],
		['fontSize', 'fs'],
		['fontColor', 'co'],
		['innerAlignment', 'ia'],
		['padding', 'pa'],
		['alpha', 'al'],
		['typography', 'tg'],
		['lineHeight', 'lh'],
		['fontOutline', 'fol'],
		['fontShadow', 'fsh'],
		['color', 'co'],
	])('maps %s to %s', (key, code) => {
		const value = VALID_SAMPLE[key] ?? 'v';
		expect(tr({ [key]: value })).toBe(`${code}-${value}`);
	});

	it.each([
		['grayscale', 'e-grayscale'],
		['aiUpscale', 'e-upscale'],
		['aiRetouch', 'e-retouch'],
		['aiVariation', 'e-genvar'],
		['aiRemoveBackground', 'e-bgremove'],
		['aiRemoveBackgroundExternal', 'e-removedotbg'],
		['contrastStretch', 'e-contrast'],
	])('maps the flag %s to the bare %s', (key, code) => {
		expect(tr({ [key]: true })).toBe(code);
	});

	it.each([
		['sharpen', 'e-sharpen'],
		['shadow', 'e-shadow'],
		['gradient', 'e-gradient'],
		['unsharpMask', 'e-usm'],
		['aiDropShadow', 'e-dropshadow'],
	])('maps the optional-value effect %s to %s', (key, code) => {
		expect(tr({ [key]: true })).toBe(code);
		const value = VALID_SAMPLE[key] ?? 'x-1';
		expect(tr({ [key]: value })).toBe(`${code}-${value}`);
	});

	// API.md §6.1.5, Python 2.2.8 SUPPORTED_TRANS.
	it.each([
		['height', 'h'],
		['width', 'w'],
		['aspect_ratio', 'ar'],
		['quality', 'q'],
		['crop', 'c'],
		['crop_mode', 'cm'],
		['x', 'x'],
		['y', 'y'],
		['focus', 'fo'],
		['format', 'f'],
		['radius', 'r'],
		['background', 'bg'],
		['border', 'b'],
		['rotation', 'rt'],
		['blur', 'bl'],
		['named', 'n'],
		['overlay_image', 'oi'],
		['overlay_image_aspect_ratio', 'oiar'],
		['overlay_image_background', 'oibg'],
		['overlay_image_border', 'oib'],
		['overlay_image_dpr', 'oidpr'],
		['overlay_image_quality', 'oiq'],
		['overlay_image_cropping', 'oic'],
		['overlay_image_trim', 'oit'],
		['overlay_x', 'ox'],
		['overlay_y', 'oy'],
		['overlay_focus', 'ofo'],
		['overlay_height', 'oh'],
		['overlay_width', 'ow'],
		['overlay_text', 'ot'],
		['overlay_text_font_size', 'ots'],
		['overlay_text_font_family', 'otf'],
		['overlay_text_color', 'otc'],
		['overlay_text_transparency', 'oa'],
		['overlay_alpha', 'oa'],
		['overlay_text_typography', 'ott'],
		['overlay_background', 'obg'],
		['overlay_text_encoded', 'ote'],
		['overlay_text_width', 'otw'],
		['overlay_text_background', 'otbg'],
		['overlay_text_padding', 'otp'],
		['overlay_text_inner_alignment', 'otia'],
		['overlay_radius', 'or'],
		['progressive', 'pr'],
		['lossless', 'lo'],
		['trim', 't'],
		['metadata', 'md'],
		['color_profile', 'cp'],
		['default_image', 'di'],
		['dpr', 'dpr'],
		['effect_sharpen', 'e-sharpen'],
		['effect_usm', 'e-usm'],
		['effect_contrast', 'e-contrast'],
		['effect_gray', 'e-grayscale'],
		['original', 'orig'],
	])('maps the seed name %s to %s', (name, code) => {
		expect(tr({ [name]: '-' })).toBe(code);
	});

	// API.md §6.1.5, old Node camelCase names.
	it.each([
		['aspectRatio', 'ar'],
		['cropMode', 'cm'],
		['overlayImage', 'oi'],
		['overlayImageAspectRatio', 'oiar'],
		['overlayImageDPR', 'oidpr'],
		['overlayImageFocus', 'oifo'],
		['overlayTextFontSize', 'ots'],
		['overlayTextInnerAlignment', 'otia'],
		['overlayAlpha', 'oa'],
		['rotate', 'rt'],
		['colorProfile', 'cp'],
		['defaultImage', 'di'],
		['effectSharpen', 'e-sharpen'],
		['effectUSM', 'e-usm'],
		['effectContrast', 'e-contrast'],
		['effectGray', 'e-grayscale'],
		['effectShadow', 'e-shadow'],
		['effectGradient', 'e-gradient'],
	])('maps the old Node name %s to %s', (name, code) => {
		expect(tr({ [name]: '-' })).toBe(code);
	});

	it('keeps seed names on the entries of the current names, so one code has one rule', () => {
		const grayscale = TRANSFORMATIONS.find((spec) => spec.key === 'grayscale');
		expect(grayscale?.aliases).toEqual(expect.arrayContaining(['effectGray', 'effect_gray']));
		expect(tr({ grayscale: true }, { contrastStretch: 'true' })).toBe('e-grayscale:e-contrast');
	});

	// Seed test_generate_url_with_src and test_generate_url_with_all_params (Python 2.2.8): an
	// older name keeps its SDK's `code-value`, where the current name follows v7's flag rule.
	it.each<[TransformationStep, string]>([
		[{ effect_contrast: '1' }, 'e-contrast-1'],
		[{ effect_contrast: 'true' }, 'e-contrast-true'],
		[{ effect_gray: 'true' }, 'e-grayscale-true'],
		[{ effect_gray: true }, 'e-grayscale-true'],
		[{ effectContrast: true }, 'e-contrast-true'],
		[{ effect_sharpen: 10, effect_usm: '2-2-0.8-0.024' }, 'e-sharpen-10,e-usm-2-2-0.8-0.024'],
		[{ effect_sharpen: '-' }, 'e-sharpen'],
		[{ effect_gray: false }, 'e-grayscale-false'],
		[{ default_image: '//folder/file.jpg//' }, 'di-folder@@file.jpg'],
		[{ overlay_image: '/folder/file.jpg' }, 'oi-folder@@file.jpg'],
	])('writes the older name %j as its SDK did: %s', (step, expected) => {
		expect(tr(step)).toBe(expected);
	});

	it('marks the seed-only overlay codes as legacy', () => {
		const legacyCodes = TRANSFORMATIONS.filter((spec) => spec.hidden === 'legacyOverlay').map(
			(spec) => spec.code,
		);
		expect(legacyCodes).toEqual(
			expect.arrayContaining(['oi', 'ot', 'ox', 'oy', 'otc', 'oa', 'or']),
		);
		expect(legacyCodes.every((code) => code.startsWith('o'))).toBe(true);
	});
});

describe('buildTransformationString', () => {
	it('reproduces the examples of API.md §6.2.2', () => {
		expect(tr({ height: '300', width: '400' }, { rotation: 90 })).toBe('h-300,w-400:rt-90');
		expect(tr({ raw: 'rndm_trnsf-abcd' })).toBe('rndm_trnsf-abcd');
	});

	it('formats values by the rules of API.md §6.2.2 step 7', () => {
		expect(tr({ defaultImage: '/folder/file.jpg/' })).toBe('di-folder@@file.jpg');
		expect(tr({ fontFamily: 'sdk-testing-files/Poppins.ttf' })).toBe(
			'ff-sdk-testing-files@@Poppins.ttf',
		);
		expect(tr({ streamingResolutions: ['1440', '1080'] })).toBe('sr-1440_1080');
		expect(tr({ trim: '' }, { trim: true }, { trim: 5 })).toBe('t-true:t-true:t-5');
		expect(tr({ progressive: true, original: true, opacity: 0.8 })).toBe('pr-true,orig-true,o-0.8');
		expect(tr({ defaultImage: '' })).toBe('di-');
		expect(tr({ aspectRatio: '4:3' })).toBe('ar-4:3');
		expect(tr({ lossless: false })).toBe('lo-false');
	});

	it('applies the flag-only rule: true, "true" and "-" give the bare code, false and "false" nothing', () => {
		expect(tr({ grayscale: true, aiUpscale: 'true', aiRetouch: '-' })).toBe(
			'e-grayscale,e-upscale,e-retouch',
		);
		expect(tr({ grayscale: false, aiUpscale: 'false', width: 10 })).toBe('w-10');
	});

	it.each([['yes'], ['1'], [1], [''], [['true']]])(
		'refuses a switch set to %j rather than dropping it',
		(value) => {
			expect(() => tr({ contrastStretch: value as string })).toThrow(
				new ImageKitInputError(
					'transformation',
					`'transformation' has contrastStretch: ${JSON.stringify(value)}, but contrastStretch is a switch: give true or false`,
				),
			);
		},
	);

	it('refuses steps and lists it cannot read rather than dropping them', () => {
		expect(() => buildTransformationString('w-100' as unknown as TransformationStep[])).toThrow(
			/^'transformation' must be an array of steps/,
		);
		expect(() => tr('w-100' as unknown as TransformationStep)).toThrow(
			/^'transformation' step 1 is "w-100": give an object such as \{ width: 300 \}$/,
		);
	});

	it('applies the optional-value rule', () => {
		expect(tr({ sharpen: '' }, { sharpen: ' ' }, { sharpen: 'true' }, { sharpen: 10 })).toBe(
			'e-sharpen:e-sharpen:e-sharpen:e-sharpen-10',
		);
		expect(tr({ shadow: 'bl-15_st-40_x-10_y-N5', aiDropShadow: 'az-45' })).toBe(
			'e-shadow-bl-15_st-40_x-10_y-N5,e-dropshadow-az-45',
		);
		expect(tr({ unsharpMask: false, width: 1 })).toBe('w-1');
	});

	it('emits the bare code for "-" on any key, per the old rule', () => {
		expect(tr({ effectSharpen: '-' }, { progressive: '-' }, { fake_xxxx: '-' })).toBe(
			'e-sharpen:pr:fake_xxxx',
		);
	});

	it('takes raw codes with their rules, and passes unknown keys through verbatim', () => {
		expect(tr({ w: 300, h: 200 })).toBe('w-300,h-200');
		expect(tr({ 'e-grayscale': true, di: '/a/b.png' })).toBe('e-grayscale,di-a@@b.png');
		expect(tr({ fake_xxxx: 400 })).toBe('fake_xxxx-400');
		expect(tr({ WIDTH: 5 })).toBe('w-5');
	});

	it('keeps spaces and commas of values literal; the string is never URL-encoded as a whole', () => {
		expect(tr({ aiEdit: 'prompt-make it vintage' })).toBe('e-edit-prompt-make it vintage');
		expect(tr({ overlay_text: 'two words' })).toBe('ot-two words');
	});

	it('writes seed overlay paths like default images', () => {
		expect(tr({ overlayImage: '/logos/brand.png' })).toBe('oi-logos@@brand.png');
	});

	it('skips null and undefined values, empty steps and non-arrays', () => {
		expect(tr({ width: undefined, height: null, quality: 50 }, {}, { raw: '' })).toBe('q-50');
		expect(buildTransformationString(undefined)).toBe('');
		expect(buildTransformationString([null as unknown as TransformationStep, { blur: 3 }])).toBe(
			'bl-3',
		);
	});

	describe('overlays (API.md §6.2.3)', () => {
		it.each([
			['Every thing', 'i-Every%20thing'],
			["Let's use ©, ®, ™, etc", 'ie-TGV0J3MgdXNlIMKpLCDCriwg4oSiLCBldGM%3D'],
			['हिन्दी', 'ie-4KS54KS%2F4KSo4KWN4KSm4KWA'],
		])('encodes the text %j as %s', (text, token) => {
			expect(tr({ overlay: { type: 'text', text } })).toBe(`l-text,${token},l-end`);
		});

		it('honours an explicit text encoding', () => {
			expect(tr({ overlay: { type: 'text', text: 'a+b', encoding: 'plain' } })).toBe(
				'l-text,i-a%2Bb,l-end',
			);
			expect(tr({ overlay: { type: 'text', text: 'ab', encoding: 'base64' } })).toBe(
				'l-text,ie-YWI%3D,l-end',
			);
		});

		it.each([
			['/customer_logo/nykaa.png', 'i-customer_logo@@nykaa.png'],
			['/customer_logo/Ñykaa.png', 'ie-Y3VzdG9tZXJfbG9nby%2FDkXlrYWEucG5n'],
		])('encodes the input path %s as %s', (input, token) => {
			expect(tr({ overlay: { type: 'image', input } })).toBe(`l-image,${token},l-end`);
		});

		it('opens each layer type as ImageKit expects', () => {
			expect(tr({ overlay: { type: 'video', input: 'clip.mp4' } })).toBe(
				'l-video,i-clip.mp4,l-end',
			);
			expect(tr({ overlay: { type: 'subtitle', input: 'subs/en.srt' } })).toBe(
				'l-subtitles,i-subs@@en.srt,l-end',
			);
			expect(tr({ overlay: { type: 'solidColor', color: 'FF0000' } })).toBe(
				'l-image,i-ik_canvas,bg-FF0000,l-end',
			);
		});

		it.each<[Overlay, RegExp]>([
			[
				{ type: 'text' },
				/has a text overlay without its text: give it, e\.g\. \{ type: 'text', text: 'Sale' \}$/,
			],
			[{ type: 'image', input: '' }, /has a image overlay without its input/],
			[{ type: 'solidColor' }, /has a solidColor overlay without its color/],
			[
				{ type: 'sticker' as 'text', text: 'x' },
				/has an overlay of type "sticker": give one of text, image, video, subtitle, solidColor/,
			],
			[{} as Overlay, /has an overlay of type undefined/],
		])('refuses the layer %j rather than dropping it', (overlay, message) => {
			expect(() => tr({ width: 1, overlay })).toThrow(message);
			expect(() =>
				tr({ overlay: { type: 'image', input: 'a.png', transformation: [{ overlay }] } }),
			).toThrow(message);
		});

		it('writes layer mode, position, timing and nested steps in order, dropping zeros', () => {
			const overlay = tr({
				overlay: {
					type: 'image',
					input: 'logo.png',
					timing: { duration: 10, start: 5, end: 0 },
					position: { anchorPoint: 'top', focus: 'center', yCenter: 4, xCenter: 3, y: 0, x: 'N10' },
					layerMode: 'multiply',
					transformation: [{ width: 100 }, { rotation: 90 }],
				},
			});
			expect(overlay).toBe(
				'l-image,i-logo.png,lm-multiply,lx-N10,lxc-3,lyc-4,lfo-center,lap-top,lso-5,ldu-10,w-100:rt-90,l-end',
			);
		});

		it('reproduces the full text-overlay example of the SDK tests', () => {
			const steps: TransformationStep[] = [
				{
					overlay: {
						type: 'text',
						text: 'Every thing',
						position: { x: '10', y: '20', focus: 'center' },
						timing: { start: 5, end: 15, duration: '10' },
						transformation: [
							{
								width: 'bw_mul_0.5',
								fontSize: 20,
								fontFamily: 'Arial',
								fontColor: '0000ff',
								innerAlignment: 'left',
								padding: 5,
								alpha: 7,
								typography: 'b',
								background: 'red',
								radius: 10,
								rotation: 'N45',
								flip: 'h',
								lineHeight: 20,
							},
						],
					},
				},
				{
					overlay: {
						type: 'image',
						input: 'logo.png',
						transformation: [{ overlay: { type: 'text', text: 'Nested text overlay' } }],
					},
				},
			];
			expect(tr(...steps)).toBe(
				'l-text,i-Every%20thing,lx-10,ly-20,lfo-center,lso-5,leo-15,ldu-10,w-bw_mul_0.5,fs-20,ff-Arial,' +
					'co-0000ff,ia-left,pa-5,al-7,tg-b,bg-red,r-10,rt-N45,fl-h,lh-20,l-end' +
					':l-image,i-logo.png,l-text,i-Nested%20text%20overlay,l-end,l-end',
			);
		});
	});

	describe('agrees with the official SDK where the rules are the same', () => {
		const official = new ImageKitSdk({ privateKey: 'unused' });
		const cases: TransformationStep[][] = [
			[
				{ width: 300, height: 'ih_div_2', crop: 'at_max' },
				{ rotation: 90, format: 'webp' },
			],
			[{ grayscale: true, contrastStretch: 'false', aiUpscale: '-', sharpen: 5, shadow: '' }],
			[
				{
					defaultImage: '/a/b/c.png/',
					fontFamily: 'f/g.ttf',
					streamingResolutions: ['240', '720'],
					trim: '',
				},
			],
			[{ aspectRatio: '16-9', quality: 70, progressive: false, original: true, raw: 'x-1,y-2' }],
			[
				{
					colorize: 'co-red_in-40',
					distort: 'a-45',
					aiEdit: 'prompt-add snow',
					zoom: 0.5,
					page: '2',
				},
			],
			[{ overlay: { type: 'text', text: 'Héllo wörld', encoding: 'auto', layerMode: 'cutout' } }],
			[
				{
					overlay: {
						type: 'solidColor',
						color: 'FFAABB50',
						position: { x: 5, anchorPoint: 'center' },
					},
				},
			],
			[{ overlay: { type: 'subtitle', input: '/subs/en.srt', timing: { start: 2, duration: 3 } } }],
			[
				{
					overlay: {
						type: 'image',
						input: '/a b/c.png',
						transformation: [{ overlay: { type: 'text', text: 'z' } }],
					},
				},
			],
			[{ w: 10, 'e-grayscale': true, unknown_key: 'v', WIDTH: 4 }],
			[{ overlay: { type: 'video', input: '//clips/a.mp4/' } }, { defaultImage: '//x//' }],
		];
		it.each(cases.map((steps) => [JSON.stringify(steps), steps]))('%s', (_label, steps) => {
			expect(buildTransformationString(steps)).toBe(
				official.helper.buildTransformationString(steps as never),
			);
		});
	});
});

describe('value checks', () => {
	const refusal = (step: TransformationStep) => {
		try {
			tr(step);
		} catch (error) {
			return error as ImageKitTransformationValueError;
		}
		throw new Error(`${JSON.stringify(step)} was not refused`);
	};

	it('refuses a value ImageKit would refuse, naming the entry and what it takes', () => {
		expect(refusal({ width: 'wide' })).toMatchObject({
			field: 'transformation',
			transformation: 'width',
			code: 'w',
			value: 'wide',
			message:
				"'width' cannot be 'wide': give a number of pixels, a fraction of the original or an arithmetic expression, e.g. 300, 0.5 or ih_div_2",
		});
	});

	it('tells which step holds the value', () => {
		expect(() => tr({ width: 300 }, { rotation: 'left' })).toThrow(
			expect.objectContaining({ transformation: 'rotation', step: 2 }),
		);
	});

	// imagekit.io/docs/arithmetic-expressions-in-transformations and the v7 SDK's Transformation docs.
	it.each([
		['width', ['300', '0.5', '.5', 'iw_div_2', 'ih_mul_0.8_add_iw_mul_0.4', 'bw', 'cw_sub_10']],
		['height', ['ch_mod_5', 'bh_pow_1', 'iar_mul_100']],
		['aspectRatio', ['4-3', '4_3', '4:3', '1.5', 'iar_div_2']],
		['dpr', ['auto', '0.1', '5', '2.5']],
		['x', ['0', 'iw_div_4']],
		['border', ['5_FFF000', 'ih_div_20_FF00FF', 'ch_mod_5_yellow', '5-A94D34']],
		[
			'background',
			[
				'red',
				'F3F3F3',
				'AAFF0010',
				'dominant',
				'gradient_dominant_4',
				'blurred_25_N15',
				'genfill',
				'genfill:-prompt-snow road',
			],
		],
		['radius', ['20', 'max', '10_20_30_40']],
		['rotation', ['90', 'N40', 'auto', '22.5']],
		['startOffset', ['2.5', 'idu_div_2']],
		['page', ['2', '3-4', 'name-layer-4']],
		['focus', ['center', 'top_left', 'face', 'person', 'custom']],
		['colorReplace', ['FF0000', 'red_35', 'FF0000_35_00FF00']],
		['colorize', ['co-red', 'in-40', 'co-FF0022_in-100']],
		['distort', ['a-30', 'a-N30', 'p-10_10_300_20_310_300_5_290']],
		['aiEdit', ['prompt-snow road', 'prompte-c25vdw%3D%3D']],
		['quality', ['1', '100', 80]],
		['opacity', ['0', '100']],
		['trim', ['5', true, '']],
		['crop', ['at_max']],
		['streamingResolutions', [['360', '720'], '1080']],
		['sharpen', ['10', true, '']],
		['shadow', ['bl-15_st-40_x-10_y-N5']],
	])('takes what ImageKit documents for %s', (key, values) => {
		for (const value of values) expect(() => tr({ [key]: value })).not.toThrow();
	});

	it.each([
		['width', ['wide', '-5', '300px', '30%', 'iw_half', 'iw_div_', '300,h-200']],
		['aspectRatio', ['four-three', '4x3']],
		['dpr', ['6', '0', 'retina']],
		['quality', ['0', '101', 'high', 80.5 + 20]],
		['opacity', ['-1', '101']],
		['blur', ['0', '101']],
		['trim', ['0', '100', 'yes']],
		['border', ['5', 'thick_red']],
		['radius', ['round', '10_20']],
		['rotation', ['left', '-90']],
		['crop', ['fit']],
		['format', ['tiff']],
		['streamingResolutions', [['360', '4k']]],
		['aiEdit', ['make it snow']],
		['sharpen', ['strong']],
		['page', ['first']],
		['progressive', ['yes']],
	])('refuses values ImageKit does not take for %s', (key, values) => {
		for (const value of values)
			expect(refusal({ [key]: value })).toMatchObject({ transformation: key });
	});

	it('takes numbers in range as they are and refuses the others', () => {
		expect(tr({ width: 0.5, height: 300, quality: 100, dpr: 0.1, rotation: 22.5 })).toBe(
			'w-0.5,h-300,q-100,dpr-0.1,rt-22.5',
		);
		for (const step of [
			{ width: -5 },
			{ width: Number.NaN },
			{ width: Number.POSITIVE_INFINITY },
			{ width: 1e21 },
			{ quality: 0 },
			{ quality: 101 },
			{ dpr: 6 },
			{ opacity: -1 },
		]) {
			expect(() => tr(step)).toThrow(ImageKitTransformationValueError);
		}
	});

	it('leaves the seed names to the seed’s rule, and Raw Transformation unchecked', () => {
		expect(tr({ effect_sharpen: 'strong', rotate: 'left', raw: 'w-wide' })).toBe(
			'e-sharpen-strong,rt-left,w-wide',
		);
	});

	it('checks layer placement and timing', () => {
		const layer = (position: Record<string, string>) =>
			tr({ overlay: { type: 'text', text: 'Hi', position } });
		expect(layer({ x: 'N10', y: 'bh_mul_0.1', focus: 'top_left' })).toBe(
			'l-text,i-Hi,lx-N10,ly-bh_mul_0.1,lfo-top_left,l-end',
		);
		expect(() => layer({ x: '-10' })).toThrow(
			expect.objectContaining({ transformation: 'x', code: 'lx', value: '-10', step: 1 }),
		);
		expect(() => layer({ anchorPoint: 'middle' })).toThrow(
			expect.objectContaining({ transformation: 'anchorPoint' }),
		);
		expect(() =>
			tr({ overlay: { type: 'video', input: 'a.mp4', timing: { start: 'soon' } } }),
		).toThrow(expect.objectContaining({ transformation: 'start', code: 'lso' }));
	});

	it('checks raw codes like their names', () => {
		expect(refusal({ w: 'wide' })).toMatchObject({ transformation: 'width', code: 'w' });
	});
});

describe('checkedTransformationString', () => {
	it('returns a chain ImageKit takes unchanged, colons inside values included', () => {
		const chain =
			'w-300,h-ih_div_2,ar-4:3,bg-genfill:-prompt-snow road,e-grayscale,e-sharpen,e-sharpen-10,t-true,orig-true:rt-N40:' +
			'l-text,i-Sale,lx-10,ly-N5,lfo-center,fs-32,co-FFFFFF,l-end:l-image,i-logo.png,w-bw_mul_0.2,l-end';
		expect(checkedTransformationString(chain)).toBe(chain);
	});

	it('refuses a value by the table’s rule', () => {
		expect(() => checkedTransformationString('w-300,c-fit')).toThrow(
			expect.objectContaining({ transformation: 'crop', code: 'c', value: 'fit' }),
		);
		expect(() => checkedTransformationString('w')).toThrow(
			expect.objectContaining({ transformation: 'width', value: '' }),
		);
	});

	it('refuses what is no ImageKit transformation, and empty parts', () => {
		expect(() => checkedTransformationString('width-300')).toThrow(
			`'transformation' has "width-300", which is not an ImageKit transformation`,
		);
		expect(() => checkedTransformationString('w-300,,h-300')).toThrow(/has ""/);
		expect(() => checkedTransformationString('w-300::h-300')).toThrow(ImageKitInputError);
	});
});
