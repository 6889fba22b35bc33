// The fields that build a delivery URL (Image URL → Generate, File → Download) and their reading
// into the client's `url()` options.
import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ImageKit, TransformationStep, UrlOptions } from '../client';
import {
	buildTransformationString,
	checkedTransformationString,
	ImageKitInputError,
	ImageKitTransformationValueError,
	MAX_URL_EXPIRY_SECONDS,
} from '../client';
import { inputError, toNodeError } from './errors';
import { requiredText, sameForEveryItem } from './parameters';
import { stepsFromParameters } from './transformationFields';
import { LAYER_PLACEMENT_TEXT, TRANSFORMATION_TEXT } from './transformationText';

export const URL_SOURCE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Path in Media Library', value: 'path', description: 'A path under your URL endpoint' },
	{ name: 'Full URL', value: 'url', description: 'An absolute URL, e.g. from a web proxy origin' },
];

/** The Path and URL fields, shown for the `path` and `url` sources. */
export const urlLocationProperties: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: '/products/shoe.jpg',
		displayOptions: { show: { source: ['path'] } },
		description: 'Path of the file under the URL endpoint',
	},
	{
		displayName: 'URL',
		name: 'src',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://ik.imagekit.io/your_id/products/shoe.jpg',
		displayOptions: { show: { source: ['url'] } },
		description: 'Absolute URL of the file; transformations go into the query string',
	},
];

/** One text field for the whole chain in ImageKit's syntax: easy to fill from an expression or $fromAI. */
export const transformationStringProperty: INodeProperties = {
	displayName: 'Transformation',
	name: 'transformation',
	type: 'string',
	default: '',
	placeholder: 'w-300,h-300:rt-90',
	description:
		"Transformation in ImageKit's syntax: parameters joined by commas make one step, steps are joined by colons. Checked like the steps below, and applied before them.",
};

/** The entries of the Options collection that shape the URL. */
export const urlOptionFields: INodeProperties[] = [
	{
		displayName: 'Expires In (Seconds)',
		name: 'expireSeconds',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_URL_EXPIRY_SECONDS, numberPrecision: 0 },
		default: 0,
		description:
			'Make a signed URL that stops working after this many seconds; 0 means it never expires',
	},
	{
		displayName: 'Query Parameters',
		name: 'queryParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Raw Transformation',
		name: 'rawTransformation',
		type: 'string',
		default: '',
		placeholder: 'w-300,h-300:rt-90',
		description:
			'Transformation text added after the steps as is, unchecked: for parameters this node does not know yet',
	},
	{
		displayName: 'Signed',
		name: 'signed',
		type: 'boolean',
		default: false,
		description:
			'Whether to sign the URL with the private key, as private files and signed-URL-only endpoints require',
	},
	{
		displayName: 'Transformation Position',
		name: 'transformationPosition',
		type: 'options',
		options: [
			{ name: 'Path', value: 'path', description: 'In the path, like …/tr:w-300/photo.jpg' },
			{ name: 'Query', value: 'query', description: 'In the query, like …/photo.jpg?tr=w-300' },
		],
		default: 'path',
	},
	{
		displayName: 'URL Endpoint',
		name: 'urlEndpoint',
		type: 'string',
		default: '',
		placeholder: 'https://ik.imagekit.io/your_id',
		description: 'Use this endpoint instead of the one in the credential',
	},
];

/** The path or absolute URL given for the `path` or `url` source. */
export function urlLocation(
	context: IExecuteFunctions,
	itemIndex: number,
	source: 'path' | 'url',
): Pick<UrlOptions, 'path' | 'src'> {
	return source === 'path'
		? {
				path: requiredText(
					context,
					'path',
					itemIndex,
					'Path',
					'the file path, e.g. /products/shoe.jpg',
				),
			}
		: {
				src: requiredText(
					context,
					'src',
					itemIndex,
					'URL',
					'an absolute URL, e.g. https://ik.imagekit.io/your_id/shoe.jpg',
				),
			};
}

/** The Transformation field, checked by the table's rules; its errors name the field. */
function transformationString(context: IExecuteFunctions, itemIndex: number): string {
	const chain = String(context.getNodeParameter('transformation', itemIndex, '') ?? '').trim();
	if (!chain) return chain;
	try {
		return checkedTransformationString(chain);
	} catch (error) {
		if (!(error instanceof ImageKitInputError))
			throw toNodeError(context.getNode(), error, itemIndex);
		const message =
			error instanceof ImageKitTransformationValueError
				? `'Transformation' has ${error.code}${error.value ? '-' + error.value : ''}: give ${error.code} (${labelOf(error.transformation)}) ${error.expected}`
				: error.message.replace("'transformation'", "'Transformation'");
		throw new NodeOperationError(context.getNode(), message, {
			itemIndex,
			description: 'Use Raw Transformation in Options for a parameter this node does not check yet',
		});
	}
}

/** The client's words for the steps field, made the node's: a value error names its own field. */
function stepsError(context: IExecuteFunctions, itemIndex: number, error: unknown): Error {
	if (error instanceof ImageKitTransformationValueError) {
		return new NodeOperationError(
			context.getNode(),
			`'${labelOf(error.transformation)}' cannot be '${error.value}': give ${error.expected}`,
			{ itemIndex, description: `In step ${error.step ?? 1} of Transformation Steps` },
		);
	}
	if (error instanceof ImageKitInputError && error.field === 'transformation') {
		return new NodeOperationError(
			context.getNode(),
			error.message.replace("'transformation'", "'Transformation Steps'"),
			{ itemIndex },
		);
	}
	return toNodeError(context.getNode(), error, itemIndex);
}

