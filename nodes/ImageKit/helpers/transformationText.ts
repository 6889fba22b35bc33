// The node's words for the client's transformation table: one label and description per name the
// node shows, checked at compile time to cover the table exactly (issue 13: the client has no UI text).
import type {
	LayerEncoding,
	LayerMode,
	LayerPlacementName,
	LayerType,
	ShownTransformation,
} from '../client/transformations';
import { LAYER_PLACES } from '../client/transformations';

export interface FieldText {
	displayName: string;
	description: string;
}

/** A dropdown's labels, one per value the table allows. */
type OptionLabels<Spec> = Spec extends { values: readonly (infer Value extends string)[] }
	? { options: Record<Value, string> }
	: unknown;
/** The default a number field starts at when added to a step. */
type NumberDefault<Spec> = Spec extends { type: 'number' } ? { default: number } : unknown;

export type TransformationTexts = {
	[Name in ShownTransformation['key']]: FieldText &
		OptionLabels<Extract<ShownTransformation, { key: Name }>> &
		NumberDefault<Extract<ShownTransformation, { key: Name }>>;
};

const SIZE_HINT = 'in pixels, as a fraction of the original (0–1) or an expression';

export const TRANSFORMATION_TEXT = {
	width: {
		displayName: 'Width',
		description: `Output width ${SIZE_HINT} such as iw_div_2`,
	},
	height: {
		displayName: 'Height',
		description: `Output height ${SIZE_HINT} such as ih_mul_0.5`,
	},
	aspectRatio: {
		displayName: 'Aspect Ratio',
		description: 'Width to height ratio such as 4-3 or an expression such as iar_div_2',
	},
	background: {
		displayName: 'Background',
		description: 'Padding colour such as FF0000, or dominant, blurred or genfill',
	},
	border: {
		displayName: 'Border',
		description: 'Border as width_colour, e.g. 5_FFF000',
	},
	crop: {
		displayName: 'Crop',
		description: 'How to fit the image into the requested width and height',
		options: {
			maintain_ratio: 'Maintain Ratio',
			maintain_ratio_no_enlarge: 'Maintain Ratio No Enlarge',
			force: 'Force',
			at_max: 'At Max',
			at_max_enlarge: 'At Max Enlarge',
			at_least: 'At Least',
		},
	},
	cropMode: {
		displayName: 'Crop Mode',
		description: 'Whether to pad or extract to reach the requested size',
		options: {
			pad_resize: 'Pad Resize',
			pad_resize_no_enlarge: 'Pad Resize No Enlarge',
			extract: 'Extract',
			pad_extract: 'Pad Extract',
			pad_extract_no_shrink: 'Pad Extract No Shrink',
		},
	},
	dpr: {
		displayName: 'DPR',
		description: 'Device pixel ratio from 0.1 to 5, or auto',
	},
	focus: {
		displayName: 'Focus',
		description:
			'Area to keep when cropping: center, top, left, face, auto, an object name or custom',
	},
	quality: {
		displayName: 'Quality',
		description: 'Compression quality from 1 to 100',
		default: 80,
	},
	x: {
		displayName: 'X',
		description: 'Left edge of an extract crop, in pixels',
	},
	y: {
		displayName: 'Y',
		description: 'Top edge of an extract crop, in pixels',
	},
	xCenter: {
		displayName: 'X Center',
		description: 'Horizontal centre of an extract crop, in pixels',
	},
	yCenter: {
		displayName: 'Y Center',
		description: 'Vertical centre of an extract crop, in pixels',
	},
	format: {
		displayName: 'Format',
		description: 'Output format',
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
	videoCodec: {
		displayName: 'Video Codec',
		description: 'Codec of the output video',
		options: { h264: 'H264', vp9: 'VP9', av1: 'AV1', none: 'None' },
	},
	audioCodec: {
		displayName: 'Audio Codec',
		description: 'Codec of the output audio; none removes the sound',
		options: { aac: 'AAC', opus: 'Opus', none: 'None' },
	},
	radius: {
		displayName: 'Radius',
		description: 'Corner radius in pixels, max for a circle, or one per corner as 10_20_30_40',
	},
	rotation: {
		displayName: 'Rotation',
		description: 'Clockwise degrees, N40 for counter-clockwise, or auto from EXIF',
	},
	blur: {
		displayName: 'Blur',
		description: 'Gaussian blur radius from 1 to 100',
		default: 10,
	},
	named: {
		displayName: 'Named Transformation',
		description: 'Name of a transformation saved in the ImageKit dashboard',
	},
	defaultImage: {
		displayName: 'Default Image',
		description: 'Media library path of the image to serve when the requested one is missing',
	},
	flip: {
		displayName: 'Flip',
		description: 'Mirror the image',
		options: {
			h: 'Horizontal',
			v: 'Vertical',
			h_v: 'Horizontal Then Vertical',
			v_h: 'Vertical Then Horizontal',
		},
	},
	original: {
		displayName: 'Original',
		description: 'Whether to serve the original file without any transformation',
	},
	startOffset: {
		displayName: 'Start Offset',
		description: 'Video trim start in seconds, e.g. 2.5',
	},
	endOffset: {
		displayName: 'End Offset',
		description: 'Video trim end in seconds, e.g. 10',
	},
	duration: {
		displayName: 'Duration',
		description: 'Video length to keep from the start offset, in seconds',
	},
	streamingResolutions: {
		displayName: 'Streaming Resolutions',
		description: 'Renditions of an adaptive-bitrate stream (use with an .m3u8 or .mpd path)',
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
	grayscale: {
		displayName: 'Grayscale',
		description: 'Whether to turn the image grey',
	},
	aiUpscale: {
		displayName: 'AI Upscale',
		description: 'Whether to increase the resolution with AI',
	},
	aiRetouch: {
		displayName: 'AI Retouch',
		description: 'Whether to improve the image quality with AI',
	},
	aiVariation: {
		displayName: 'AI Variation',
		description: 'Whether to generate a variation of the image with AI',
	},
	aiDropShadow: {
		displayName: 'AI Drop Shadow',
		description: 'Drop shadow around the subject; leave empty for the default or set e.g. az-45',
	},
	aiChangeBackground: {
		displayName: 'AI Change Background',
		description:
			'New background described as prompt-text, or prompte- followed by URL-encoded base64',
	},
	aiRemoveBackground: {
		displayName: 'AI Remove Background',
		description: "Whether to remove the background with ImageKit's own model",
	},
	aiRemoveBackgroundExternal: {
		displayName: 'AI Remove Background (External)',
		description: 'Whether to remove the background with the third-party remove.bg service',
	},
	aiEdit: {
		displayName: 'AI Edit',
		description: 'Edit described as prompt-text, or prompte- followed by URL-encoded base64',
	},
	contrastStretch: {
		displayName: 'Contrast Stretch',
		description: 'Whether to stretch the contrast automatically',
	},
	shadow: {
		displayName: 'Shadow',
		description:
			'Shadow under the subject; leave empty for the default or set e.g. bl-15_st-40_x-10_y-N5',
	},
	sharpen: {
		displayName: 'Sharpen',
		description: 'Sharpening strength; leave empty for the default',
	},
	unsharpMask: {
		displayName: 'Unsharp Mask',
		description: 'Unsharp mask as radius-sigma-amount-threshold, e.g. 2-2-0.8-0.024',
	},
	gradient: {
		displayName: 'Gradient',
		description:
			'Gradient overlay; leave empty for the default or set e.g. ld-top_from-green_to-00FF0010_sp-1',
	},
	colorReplace: {
		displayName: 'Color Replace',
		description: 'Colour replacement as toColor_tolerance_fromColor, e.g. FF0000_35_00FF00',
	},
	colorize: {
		displayName: 'Colorize',
		description: 'Tint as co-colour_in-intensity, e.g. co-red_in-40',
	},
	distort: {
		displayName: 'Distort',
		description: 'Perspective p-x1_y1_x2_y2_x3_y3_x4_y4 or arc a-degrees',
	},
	progressive: {
		displayName: 'Progressive',
		description: 'Whether to encode JPEGs progressively',
	},
	lossless: {
		displayName: 'Lossless',
		description: 'Whether to compress WebP and PNG output losslessly',
	},
	colorProfile: {
		displayName: 'Color Profile',
		description: 'Whether to keep the embedded ICC colour profile',
	},
	metadata: {
		displayName: 'Metadata',
		description: 'Whether to keep the image metadata such as EXIF',
	},
	opacity: {
		displayName: 'Opacity',
		description: 'Opacity from 0 (transparent) to 100',
		default: 50,
	},
	trim: {
		displayName: 'Trim',
		description: 'Removes a solid border; leave empty to detect it or set a threshold from 1 to 99',
	},
	zoom: {
		displayName: 'Zoom',
		description: 'Zoom around the face focus, e.g. 0.5 to zoom out',
	},
	page: {
		displayName: 'Page',
		description: 'Page or layer of a PDF or PSD, e.g. 2, 3-4 or name-layer-4',
	},
	raw: {
		displayName: 'Raw Transformation',
		description: 'Transformation text added as is, e.g. l-image,i-logo.png,l-end',
	},
} satisfies TransformationTexts;

export const LAYER_TYPE_LABELS = {
	text: 'Text',
	image: 'Image',
	video: 'Video',
	subtitle: 'Subtitle',
	solidColor: 'Solid Color',
} satisfies Record<LayerType, string>;

const PLACE_LABELS = {
	center: 'Center',
	top: 'Top',
	bottom: 'Bottom',
	left: 'Left',
	right: 'Right',
	top_left: 'Top Left',
	top_right: 'Top Right',
	bottom_left: 'Bottom Left',
	bottom_right: 'Bottom Right',
} satisfies Record<(typeof LAYER_PLACES)[number], string>;

export const LAYER_PLACEMENT_TEXT = {
	x: {
		displayName: 'X',
		description:
			'Distance from the left edge of the base, in pixels or an expression; N10 means -10',
	},
	y: {
		displayName: 'Y',
		description:
			'Distance from the top edge of the base, in pixels or an expression; N10 means -10',
	},
	xCenter: {
		displayName: 'X Center',
		description: 'Horizontal position of the layer centre, in pixels or an expression',
	},
	yCenter: {
		displayName: 'Y Center',
		description: 'Vertical position of the layer centre, in pixels or an expression',
	},
	focus: {
		displayName: 'Focus',
		description: 'Where on the base to place the layer',
		options: PLACE_LABELS,
	},
	anchorPoint: {
		displayName: 'Anchor Point',
		description: 'Point of the layer that X and Y position',
		options: PLACE_LABELS,
	},
	start: {
		displayName: 'Start',
		description: 'Second of the video at which the layer appears',
	},
	end: {
		displayName: 'End',
		description: 'Second of the video at which the layer disappears',
	},
	duration: {
		displayName: 'Duration',
		description: 'Seconds the layer stays on the video; ignored when End is set',
	},
} satisfies Record<LayerPlacementName, FieldText & { options?: Record<string, string> }>;

export const LAYER_ENCODING_LABELS = {
	auto: 'Auto',
	plain: 'Plain',
	base64: 'Base64',
} satisfies Record<LayerEncoding, string>;

export const LAYER_MODE_LABELS = {
	multiply: 'Multiply',
	cutter: 'Cutter',
	cutout: 'Cutout',
	displace: 'Displace',
} satisfies Record<LayerMode, string>;
