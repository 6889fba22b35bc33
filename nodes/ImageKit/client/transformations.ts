// The one table of URL transformations (API.md §6.1.5, §6.2.4) and the string builder that reads it.
// The n8n UI fields are generated from the same table (helpers/transformationFields.ts).
import { ImageKitInputError } from './errors';

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
}

interface ShownSpec extends SpecCommon {
	displayName: string;
	description: string;
	hidden?: undefined;
}

export type TransformationSpec =
	| (ShownSpec & { type: Exclude<TransformationValueType, 'number' | 'options' | 'list'> })
	| (ShownSpec & { type: 'number'; min: number; max: number; default: number })
	/** `options` maps each URL value to its UI label; the first one is the UI default. */
	| (ShownSpec & { type: 'options' | 'list'; options: Readonly<Record<string, string>> })
	// Hidden from the UI: `legacyOverlay` codes (oi, ot, …) are the seed's flat overlays, superseded by layers.
	// `layerOnly` parameters mean something only inside a layer, whose transformation the UI takes as text.
	| (SpecCommon & { type: 'text' | 'path'; hidden: 'legacyOverlay' | 'layerOnly' });

const legacyOverlay = (
	key: string,
	code: string,
	aliases: readonly string[],
	type: 'text' | 'path' = 'text',
) => ({ key, code, aliases, type, hidden: 'legacyOverlay' }) as const;

const layerOnly = (key: string, code: string, type: 'text' | 'path' = 'text') =>
	({ key, code, type, hidden: 'layerOnly' }) as const;

const EXPRESSION_HINT = 'in pixels, as a fraction of the original (0–1) or an expression';