/**
 * The whole transformation chain of an item, checked: the Transformation field, then the steps,
 * then Raw Transformation as is. Built once here, so the URL builder takes it as it is and the
 * output can show it.
 */
function transformationChain(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): string {
	const parts: string[] = [];
	const chain = transformationString(context, itemIndex);
	if (chain) parts.push(chain);
	try {
		const steps = buildTransformationString(
			stepsFromParameters(context.getNodeParameter('steps', itemIndex, {}) as IDataObject),
		);
		if (steps) parts.push(steps);
	} catch (error) {
		throw stepsError(context, itemIndex, error);
	}
	const raw = String(options.rawTransformation ?? '').trim();
	if (raw) parts.push(raw);
	return parts.join(':');
}

/** The chain `urlOptionsFrom` built, e.g. for the output. */
export function transformationOf(options: UrlOptions): string {
	return String(options.transformation?.[0]?.raw ?? '');
}

/** The parameters `urlOptionsFrom` reads. */
const URL_OPTION_PARAMETERS = ['transformation', 'steps', 'options'];

/**
 * The Transformation field, the Transformation Steps and the Options collection, as `url()` options;
 * read and built once per run when none of them holds an expression. The result is shared: copy it
 * to change it.
 */
export function urlOptionsFrom(context: IExecuteFunctions, itemIndex: number): UrlOptions {
	return sameForEveryItem(context, 'urlOptions', URL_OPTION_PARAMETERS, () =>
		readUrlOptions(context, itemIndex),
	);
}

function readUrlOptions(context: IExecuteFunctions, itemIndex: number): UrlOptions {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const chain = transformationChain(context, itemIndex, options);
	const transformation: TransformationStep[] = chain ? [{ raw: chain }] : [];

	const queryParameters: Record<string, string> = {};
	for (const parameter of ((options.queryParameters as IDataObject | undefined)?.parameter ??
		[]) as IDataObject[]) {
		const name = String(parameter.name ?? '').trim();
		if (name) queryParameters[name] = String(parameter.value ?? '');
	}
	return {
		transformation,
		queryParameters,
		transformationPosition:
			(options.transformationPosition as UrlOptions['transformationPosition']) ?? 'path',
		// Never false: an expiry signs the URL whether or not Signed is on, as its description says.
		signed: options.signed === true || undefined,
		expireSeconds: options.expireSeconds as UrlOptions['expireSeconds'],
		urlEndpoint: String(options.urlEndpoint ?? '').trim() || undefined,
	};
}

/** A path needs an endpoint to be put under: the option's or the credential's. */
function assertUrlEndpoint(
	context: IExecuteFunctions,
	itemIndex: number,
	options: UrlOptions,
	client: ImageKit,
): void {
	if (options.path === undefined || options.urlEndpoint || client.urlEndpoint) return;
	throw inputError(
		context.getNode(),
		itemIndex,
		'No URL endpoint to build the URL on',
		"fill 'URL Endpoint' in the ImageKit credential (e.g. https://ik.imagekit.io/your_id), or set the URL Endpoint option",
	);
}

/** Field labels by table name and layer field (their shared names, e.g. x, have the same label). */
const FIELD_TEXT: Record<string, { displayName: string } | undefined> = {
	...LAYER_PLACEMENT_TEXT,
	...TRANSFORMATION_TEXT,
};

/** The field label of a name; names the node does not show (seed names) stay as they are. */
function labelOf(name: string): string {
	return FIELD_TEXT[name]?.displayName ?? name;
}

/** The node's labels of the client's URL options, for its input errors. */
const URL_OPTION_LABELS: Record<string, string> = {
	path: 'Path',
	src: 'URL',
	urlEndpoint: 'URL Endpoint',
	transformation: 'Transformation Steps',
	transformationPosition: 'Transformation Position',
	queryParameters: 'Query Parameters',
	expireSeconds: 'Expires In (Seconds)',
	width: 'Width',
	sizes: 'Sizes',
	deviceBreakpoints: 'Device Breakpoints',
	imageBreakpoints: 'Image Breakpoints',
};

/**
 * Runs a URL build of the client with these options, turning its input errors (`'path' climbs …`)
 * into errors that name the node's field (`'Path' climbs …`).
 */
export function buildWithFieldLabels<T>(
	context: IExecuteFunctions,
	itemIndex: number,
	options: UrlOptions,
	client: ImageKit,
	build: () => T,
): T {
	assertUrlEndpoint(context, itemIndex, options, client);
	try {
		return build();
	} catch (error) {
		if (!(error instanceof ImageKitInputError) || !(error.field in URL_OPTION_LABELS)) {
			throw toNodeError(context.getNode(), error, itemIndex);
		}
		const fromCredential = error.field === 'urlEndpoint' && !options.urlEndpoint;
		throw new NodeOperationError(
			context.getNode(),
			error.message.replace(`'${error.field}'`, `'${URL_OPTION_LABELS[error.field]}'`),
			{
				itemIndex,
				description: fromCredential
					? 'This URL endpoint comes from the ImageKit credential: correct it there, or set the URL Endpoint option.'
					: undefined,
			},
		);
	}
}
