// The one table of URL transformations (API.md §6.1.5, §6.2.4) and the string builder that reads it.
// The n8n UI fields are generated from the same table (helpers/transformationFields.ts).
import { ImageKitInputError, ImageKitTransformationValueError } from './errors';

/**
 * How a value turns into URL text, and which UI field edits it:
 * - `text`, `number`, `options`, `boolean`: `code-value` (`boolean` prints `true`/`false`);
 * - `flag`: the bare code for `true`/`"true"`, nothing otherwise;
 * - `optionalValue`: the bare code for `true`/`"true"`/empty, else `code-value`, nothing for `false`;
 * - `path`: one leading and one trailing `/` removed, inner `/` written as `@@`;
 * - `list`: an array joined with `_`;
 * - `trim`: `true` when the value is empty;
 * - `raw`: the value verbatim, as a whole transformation.
 * For every type but `raw`, the value `-` emits the bare code (the seed SDKs' rule).
 * Under an alias (an older SDK's name) a value follows that SDK's one rule instead: `code-value`, the
 * bare code for `-`, and paths with every outer `/` removed (Python 2.2.8 `transformation_to_str`).
 */
export type TransformationValueType =
	| 'text'
	| 'number'
	| 'options'
	| 'boolean'
	| 'flag'
	| 'optionalValue'
	| 'path'
	| 'list'
	| 'trim'
	| 'raw';

interface SpecCommon {
	/** The current SDK's camelCase option name; also the n8n field name. */
	key: string;
	/** What the URL carries, e.g. `w` or `e-grayscale`. */
	code: string;
	/** Older names for the same code: the seed's snake_case and old Node camelCase names. */
	aliases?: readonly string[];
	/** What ImageKit takes, for kinds that do not say it themselves (number, options, list, …). */
	rule?: ValueRule;
	hidden?: undefined;
}

export type TransformationSpec =
	| (SpecCommon & { type: Exclude<TransformationValueType, 'number' | 'options' | 'list'> })
	| (SpecCommon & { type: 'number'; min: number; max: number })
	/** `values` are what the URL may carry; the first one is the UI default. */
	| (SpecCommon & { type: 'options' | 'list'; values: readonly string[] })
	// Hidden from the UI: `legacyOverlay` codes (oi, ot, …) are the seed's flat overlays, superseded by layers.
	// `layerOnly` parameters mean something only inside a layer, whose transformation the UI takes as text.
	| (Omit<SpecCommon, 'hidden'> & { type: 'text' | 'path'; hidden: 'legacyOverlay' | 'layerOnly' });

/** What ImageKit takes for a value: a test, and words that say so with examples ("give …, e.g. …"). */
export interface ValueRule {
	accepts(text: string): boolean;
	expected: string;
	/** JavaScript numbers in this range are taken as they are, without reading their text. */
	numbers?: { min: number; max: number };
}

/** Numbers any size or offset may be; the bound keeps String() from writing 1e+21. */
const ANY_NUMBER = { min: 0, max: 1e12 };

const rule = (pattern: RegExp, expected: string, numbers?: ValueRule['numbers']): ValueRule => ({
	accepts: (text) => pattern.test(text),
	expected,
	numbers,
});