export const TRANSFORMATIONS: readonly TransformationSpec[] = [
	{
		key: 'width',
		code: 'w',
		displayName: 'Width',
		description: `Output width ${EXPRESSION_HINT} such as iw_div_2`,
		type: 'text',
	},
	{
		key: 'height',
		code: 'h',
		displayName: 'Height',
		description: `Output height ${EXPRESSION_HINT} such as ih_mul_0.5`,
		type: 'text',
	},
	{
		key: 'aspectRatio',
		code: 'ar',
		aliases: ['aspect_ratio'],
		displayName: 'Aspect Ratio',
		description: 'Width to height ratio such as 4-3 or an expression such as iar_div_2',
		type: 'text',
	},
	{
		key: 'background',
		code: 'bg',
		displayName: 'Background',
		description: 'Padding colour such as FF0000, or dominant, blurred or genfill',
		type: 'text',
	},
	{
		key: 'border',
		code: 'b',
		displayName: 'Border',
		description: 'Border as width_colour, e.g. 5_FFF000',
		type: 'text',
	},
	{
		key: 'crop',
		code: 'c',
		displayName: 'Crop',
		description: 'How to fit the image into the requested width and height',
		type: 'options',
		options: {
			maintain_ratio: 'Maintain Ratio',
			maintain_ratio_no_enlarge: 'Maintain Ratio No Enlarge',
			force: 'Force',
			at_max: 'At Max',
			at_max_enlarge: 'At Max Enlarge',
			at_least: 'At Least',
		},
	},
	{
		key: 'cropMode',
		code: 'cm',
		aliases: ['crop_mode'],
		displayName: 'Crop Mode',
		description: 'Whether to pad or extract to reach the requested size',
		type: 'options',
		options: {
			pad_resize: 'Pad Resize',
			pad_resize_no_enlarge: 'Pad Resize No Enlarge',
			extract: 'Extract',
			pad_extract: 'Pad Extract',
			pad_extract_no_shrink: 'Pad Extract No Shrink',
		},
	},
	{
		key: 'dpr',
		code: 'dpr',
		displayName: 'DPR',
		description: 'Device pixel ratio from 0.1 to 5, or auto',
		type: 'text',
	},
	{
		key: 'focus',
		code: 'fo',
		displayName: 'Focus',
		description:
			'Area to keep when cropping: center, top, left, face, auto, an object name or custom',
		type: 'text',
	},
	{
		key: 'quality',
		code: 'q',
		displayName: 'Quality',
		description: 'Compression quality from 1 to 100',
		type: 'number',
		min: 1,
		max: 100,
		default: 80,
	},
	{
		key: 'x',
		code: 'x',
		displayName: 'X',
		description: 'Left edge of an extract crop, in pixels',
		type: 'text',
	},
	{
		key: 'y',
		code: 'y',
		displayName: 'Y',
		description: 'Top edge of an extract crop, in pixels',
		type: 'text',
	},
	{
		key: 'xCenter',
		code: 'xc',
		displayName: 'X Center',
		description: 'Horizontal centre of an extract crop, in pixels',
		type: 'text',
	},
	{
		key: 'yCenter',
		code: 'yc',
		displayName: 'Y Center',
		description: 'Vertical centre of an extract crop, in pixels',
		type: 'text',
	},
	{
		key: 'format',
		code: 'f',
		displayName: 'Format',
		description: 'Output format',
		type: 'options',
		options: {
			auto: 'Auto',
			avif: 'AVIF',
			gif: 'GIF',
			jpg: 'JPG',
			jpeg: 'JPEG',
			mp4: 'MP4',
			orig: 'Original',
			png: 'PNG',
			svg: 'SVG',
			webm: 'WebM',
			webp: 'WebP',
		},
	},
	{
		key: 'videoCodec',
		code: 'vc',
		displayName: 'Video Codec',
		description: 'Codec of the output video',
		type: 'options',
		options: { h264: 'H264', vp9: 'VP9', av1: 'AV1', none: 'None' },
	},
	{
		key: 'audioCodec',
		code: 'ac',
		displayName: 'Audio Codec',
		description: 'Codec of the output audio; none removes the sound',
		type: 'options',
		options: { aac: 'AAC', opus: 'Opus', none: 'None' },
	},
	{
		key: 'radius',
		code: 'r',
		displayName: 'Radius',
		description: 'Corner radius in pixels, max for a circle, or one per corner as 10_20_30_40',
		type: 'text',
	},
	{
		key: 'rotation',
		code: 'rt',
		aliases: ['rotate'],
		displayName: 'Rotation',
		description: 'Clockwise degrees, N40 for counter-clockwise, or auto from EXIF',
		type: 'text',
	},
	{
		key: 'blur',
		code: 'bl',
		displayName: 'Blur',
		description: 'Gaussian blur radius from 1 to 100',
		type: 'number',
		min: 1,
		max: 100,
		default: 10,
	},
	{
		key: 'named',
		code: 'n',
		displayName: 'Named Transformation',
		description: 'Name of a transformation saved in the ImageKit dashboard',
		type: 'text',
	},
	{
		key: 'defaultImage',
		code: 'di',
		aliases: ['default_image'],
		displayName: 'Default Image',
		description: 'Media library path of the image to serve when the requested one is missing',
		type: 'path',
	},
	{
		key: 'flip',
		code: 'fl',
		displayName: 'Flip',
		description: 'Mirror the image',
		type: 'options',
		options: {
			h: 'Horizontal',
			v: 'Vertical',
			h_v: 'Horizontal Then Vertical',
			v_h: 'Vertical Then Horizontal',
		},
	},
	{
		key: 'original',
		code: 'orig',
		displayName: 'Original',
		description: 'Whether to serve the original file without any transformation',
		type: 'boolean',
	},
	{
		key: 'startOffset',
		code: 'so',
		displayName: 'Start Offset',
		description: 'Video trim start in seconds, e.g. 2.5',
		type: 'text',
	},
	{
		key: 'endOffset',
		code: 'eo',
		displayName: 'End Offset',
		description: 'Video trim end in seconds, e.g. 10',
		type: 'text',
	},
	{
		key: 'duration',
		code: 'du',
		displayName: 'Duration',
		description: 'Video length to keep from the start offset, in seconds',
		type: 'text',
	},
	{
		key: 'streamingResolutions',
		code: 'sr',
		displayName: 'Streaming Resolutions',
		description: 'Renditions of an adaptive-bitrate stream (use with an .m3u8 or .mpd path)',
		type: 'list',
		options: {
			240: '240p',
			360: '360p',
			480: '480p',
			720: '720p',
			1080: '1080p',
			1440: '1440p',
			2160: '2160p',
		},
	},
	{
		key: 'grayscale',
		code: 'e-grayscale',
		aliases: ['effectGray', 'effect_gray'],
		displayName: 'Grayscale',
		description: 'Whether to turn the image grey',
		type: 'flag',
	},
	{
		key: 'aiUpscale',
		code: 'e-upscale',
		displayName: 'AI Upscale',
		description: 'Whether to increase the resolution with AI',
		type: 'flag',
	},
	{
		key: 'aiRetouch',
		code: 'e-retouch',
		displayName: 'AI Retouch',
		description: 'Whether to improve the image quality with AI',
		type: 'flag',
	},
	{
		key: 'aiVariation',
		code: 'e-genvar',
		displayName: 'AI Variation',
		description: 'Whether to generate a variation of the image with AI',
		type: 'flag',
	},
	{
		key: 'aiDropShadow',
		code: 'e-dropshadow',
		displayName: 'AI Drop Shadow',
		description: 'Drop shadow around the subject; leave empty for the default or set e.g. az-45',
		type: 'optionalValue',
	},
	{
		key: 'aiChangeBackground',
		code: 'e-changebg',
		displayName: 'AI Change Background',
		description:
			'New background described as prompt-text, or prompte- followed by URL-encoded base64',
		type: 'text',
	},
	{
		key: 'aiRemoveBackground',
		code: 'e-bgremove',
		displayName: 'AI Remove Background',
		description: "Whether to remove the background with ImageKit's own model",
		type: 'flag',
	},
	{
		key: 'aiRemoveBackgroundExternal',
		code: 'e-removedotbg',
		displayName: 'AI Remove Background (External)',
		description: 'Whether to remove the background with the third-party remove.bg service',
		type: 'flag',
	},
	{
		key: 'aiEdit',
		code: 'e-edit',
		displayName: 'AI Edit',
		description: 'Edit described as prompt-text, or prompte- followed by URL-encoded base64',
		type: 'text',
	},
	{
		key: 'contrastStretch',
		code: 'e-contrast',
		aliases: ['effectContrast', 'effect_contrast'],
		displayName: 'Contrast Stretch',
		description: 'Whether to stretch the contrast automatically',
		type: 'flag',
	},
	{
		key: 'shadow',
		code: 'e-shadow',
		aliases: ['effectShadow'],
		displayName: 'Shadow',
		description:
			'Shadow under the subject; leave empty for the default or set e.g. bl-15_st-40_x-10_y-N5',
		type: 'optionalValue',
	},
	{
		key: 'sharpen',
		code: 'e-sharpen',
		aliases: ['effectSharpen', 'effect_sharpen'],
		displayName: 'Sharpen',
		description: 'Sharpening strength; leave empty for the default',
		type: 'optionalValue',
	},
	{
		key: 'unsharpMask',
		code: 'e-usm',
		aliases: ['effectUSM', 'effect_usm'],
		displayName: 'Unsharp Mask',
		description: 'Unsharp mask as radius-sigma-amount-threshold, e.g. 2-2-0.8-0.024',
		type: 'optionalValue',
	},
	{
		key: 'gradient',
		code: 'e-gradient',
		aliases: ['effectGradient'],
		displayName: 'Gradient',
		description:
			'Gradient overlay; leave empty for the default or set e.g. ld-top_from-green_to-00FF0010_sp-1',
		type: 'optionalValue',
	},
	{
		key: 'colorReplace',
		code: 'cr',
		displayName: 'Color Replace',
		description: 'Colour replacement as toColor_tolerance_fromColor, e.g. FF0000_35_00FF00',
		type: 'text',
	},
	{
		key: 'colorize',
		code: 'e-colorize',
		displayName: 'Colorize',
		description: 'Tint as co-colour_in-intensity, e.g. co-red_in-40',
		type: 'text',
	},
	{
		key: 'distort',
		code: 'e-distort',
		displayName: 'Distort',
		description: 'Perspective p-x1_y1_x2_y2_x3_y3_x4_y4 or arc a-degrees',
		type: 'text',
	},
	{
		key: 'progressive',
		code: 'pr',
		displayName: 'Progressive',
		description: 'Whether to encode JPEGs progressively',
		type: 'boolean',
	},
	{
		key: 'lossless',
		code: 'lo',
		displayName: 'Lossless',
		description: 'Whether to compress WebP and PNG output losslessly',
		type: 'boolean',
	},
	{
		key: 'colorProfile',
		code: 'cp',
		aliases: ['color_profile'],
		displayName: 'Color Profile',
		description: 'Whether to keep the embedded ICC colour profile',
		type: 'boolean',
	},
	{
		key: 'metadata',
		code: 'md',
		displayName: 'Metadata',
		description: 'Whether to keep the image metadata such as EXIF',
		type: 'boolean',
	},
	{
		key: 'opacity',
		code: 'o',
		displayName: 'Opacity',
		description: 'Opacity from 0 (transparent) to 100',
		type: 'number',
		min: 0,
		max: 100,
		default: 50,
	},
	{
		key: 'trim',
		code: 't',
		displayName: 'Trim',
		description: 'Removes a solid border; leave empty to detect it or set a threshold from 1 to 99',
		type: 'trim',
	},
	{
		key: 'zoom',
		code: 'z',
		displayName: 'Zoom',
		description: 'Zoom around the face focus, e.g. 0.5 to zoom out',
		type: 'text',
	},
	{
		key: 'page',
		code: 'pg',
		displayName: 'Page',
		description: 'Page or layer of a PDF or PSD, e.g. 2, 3-4 or name-layer-4',
		type: 'text',
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
	{
		key: 'raw',
		code: 'raw',
		displayName: 'Raw Transformation',
		description: 'Transformation text added as is, e.g. l-image,i-logo.png,l-end',
		type: 'raw',
	},
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
];

/** A name a step may use, and whether it is an older SDK's name read by that SDK's rule. */
interface NamedSpec {
	spec: TransformationSpec;
	olderName: boolean;
}

/** Key, alias and code → spec. Names win over codes; codes let raw `{ w: 300 }` get the same value rules. */
const SPEC_BY_NAME = new Map<string, NamedSpec>();
for (const spec of TRANSFORMATIONS) {
	SPEC_BY_NAME.set(spec.key, { spec, olderName: false });
	for (const alias of spec.aliases ?? []) SPEC_BY_NAME.set(alias, { spec, olderName: true });
}
for (const spec of TRANSFORMATIONS) {
	if (!SPEC_BY_NAME.has(spec.code)) SPEC_BY_NAME.set(spec.code, { spec, olderName: false });
}

/** Layer kinds (API.md §6.2.3); `source` names the overlay field the layer cannot do without. */
export const LAYER_TYPES = [
	{ type: 'text', displayName: 'Text', opening: 'l-text', source: 'text' },
	{ type: 'image', displayName: 'Image', opening: 'l-image', source: 'input' },
	{ type: 'video', displayName: 'Video', opening: 'l-video', source: 'input' },
	{ type: 'subtitle', displayName: 'Subtitle', opening: 'l-subtitles', source: 'input' },
	{
		type: 'solidColor',
		displayName: 'Solid Color',
		opening: 'l-image,i-ik_canvas',
		source: 'color',
	},
] as const;

export type LayerType = (typeof LAYER_TYPES)[number]['type'];
type LayerTypeSpec = (typeof LAYER_TYPES)[number];
const LAYER_TYPE_BY_NAME = new Map<string, LayerTypeSpec>(
	LAYER_TYPES.map((layer) => [layer.type, layer]),
);

// Focus and anchor points share one set of places on the base.
const LAYER_PLACES = {
	center: 'Center',
	top: 'Top',
	bottom: 'Bottom',
	left: 'Left',
	right: 'Right',
	top_left: 'Top Left',
	top_right: 'Top Right',
	bottom_left: 'Bottom Left',
	bottom_right: 'Bottom Right',
} as const;

interface LayerFieldSpec {
	key: string;
	code: string;
	displayName: string;
	description: string;
	options?: Readonly<Record<string, string>>;
}

/** Layer placement, in the order the URL carries it. */
export const LAYER_POSITION = [
	{
		key: 'x',
		code: 'lx',
		displayName: 'X',
		description:
			'Distance from the left edge of the base, in pixels or an expression; N10 means -10',
	},
	{
		key: 'y',
		code: 'ly',
		displayName: 'Y',
		description:
			'Distance from the top edge of the base, in pixels or an expression; N10 means -10',
	},
	{
		key: 'xCenter',
		code: 'lxc',
		displayName: 'X Center',
		description: 'Horizontal position of the layer centre, in pixels or an expression',
	},
	{
		key: 'yCenter',
		code: 'lyc',
		displayName: 'Y Center',
		description: 'Vertical position of the layer centre, in pixels or an expression',
	},
	{
		key: 'focus',
		code: 'lfo',
		displayName: 'Focus',
		description: 'Where on the base to place the layer',
		options: LAYER_PLACES,
	},
	{
		key: 'anchorPoint',
		code: 'lap',
		displayName: 'Anchor Point',
		description: 'Point of the layer that X and Y position',
		options: LAYER_PLACES,
	},
] as const satisfies readonly LayerFieldSpec[];

/** When a layer shows on a video base, in the order the URL carries it. */
export const LAYER_TIMING = [
	{
		key: 'start',
		code: 'lso',
		displayName: 'Start',
		description: 'Second of the video at which the layer appears',
	},
	{
		key: 'end',
		code: 'leo',
		displayName: 'End',
		description: 'Second of the video at which the layer disappears',
	},
	{
		key: 'duration',
		code: 'ldu',
		displayName: 'Duration',
		description: 'Seconds the layer stays on the video; ignored when End is set',
	},
] as const satisfies readonly LayerFieldSpec[];

/** How the layer input is written: `auto` picks plain for simple text and base64 otherwise. */
export const LAYER_ENCODINGS = { auto: 'Auto', plain: 'Plain', base64: 'Base64' } as const;
export const LAYER_MODES = {
	multiply: 'Multiply',
	cutter: 'Cutter',
	cutout: 'Cutout',
	displace: 'Displace',
} as const;

export type LayerEncoding = keyof typeof LAYER_ENCODINGS;
export type LayerMode = keyof typeof LAYER_MODES;
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
): string {
	let tokens = '';
	if (!values) return tokens;
	for (const field of fields) {
		const value = values[field.key];
		if (value) tokens += ',' + field.code + '-' + value;
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
function layerString(overlay: Overlay): string {
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
		placementTokens(overlay.position, LAYER_POSITION) +
		placementTokens(overlay.timing, LAYER_TIMING);
	const nested = buildTransformationString(overlay.transformation);
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
function pairString(key: string, value: TransformationValue): string {
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
			return code + '-' + value;
	}
	if (value === '-') return code;
	switch (spec.type) {
		case 'path':
			return code + '-' + pathToken(String(value));
		case 'list':
			return code + '-' + (Array.isArray(value) ? value.join('_') : String(value));
		case 'trim':
			return code + '-' + (isEmptyText(value) ? 'true' : String(value));
		default:
			return code + '-' + String(value);
	}
}

/**
 * The `tr` text: pairs joined by `,`, steps by `:`. Unset values (`undefined`, `null`) and empty steps
 * leave no trace; anything given that would produce nothing is an `ImageKitInputError`.
 */
export function buildTransformationString(
	steps: readonly TransformationStep[] | undefined,
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
					? layerString(value as Overlay)
					: pairString(key, value);
			if (pair) pairs = pairs ? pairs + ',' + pair : pair;
		}
		if (pairs) chain = chain ? chain + ':' + pairs : pairs;
	}
	return chain;
}
