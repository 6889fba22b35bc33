import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit, ResponsiveImageOptions } from '../../client';
import { DEFAULT_DEVICE_BREAKPOINTS, DEFAULT_IMAGE_BREAKPOINTS } from '../../client';
import { itemsFor, toList } from '../../helpers/parameters';
import { transformationStepsProperties } from '../../helpers/transformationFields';
import {
	buildWithFieldLabels,
	URL_SOURCE_OPTIONS,
	urlLocation,
	urlLocationProperties,
	urlOptionFields,
	urlOptionsFrom,
} from '../../helpers/urlFields';
import { sortedByDisplayName } from '../../helpers/sorting';
import { toolDescription } from '../../helpers/toolDescription';

const responsiveOptionFields: INodeProperties[] = [
	{
		displayName: 'Device Breakpoints',
		name: 'deviceBreakpoints',
		type: 'string',
		default: DEFAULT_DEVICE_BREAKPOINTS.join(', '),
		description: 'Screen widths in pixels to make image widths for, separated by commas',
	},
	{
		displayName: 'Image Breakpoints',
		name: 'imageBreakpoints',
		type: 'string',
		default: DEFAULT_IMAGE_BREAKPOINTS.join(', '),
		description:
			'Smaller widths in pixels (thumbnails, icons), separated by commas; merged with the device breakpoints',
	},
	{
		displayName: 'Sizes',
		name: 'sizes',
		type: 'string',
		default: '',
		placeholder: '(min-width: 768px) 50vw, 100vw',
		description:
			'The img sizes attribute: gives one URL per breakpoint wide enough for it. Wins over Width.',
	},
	{
		displayName: 'Width',
		name: 'width',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 400,
		description: 'Display width in pixels: gives a 1x and a 2x URL. Ignored when Sizes is set.',
	},
];

const properties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: URL_SOURCE_OPTIONS,
		default: 'path',
	},
	...urlLocationProperties,
	...transformationStepsProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: sortedByDisplayName([...urlOptionFields, ...responsiveOptionFields]),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['imageUrl'], operation: ['getResponsiveAttributes'] } },
	[
		toolDescription(
			'Builds the src, srcSet, sizes and width attributes of a responsive HTML img tag for an image path or URL; no API call is made. Inputs: Path (e.g. /shoes/red.jpg), optionally the display Width in pixels or a Sizes attribute, and transformations. Returns src, srcSet, sizes, width.',
		),
		...properties,
	],
);

/** Widths typed as text, as numbers; an entry that is not one stays text for the client to name. */
function widthList(value: unknown): Array<number | string> | undefined {
	if (value === undefined) return undefined;
	return toList(value).map((entry) => (Number.isNaN(Number(entry)) ? entry : Number(entry)));
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const source = this.getNodeParameter('source', itemIndex) as 'path' | 'url';
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const sizes = String(options.sizes ?? '').trim();
	const responsiveOptions = {
		...urlLocation(this, itemIndex, source),
		...urlOptionsFrom(this, itemIndex),
		width: options.width,
		sizes: sizes || undefined,
		deviceBreakpoints: widthList(options.deviceBreakpoints),
		imageBreakpoints: widthList(options.imageBreakpoints),
	} as ResponsiveImageOptions;
	const attributes = buildWithFieldLabels(this, itemIndex, responsiveOptions, client, () =>
		client.getResponsiveImageAttributes(responsiveOptions),
	);
	return itemsFor(this, { ...attributes }, itemIndex);
}