// Arithmetic expressions (imagekit.io/docs/arithmetic-expressions-in-transformations): `{value}_{operator}_{value}`
// chained, each value a positive number or a variable of the initial (i), current (c) or base (b)
// asset: width, height, aspect ratio, duration (iw, ch_mul_0.5, bar, idu_div_2…).
const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)`;
const TERM = `(?:[icb](?:w|h|ar|du)|${NUMBER})`;
const EXPRESSION = `${TERM}(?:_(?:add|sub|mul|div|mod|pow)_${TERM})*`;
// RGB or RGBA hex, or a colour name (docs: effects-and-enhancements, solid colour background).
const COLOR = '(?:[0-9A-Fa-f]{6}(?:[0-9A-Fa-f]{2})?|[A-Za-z]+)';
const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);
const NUMBER_ONLY = whole(NUMBER);

function numberFrom(min: number, max: number, text: string): boolean {
	return NUMBER_ONLY.test(text) && Number(text) >= min && Number(text) <= max;
}

// The value rules, by ImageKit's docs for each parameter and the v7 SDK's `Transformation` type
// (@imagekit/nodejs resources/shared.d.ts). Where the docs leave a value open (object names, prompts,
// colour names), the rule keeps it open: a rule must never refuse what ImageKit takes.
const SIZE = rule(
	whole(EXPRESSION),
	'a number of pixels, a fraction of the original or an arithmetic expression, e.g. 300, 0.5 or ih_div_2',
	ANY_NUMBER,
);
const POSITION = rule(
	whole(EXPRESSION),
	'a number of pixels or an arithmetic expression, e.g. 40 or iw_div_4',
	ANY_NUMBER,
);
const SECONDS = rule(
	whole(EXPRESSION),
	'seconds or an arithmetic expression, e.g. 2.5 or idu_div_2',
	ANY_NUMBER,
);
const DPR: ValueRule = {
	accepts: (text) =>
		text === 'auto' ||
		numberFrom(0.1, 5, text) ||
		(!NUMBER_ONLY.test(text) && whole(EXPRESSION).test(text)),
	expected: 'a number from 0.1 to 5 or auto, e.g. 2',
	numbers: { min: 0.1, max: 5 },
};
const TRIM: ValueRule = {
	accepts: (text) => text === 'true' || numberFrom(1, 99, text),
	expected: 'nothing or a threshold from 1 to 99, e.g. 10',
};
const SWITCH = rule(/^(?:true|false)$/, 'true or false, e.g. true');
/** Effect settings written as `name-value` pairs joined by `_`, e.g. bl-15_st-40_x-10_y-N5. */
const EFFECT_SETTINGS = /^[A-Za-z0-9._-]+$/;
const PROMPT = rule(
	/^prompte?-./,
	'prompt- and a text, or prompte- and URL-encoded base64 text, e.g. prompt-snow road',
);

const legacyOverlay = <Key extends string>(
	key: Key,
	code: string,
	aliases: readonly string[],
	type: 'text' | 'path' = 'text',
) => ({ key, code, aliases, type, hidden: 'legacyOverlay' }) as const;

const layerOnly = <Key extends string>(key: Key, code: string, type: 'text' | 'path' = 'text') =>
	({ key, code, type, hidden: 'layerOnly' }) as const;

const TABLE = [
	{ key: 'width', code: 'w', type: 'text', rule: SIZE },
	{ key: 'height', code: 'h', type: 'text', rule: SIZE },
	{
		key: 'aspectRatio',
		code: 'ar',
		aliases: ['aspect_ratio'],
		type: 'text',
		rule: rule(
			whole(`${NUMBER}[-_:]${NUMBER}|${EXPRESSION}`),
			'a ratio or an arithmetic expression, e.g. 4-3, 16_9 or iar_div_2',
		),
	},
	{
		key: 'background',
		code: 'bg',
		type: 'text',
		rule: rule(
			whole(`${COLOR}|gradient_dominant(?:_[24])?|blurred(?:_N?\\d+)*|genfill(?::-prompte?-.+)?`),
			'a colour, dominant, gradient_dominant, blurred or genfill, e.g. FF0000, AAFF0010 or red',
		),
	},
	{
		key: 'border',
		code: 'b',
		type: 'text',
		rule: rule(
			// The seed SDK's suite writes 5-A94D34; ImageKit's docs write 5_FFF000.
			whole(`(?:${EXPRESSION})[_-]${COLOR}`),
			'a width and a colour, e.g. 5_FFF000 or ih_div_20_FF00FF',
		),
	},
	{
		key: 'crop',
		code: 'c',
		type: 'options',
		values: [
			'maintain_ratio',
			'maintain_ratio_no_enlarge',
			'force',
			'at_max',
			'at_max_enlarge',
			'at_least',
		],
	},
	{
		key: 'cropMode',
		code: 'cm',
		aliases: ['crop_mode'],
		type: 'options',
		values: [
			'pad_resize',
			'pad_resize_no_enlarge',
			'extract',
			'pad_extract',
			'pad_extract_no_shrink',
		],
	},
	{ key: 'dpr', code: 'dpr', type: 'text', rule: DPR },
	{
		key: 'focus',
		code: 'fo',
		type: 'text',
		rule: rule(
			/^[A-Za-z][A-Za-z0-9_]*$/,
			'a place, auto, face, custom or an object name, e.g. center, top_left or person',
		),
	},
	{ key: 'quality', code: 'q', type: 'number', min: 1, max: 100 },
	{ key: 'x', code: 'x', type: 'text', rule: POSITION },
	{ key: 'y', code: 'y', type: 'text', rule: POSITION },
	{ key: 'xCenter', code: 'xc', type: 'text', rule: POSITION },
	{ key: 'yCenter', code: 'yc', type: 'text', rule: POSITION },
	{
		key: 'format',
		code: 'f',
		type: 'options',
		values: ['auto', 'avif', 'gif', 'jpg', 'jpeg', 'mp4', 'orig', 'png', 'svg', 'webm', 'webp'],
	},
	{ key: 'videoCodec', code: 'vc', type: 'options', values: ['h264', 'vp9', 'av1', 'none'] },
	{ key: 'audioCodec', code: 'ac', type: 'options', values: ['aac', 'opus', 'none'] },
	{
		key: 'radius',
		code: 'r',
		type: 'text',
		rule: rule(
			whole(`max|${EXPRESSION}|${NUMBER}(?:_${NUMBER}){3}`),
			'a number of pixels, max for a circle, or four corners, e.g. 20, max or 10_20_30_40',
		),
	},
	{
		key: 'rotation',
		code: 'rt',
		aliases: ['rotate'],
		type: 'text',
		rule: rule(
			whole(`auto|N?${NUMBER}`),
			'degrees clockwise, N and degrees counter-clockwise, or auto, e.g. 90 or N40',
			ANY_NUMBER,
		),
	},
	{ key: 'blur', code: 'bl', type: 'number', min: 1, max: 100 },
	{
		key: 'named',
		code: 'n',
		type: 'text',
		rule: rule(
			/^[^,:]+$/,
			'the name of a named transformation without commas or colons, e.g. product_thumbnail',
		),
	},
	{ key: 'defaultImage', code: 'di', aliases: ['default_image'], type: 'path' },
	{ key: 'flip', code: 'fl', type: 'options', values: ['h', 'v', 'h_v', 'v_h'] },
	{ key: 'original', code: 'orig', type: 'boolean', rule: SWITCH },
	{ key: 'startOffset', code: 'so', type: 'text', rule: SECONDS },
	{ key: 'endOffset', code: 'eo', type: 'text', rule: SECONDS },
	{ key: 'duration', code: 'du', type: 'text', rule: SECONDS },
	{
		key: 'streamingResolutions',
		code: 'sr',
		type: 'list',
		values: ['240', '360', '480', '720', '1080', '1440', '2160'],
	},
	{ key: 'grayscale', code: 'e-grayscale', aliases: ['effectGray', 'effect_gray'], type: 'flag' },
	{ key: 'aiUpscale', code: 'e-upscale', type: 'flag' },
	{ key: 'aiRetouch', code: 'e-retouch', type: 'flag' },
	{ key: 'aiVariation', code: 'e-genvar', type: 'flag' },
	{
		key: 'aiDropShadow',
		code: 'e-dropshadow',
		type: 'optionalValue',
		rule: rule(EFFECT_SETTINGS, 'nothing for the default, or settings, e.g. az-45'),
	},
	{ key: 'aiChangeBackground', code: 'e-changebg', type: 'text', rule: PROMPT },
	{ key: 'aiRemoveBackground', code: 'e-bgremove', type: 'flag' },
	{ key: 'aiRemoveBackgroundExternal', code: 'e-removedotbg', type: 'flag' },
	{ key: 'aiEdit', code: 'e-edit', type: 'text', rule: PROMPT },
	{
		key: 'contrastStretch',
		code: 'e-contrast',
		aliases: ['effectContrast', 'effect_contrast'],
		type: 'flag',
	},
	{
		key: 'shadow',
		code: 'e-shadow',
		aliases: ['effectShadow'],
		type: 'optionalValue',
		rule: rule(EFFECT_SETTINGS, 'nothing for the default, or settings, e.g. bl-15_st-40_x-10_y-N5'),
	},
	{
		key: 'sharpen',
		code: 'e-sharpen',
		aliases: ['effectSharpen', 'effect_sharpen'],
		type: 'optionalValue',
		rule: rule(NUMBER_ONLY, 'nothing for the default, or a strength, e.g. 10'),
	},
	{
		key: 'unsharpMask',
		code: 'e-usm',
		aliases: ['effectUSM', 'effect_usm'],
		type: 'optionalValue',
		rule: rule(
			whole(`${NUMBER}(?:-${NUMBER}){3}`),
			'nothing for the default, or radius-sigma-amount-threshold, e.g. 2-2-0.8-0.024',
		),
	},
	{
		key: 'gradient',
		code: 'e-gradient',
		aliases: ['effectGradient'],
		type: 'optionalValue',
		rule: rule(
			EFFECT_SETTINGS,
			'nothing for the default, or settings, e.g. ld-top_from-green_to-00FF0010_sp-1',
		),
	},
	{
		key: 'colorReplace',
		code: 'cr',
		type: 'text',
		rule: rule(
			whole(`${COLOR}(?:_\\d{1,3}(?:_${COLOR})?)?`),
			'a colour, optionally with a tolerance and the colour to replace, e.g. FF0000_35_00FF00',
		),
	},
	{
		key: 'colorize',
		code: 'e-colorize',
		type: 'text',
		rule: rule(
			whole(`(?:co-${COLOR}|in-\\d{1,3})(?:_(?:co-${COLOR}|in-\\d{1,3}))?`),
			'a colour and an intensity, e.g. co-red_in-40',
		),
	},
	{
		key: 'distort',
		code: 'e-distort',
		type: 'text',
		rule: rule(
			whole(`p-N?${NUMBER}(?:_N?${NUMBER}){7}|a-[N-]?${NUMBER}`),
			'p- and four corners, or a- and degrees, e.g. p-10_10_300_20_310_300_5_290 or a-30',
		),
	},
	{ key: 'progressive', code: 'pr', type: 'boolean', rule: SWITCH },
	{ key: 'lossless', code: 'lo', type: 'boolean', rule: SWITCH },
	{ key: 'colorProfile', code: 'cp', aliases: ['color_profile'], type: 'boolean', rule: SWITCH },
	{ key: 'metadata', code: 'md', type: 'boolean', rule: SWITCH },
	{ key: 'opacity', code: 'o', type: 'number', min: 0, max: 100 },
	{ key: 'trim', code: 't', type: 'trim', rule: TRIM },
	{ key: 'zoom', code: 'z', type: 'text', rule: rule(NUMBER_ONLY, 'a number, e.g. 0.5 or 2') },
	{
		key: 'page',
		code: 'pg',
		type: 'text',
		rule: rule(
			/^(?:\d+(?:-\d+)?|name-[^,:]+)$/,
			'a page, a range or a layer name, e.g. 2, 3-4 or name-layer-4',
		),
	},
	layerOnly('fontSize', 'fs'),
	layerOnly('fontFamily', 'ff', 'path'),
	layerOnly('fontColor', 'co'),
	layerOnly('innerAlignment', 'ia'),
	layerOnly('padding', 'pa'),
	layerOnly('alpha', 'al'),
	layerOnly('typography', 'tg'),
	layerOnly('lineHeight', 'lh'),
	layerOnly('fontOutline', 'fol'),
	layerOnly('fontShadow', 'fsh'),
	layerOnly('color', 'co'),
	{ key: 'raw', code: 'raw', type: 'raw' },
	legacyOverlay('overlayImage', 'oi', ['overlay_image'], 'path'),
	legacyOverlay('overlayImageAspectRatio', 'oiar', ['overlay_image_aspect_ratio']),
	legacyOverlay('overlayImageBackground', 'oibg', ['overlay_image_background']),
	legacyOverlay('overlayImageBorder', 'oib', ['overlay_image_border']),
	legacyOverlay('overlayImageDPR', 'oidpr', ['overlay_image_dpr']),
	legacyOverlay('overlayImageQuality', 'oiq', ['overlay_image_quality']),
	legacyOverlay('overlayImageCropping', 'oic', ['overlay_image_cropping']),
	legacyOverlay('overlayImageTrim', 'oit', ['overlay_image_trim']),
	legacyOverlay('overlayImageFocus', 'oifo', []),
	legacyOverlay('overlayX', 'ox', ['overlay_x']),
	legacyOverlay('overlayY', 'oy', ['overlay_y']),
	legacyOverlay('overlayFocus', 'ofo', ['overlay_focus']),
	legacyOverlay('overlayHeight', 'oh', ['overlay_height']),
	legacyOverlay('overlayWidth', 'ow', ['overlay_width']),
	legacyOverlay('overlayText', 'ot', ['overlay_text']),
	legacyOverlay('overlayTextFontSize', 'ots', ['overlay_text_font_size']),
	legacyOverlay('overlayTextFontFamily', 'otf', ['overlay_text_font_family']),
	legacyOverlay('overlayTextColor', 'otc', ['overlay_text_color']),
	legacyOverlay('overlayTextTransparency', 'oa', ['overlay_text_transparency']),
	legacyOverlay('overlayAlpha', 'oa', ['overlay_alpha']),
	legacyOverlay('overlayTextTypography', 'ott', ['overlay_text_typography']),
	legacyOverlay('overlayBackground', 'obg', ['overlay_background']),
	legacyOverlay('overlayTextEncoded', 'ote', ['overlay_text_encoded']),
	legacyOverlay('overlayTextWidth', 'otw', ['overlay_text_width']),
	legacyOverlay('overlayTextBackground', 'otbg', ['overlay_text_background']),
	legacyOverlay('overlayTextPadding', 'otp', ['overlay_text_padding']),
	legacyOverlay('overlayTextInnerAlignment', 'otia', ['overlay_text_inner_alignment']),
	legacyOverlay('overlayRadius', 'or', ['overlay_radius']),
] as const satisfies readonly TransformationSpec[];

export const TRANSFORMATIONS: readonly TransformationSpec[] = TABLE;
/** Every name of the table. */
export type TransformationName = (typeof TABLE)[number]['key'];
/** The entries the node shows as fields; it keeps a label and description for each. */
export type ShownTransformation = Exclude<(typeof TABLE)[number], { hidden: string }>;

/** The rule of an entry: its own, or the one its kind implies. */
function ruleOf(spec: TransformationSpec): ValueRule | undefined {
	switch (spec.type) {
		case 'number':
			return {
				accepts: (text) => numberFrom(spec.min, spec.max, text),
				numbers: spec,
				expected: `a number from ${spec.min} to ${spec.max}, e.g. ${Math.round((spec.min + spec.max) / 2)}`,
			};
		case 'options': {
			const values = new Set(spec.values);
			return {
				accepts: (text) => values.has(text),
				expected: `one of ${spec.values.join(', ')}, e.g. ${spec.values[0]}`,
			};
		}
		case 'list':
			return {
				accepts: (text) => text.split('_').every((part) => spec.values.includes(part)),
				expected: `some of ${spec.values.join(', ')} joined by _, e.g. ${spec.values[0]}_${spec.values[1]}`,
			};
		default:
			return spec.rule;
	}
}

/** A name a step may use, whether it is an older SDK's name read by that SDK's rule, and its value rule. */
interface NamedSpec {
	spec: TransformationSpec;
	olderName: boolean;
	rule?: ValueRule;
}

/** Key, alias and code → spec. Names win over codes; codes let raw `{ w: 300 }` get the same value rules. */
const SPEC_BY_NAME = new Map<string, NamedSpec>();
for (const spec of TRANSFORMATIONS) {
	const rule = ruleOf(spec);
	SPEC_BY_NAME.set(spec.key, { spec, olderName: false, rule });
	for (const alias of spec.aliases ?? []) SPEC_BY_NAME.set(alias, { spec, olderName: true });
}
for (const spec of TRANSFORMATIONS) {
	if (!SPEC_BY_NAME.has(spec.code)) SPEC_BY_NAME.set(spec.code, SPEC_BY_NAME.get(spec.key)!);
}

/** The value's text when ImageKit takes it, by the entry's rule. */
function checked(named: NamedSpec, value: unknown, step?: number): string {
	return named.rule ? checkedBy(named.rule, named.spec, value, step) : String(value);
}

/** The value's text when the rule takes it; an error naming the entry and what it takes otherwise. */
function checkedBy(
	rule: ValueRule,
	entry: { key: string; code: string },
	value: unknown,
	step: number | undefined,
): string {
	const numbers = rule.numbers;
	// A number in range needs no text check: the common case, kept quick.
	if (typeof value === 'number' && numbers && value >= numbers.min && value <= numbers.max) {
		return String(value);
	}
	const text = String(value);
	if (!rule.accepts(text)) {
		const error = new ImageKitTransformationValueError(entry.key, entry.code, text, rule.expected);
		error.step = step;
		throw error;
	}
	return text;
}

/** Layer kinds (API.md §6.2.3); `source` names the overlay field the layer cannot do without. */
export const LAYER_TYPES = [
	{ type: 'text', opening: 'l-text', source: 'text' },
	{ type: 'image', opening: 'l-image', source: 'input' },
	{ type: 'video', opening: 'l-video', source: 'input' },
	{ type: 'subtitle', opening: 'l-subtitles', source: 'input' },
	{ type: 'solidColor', opening: 'l-image,i-ik_canvas', source: 'color' },
] as const;

export type LayerType = (typeof LAYER_TYPES)[number]['type'];
type LayerTypeSpec = (typeof LAYER_TYPES)[number];
const LAYER_TYPE_BY_NAME = new Map<string, LayerTypeSpec>(
	LAYER_TYPES.map((layer) => [layer.type, layer]),
);

/** Focus and anchor points share one set of places on the base (API.md §6.2.3). */
export const LAYER_PLACES = [
	'center',
	'top',
	'bottom',
	'left',
	'right',
	'top_left',
	'top_right',
	'bottom_left',
	'bottom_right',
] as const;

interface LayerFieldSpec {
	key: string;
	code: string;
	values?: readonly string[];
	rule: ValueRule;
}

/** Layer placement, in the order the URL carries it; N before a number makes it negative. */
const LAYER_OFFSET = rule(
	whole(`N?(?:${EXPRESSION})`),
	'a number of pixels, N and a number for a negative one, or an arithmetic expression, e.g. 10, N10 or bw_mul_0.9',
	ANY_NUMBER,
);
const LAYER_PLACE = rule(
	whole(LAYER_PLACES.join('|')),
	`one of ${LAYER_PLACES.join(', ')}, e.g. center`,
);
export const LAYER_POSITION = [
	{ key: 'x', code: 'lx', rule: LAYER_OFFSET },
	{ key: 'y', code: 'ly', rule: LAYER_OFFSET },
	{ key: 'xCenter', code: 'lxc', rule: LAYER_OFFSET },
	{ key: 'yCenter', code: 'lyc', rule: LAYER_OFFSET },
	{ key: 'focus', code: 'lfo', values: LAYER_PLACES, rule: LAYER_PLACE },
	{ key: 'anchorPoint', code: 'lap', values: LAYER_PLACES, rule: LAYER_PLACE },
] as const satisfies readonly LayerFieldSpec[];

/** When a layer shows on a video base, in the order the URL carries it. */
const LAYER_SECONDS = rule(
	whole(EXPRESSION),
	'seconds or an arithmetic expression, e.g. 5 or bdu_div_2',
	ANY_NUMBER,
);
export const LAYER_TIMING = [
	{ key: 'start', code: 'lso', rule: LAYER_SECONDS },
	{ key: 'end', code: 'leo', rule: LAYER_SECONDS },
	{ key: 'duration', code: 'ldu', rule: LAYER_SECONDS },
] as const satisfies readonly LayerFieldSpec[];

/** How the layer input is written: `auto` picks plain for simple text and base64 otherwise. */
export const LAYER_ENCODINGS = ['auto', 'plain', 'base64'] as const;
export const LAYER_MODES = ['multiply', 'cutter', 'cutout', 'displace'] as const;

export type LayerEncoding = (typeof LAYER_ENCODINGS)[number];
export type LayerMode = (typeof LAYER_MODES)[number];
export type LayerPlacementName =
	(typeof LAYER_POSITION)[number]['key'] | (typeof LAYER_TIMING)[number]['key'];
export type OverlayPosition = { [K in (typeof LAYER_POSITION)[number]['key']]?: string | number };
export type OverlayTiming = { [K in (typeof LAYER_TIMING)[number]['key']]?: string | number };

export interface Overlay {
	type: LayerType;
	/** The text of a text layer. */
	text?: string;
	/** Media library path of an image, video or subtitle layer. */
	input?: string;
	/** Colour of a solid-colour layer: FF0000, FFAABB50 or a colour name. */
	color?: string;
	encoding?: LayerEncoding;
	layerMode?: LayerMode;
	position?: OverlayPosition;
	timing?: OverlayTiming;
	/** Transformations of the layer itself; they may hold layers too. */
	transformation?: TransformationStep[];
}

export type TransformationValue =
	string | number | boolean | ReadonlyArray<string | number> | Overlay | null | undefined;

/** One step: its transformations are applied together. Keys are table names, aliases or raw codes. */
export interface TransformationStep {
	overlay?: Overlay;
	[key: string]: TransformationValue;
}

const PLAIN_TEXT = /^[a-zA-Z0-9-._ ]*$/;
const PLAIN_PATH = /^[a-zA-Z0-9-._/ ]*$/;

function base64Token(text: string): string {
	return 'ie-' + encodeURIComponent(Buffer.from(text, 'utf8').toString('base64'));
}

function trimOneSlash(path: string): string {
	const start = path.charCodeAt(0) === 47 ? 1 : 0;
	const end =
		path.length > start && path.charCodeAt(path.length - 1) === 47 ? path.length - 1 : path.length;
	return path.slice(start, end);
}

function slashesAsAt(path: string): string {
	return path.split('/').join('@@');
}

/** A media library path inside a transformation: one outer slash each side removed, inner ones as `@@`. */
function pathToken(path: string): string {
	return slashesAsAt(trimOneSlash(path));
}

function layerSourceToken(
	layer: LayerTypeSpec,
	value: string,
	encoding: LayerEncoding | undefined,
): string {
	if (layer.source === 'color') return 'bg-' + value;
	if (layer.source === 'text') {
		const plain = encoding === 'plain' || (encoding !== 'base64' && PLAIN_TEXT.test(value));
		return plain ? 'i-' + encodeURIComponent(value) : base64Token(value);
	}
	const path = trimOneSlash(value);
	const plain = encoding === 'plain' || (encoding !== 'base64' && PLAIN_PATH.test(path));
	return plain ? 'i-' + slashesAsAt(path) : base64Token(path);
}

/** `,code-value` for each set field, in table order; zero is dropped like any falsy value, as in ImageKit's SDKs. */
function placementTokens(
	values: Readonly<Record<string, string | number | undefined>> | undefined,
	fields: readonly LayerFieldSpec[],
	step: number,
): string {
	let tokens = '';
	if (!values) return tokens;
	for (const field of fields) {
		const value = values[field.key];
		if (value) tokens += ',' + field.code + '-' + checkedBy(field.rule, field, value, step);
	}
	return tokens;
}

function transformationError(problem: string): ImageKitInputError {
	return new ImageKitInputError('transformation', `'transformation' ${problem}`);
}

const EXAMPLE_LAYER_SOURCE: Record<LayerTypeSpec['source'], string> = {
	text: 'Sale',
	input: '/logos/brand.png',
	color: 'FF0000',
};
const LAYER_TYPE_NAMES = LAYER_TYPES.map((layer) => layer.type).join(', ');

/** The layer segment `l-…,l-end`; a layer without a known type or its source is an error, never dropped. */
function layerString(overlay: Overlay, step: number): string {
	const layer = LAYER_TYPE_BY_NAME.get(overlay.type);
	if (!layer) {
		throw transformationError(
			`has an overlay of type ${JSON.stringify(overlay.type)}: give one of ${LAYER_TYPE_NAMES}, e.g. { type: 'text', text: 'Sale' }`,
		);
	}
	const source = overlay[layer.source];
	if (source === undefined || source === null || source === '') {
		throw transformationError(
			`has a ${layer.type} overlay without its ${layer.source}: give it, e.g. { type: '${layer.type}', ${layer.source}: '${EXAMPLE_LAYER_SOURCE[layer.source]}' }`,
		);
	}
	let segment = layer.opening + ',' + layerSourceToken(layer, String(source), overlay.encoding);
	if (overlay.layerMode) segment += ',lm-' + overlay.layerMode;
	segment +=
		placementTokens(overlay.position, LAYER_POSITION, step) +
		placementTokens(overlay.timing, LAYER_TIMING, step);
	const nested = chainString(overlay.transformation, step);
	if (nested) segment += ',' + nested;
	return segment + ',l-end';
}

function isEmptyText(value: TransformationValue): boolean {
	return String(value).trim() === '';
}

/** An older SDK's `code-value` (API.md §6.1.2): `-` alone gives the bare code. */
function olderSdkPair(spec: TransformationSpec, value: TransformationValue): string {
	if (value === '-') return spec.code;
	const text = String(value);
	return (
		spec.code + '-' + (spec.type === 'path' ? slashesAsAt(text.replace(/^\/+|\/+$/g, '')) : text)
	);
}

/** One `code-value` pair, or '' when the value asks for nothing. Unknown keys are used as their own code. */
function pairString(key: string, value: TransformationValue, step: number): string {
	const named = SPEC_BY_NAME.get(key) ?? SPEC_BY_NAME.get(key.toLowerCase());
	if (!named) return value === '-' ? key : key + '-' + String(value);
	const { spec, olderName } = named;
	if (olderName) return olderSdkPair(spec, value);
	const code = spec.code;
	switch (spec.type) {
		case 'raw':
			return String(value);
		case 'flag':
			// v7 drops any other value silently (transformation-utils); a switch set to something else is an error here.
			if (value === true || value === 'true' || value === '-') return code;
			if (value === false || value === 'false') return '';
			throw transformationError(
				`has ${key}: ${JSON.stringify(value)}, but ${key} is a switch: give true or false`,
			);
		case 'optionalValue':
			if (value === false) return '';
			if (value === true || value === 'true' || value === '-' || isEmptyText(value)) return code;
			return code + '-' + checked(named, value, step);
	}
	if (value === '-') return code;
	switch (spec.type) {
		case 'path':
			return code + '-' + pathToken(String(value));
		case 'list':
			return (
				code + '-' + checked(named, Array.isArray(value) ? value.join('_') : String(value), step)
			);
		case 'trim':
			return code + '-' + (isEmptyText(value) ? 'true' : checked(named, value, step));
		default:
			return code + '-' + checked(named, value, step);
	}
}

/**
 * The `tr` text: pairs joined by `,`, steps by `:`. Unset values (`undefined`, `null`) and empty steps
 * leave no trace; anything given that would produce nothing is an `ImageKitInputError`.
 */
export function buildTransformationString(
	steps: readonly TransformationStep[] | undefined,
): string {
	return chainString(steps, undefined);
}

/** The chain of `steps`; values are said to be in step `outerStep` when these are a layer's own. */
function chainString(
	steps: readonly TransformationStep[] | undefined,
	outerStep: number | undefined,
): string {
	if (steps === undefined || steps === null) return '';
	if (!Array.isArray(steps)) {
		throw transformationError('must be an array of steps, e.g. [{ width: 300 }, { rotation: 90 }]');
	}
	let chain = '';
	for (let index = 0; index < steps.length; index++) {
		const step = steps[index];
		if (step === undefined || step === null) continue;
		if (typeof step !== 'object' || Array.isArray(step)) {
			throw transformationError(
				`step ${index + 1} is ${JSON.stringify(step)}: give an object such as { width: 300 }`,
			);
		}
		let pairs = '';
		for (const key in step) {
			const value = step[key];
			if (value === undefined || value === null) continue;
			const pair =
				key === 'overlay' && typeof value === 'object' && !Array.isArray(value)
					? layerString(value as Overlay, outerStep ?? index + 1)
					: pairString(key, value, outerStep ?? index + 1);
			if (pair) pairs = pairs ? pairs + ',' + pair : pair;
		}
		if (pairs) chain = chain ? chain + ':' + pairs : pairs;
	}
	return chain;
}

/** Codes a transformation string may hold besides the table's: the layer syntax (API.md §6.2.3). */
const LAYER_CODES = [
	'l',
	'i',
	'ie',
	'lm',
	'lx',
	'ly',
	'lxc',
	'lyc',
	'lfo',
	'lap',
	'lso',
	'leo',
	'ldu',
];
/** Longest first, so `orig-true` is `orig` and not `o`. */
const CHAIN_CODES = [
	...new Set([...TRANSFORMATIONS.map((spec) => spec.code), ...LAYER_CODES]),
].sort((a, b) => b.length - a.length);

function codeOf(part: string): string | undefined {
	return CHAIN_CODES.find((code) => part === code || part.startsWith(code + '-'));
}

/**
 * The parts of a transformation string: split at `,` and at `:` where a code follows, so values
 * that hold a colon (`ar-4:3`, `bg-genfill:-prompt-…`) stay whole.
 */
function chainParts(chain: string): string[] {
	const parts: string[] = [];
	for (const group of chain.split(',')) {
		const pieces = group.split(':');
		let part = pieces[0];
		for (let index = 1; index < pieces.length; index++) {
			if (codeOf(pieces[index]) === undefined) part += ':' + pieces[index];
			else {
				parts.push(part);
				part = pieces[index];
			}
		}
		parts.push(part);
	}
	return parts;
}

/** Whether a part without a value, or with `true`, is whole: switches and effects with a default. */
function takesBareCode(spec: TransformationSpec, value: string): boolean {
	const bare = value === '' || value === 'true';
	return bare && (spec.type === 'flag' || spec.type === 'optionalValue' || spec.type === 'trim');
}

/**
 * Checks a transformation in ImageKit's own syntax (`w-300,h-200:rt-90`) by the table's rules:
 * every part must be a known code, and each value must be one ImageKit takes. Layer parts are
 * checked for their codes only. Returns the string unchanged.
 */
export function checkedTransformationString(chain: string): string {
	for (const part of chainParts(chain)) {
		const code = codeOf(part);
		if (code === undefined) {
			throw transformationError(
				`has ${JSON.stringify(part)}, which is not an ImageKit transformation: write ImageKit's codes, e.g. w-300,h-200:rt-90`,
			);
		}
		const named = SPEC_BY_NAME.get(code);
		if (!named || named.olderName) continue;
		const value = part.slice(code.length + 1);
		if (!takesBareCode(named.spec, value)) checked(named, value);
	}
	return chain;
}
