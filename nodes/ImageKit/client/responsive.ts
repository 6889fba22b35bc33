// Attributes of a responsive `<img>`: `src`, `srcSet`, `sizes`, `width`. The same inputs and outputs
// as `getResponsiveImageAttributes` of ImageKit's JavaScript SDK (@imagekit/javascript 5.x,
// src/responsive.ts; its option types are v7's `GetImageAttributesOptions`), plus signing.
import { ImageKitInputError } from './errors';
import type { TransformationPosition, UrlContext, UrlOptions } from './url';
import { buildUrl } from './url';

/** The JavaScript SDK's defaults (responsive.ts). */
export const DEFAULT_DEVICE_BREAKPOINTS: readonly number[] = [
	640, 750, 828, 1080, 1200, 1920, 2048, 3840,
];
export const DEFAULT_IMAGE_BREAKPOINTS: readonly number[] = [16, 32, 48, 64, 96, 128, 256, 384];

export interface ResponsiveImageOptions extends UrlOptions {
	/** Display width in pixels: gives 1x and 2x candidates. Ignored when `sizes` is set. */
	width?: number;
	/** The `sizes` attribute, e.g. `(min-width: 768px) 50vw, 100vw`: gives width candidates. */
	sizes?: string;
	/** Screen widths in pixels; default DEFAULT_DEVICE_BREAKPOINTS. */
	deviceBreakpoints?: readonly number[];
	/** Smaller widths, merged with the device breakpoints; default DEFAULT_IMAGE_BREAKPOINTS. */
	imageBreakpoints?: readonly number[];
}

export interface ResponsiveImageAttributes {
	/** URL of the largest candidate. */
	src: string;
	/** Candidates with `w` or `x` descriptors. */
	srcSet?: string;
	/** `sizes` as given, or `100vw` for width candidates. */
	sizes?: string;
	/** `width` as given. */
	width?: number;
}

// `vw` values of `sizes` up to 199vw, as the JavaScript SDK reads them.
const VW_VALUES = /(^|\s)(1?\d{1,2})vw/g;

function positiveWidths(field: string, widths: unknown, allowEmpty: boolean): number[] {
	if (
		!Array.isArray(widths) ||
		(!allowEmpty && widths.length === 0) ||
		!widths.every((width) => Number.isInteger(width) && width > 0)
	) {
		throw new ImageKitInputError(
			field,
			`'${field}' must be a list of widths in pixels (whole numbers above 0), e.g. [640, 1080, 1920], not ${JSON.stringify(widths)}`,
		);
	}
	return widths;
}

/** Ascending, each width once (the SDK keeps duplicates, which a `srcset` may not have). */
function sortedWidths(widths: readonly number[]): number[] {
	return [...new Set(widths)].sort((a, b) => a - b);
}

function candidates(
	sizes: string | undefined,
	width: number | undefined,
	deviceBreakpoints: number[],
	allBreakpoints: number[],
): { widths: number[]; descriptor: 'w' | 'x' } {
	if (sizes) {
		const percents = [...sizes.matchAll(VW_VALUES)].map((match) => Number(match[2]));
		if (percents.length === 0) return { widths: allBreakpoints, descriptor: 'w' };
		// Breakpoints narrower than the smallest screen at the smallest vw share are never picked.
		const smallest = (deviceBreakpoints[0] * Math.min(...percents)) / 100;
		return {
			widths: allBreakpoints.filter((breakpoint) => breakpoint >= smallest),
			descriptor: 'w',
		};
	}
	if (width === undefined) return { widths: deviceBreakpoints, descriptor: 'w' };
	const atLeast = (target: number) =>
		allBreakpoints.find((breakpoint) => breakpoint >= target) ??
		allBreakpoints[allBreakpoints.length - 1];
	return { widths: [...new Set([atLeast(width), atLeast(width * 2)])], descriptor: 'x' };
}

export function buildResponsiveImageAttributes(
	options: ResponsiveImageOptions,
	context: UrlContext,
): ResponsiveImageAttributes {
	const {
		width,
		sizes,
		deviceBreakpoints = DEFAULT_DEVICE_BREAKPOINTS,
		imageBreakpoints = DEFAULT_IMAGE_BREAKPOINTS,
		...urlOptions
	} = options;
	if (!urlOptions.path && !urlOptions.src) {
		throw new ImageKitInputError(
			'src',
			"'src' or 'path' is required: give the image's path or URL, e.g. /products/shoe.jpg",
		);
	}
	if (width !== undefined && !(Number.isInteger(width) && width > 0)) {
		throw new ImageKitInputError(
			'width',
			`'width' must be the display width in pixels (a whole number above 0), e.g. 400, not ${JSON.stringify(width)}`,
		);
	}
	if (sizes !== undefined && typeof sizes !== 'string') {
		throw new ImageKitInputError(
			'sizes',
			`'sizes' must be text like (min-width: 768px) 50vw, 100vw, not ${JSON.stringify(sizes)}`,
		);
	}
	const devices = sortedWidths(positiveWidths('deviceBreakpoints', deviceBreakpoints, false));
	const all = sortedWidths([
		...devices,
		...positiveWidths('imageBreakpoints', imageBreakpoints, true),
	]);
	const { widths, descriptor } = candidates(sizes, width, devices, all);

	// One clock for every candidate, so a signed set expires as one.
	const nowMs = (context.now ?? Date.now)();
	const urlContext: UrlContext = { ...context, now: () => nowMs };
	const position: TransformationPosition | undefined =
		urlOptions.transformationPosition ?? urlOptions.transformation_position;
	const urlFor = (candidate: number | undefined) =>
		buildUrl(
			{
				...urlOptions,
				// The JavaScript SDK's default position, as in its buildSrc.
				transformationPosition: position ?? 'query',
				transformation_position: undefined,
				transformation: Array.isArray(urlOptions.transformation)
					? [...urlOptions.transformation, { width: candidate, crop: 'at_max' }]
					: (urlOptions.transformation ?? [{ width: candidate, crop: 'at_max' }]),
			},
			urlContext,
		);
	const srcSet = widths
		.map(
			(candidate, index) =>
				`${urlFor(candidate)} ${descriptor === 'w' ? candidate : index + 1}${descriptor}`,
		)
		.join(', ');
	const finalSizes = sizes ?? (descriptor === 'w' ? '100vw' : undefined);
	return {
		src: urlFor(widths[widths.length - 1]),
		...(srcSet ? { srcSet } : {}),
		...(finalSizes ? { sizes: finalSizes } : {}),
		...(width !== undefined ? { width } : {}),
	};
}
