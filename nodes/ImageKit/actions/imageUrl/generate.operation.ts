import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit, UrlOptions } from '../../client';
import { itemsFor, sameForEveryItem } from '../../helpers/parameters';
import { transformationStepsProperties } from '../../helpers/transformationFields';
import {
	buildWithFieldLabels,
	transformationOf,
	transformationStringProperty,
	URL_SOURCE_OPTIONS,
	urlLocation,
	urlLocationProperties,
	urlOptionFields,
	urlOptionsFrom,
} from '../../helpers/urlFields';
import { toolDescription } from '../../helpers/toolDescription';

const properties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: URL_SOURCE_OPTIONS,
		default: 'path',
	},
	...urlLocationProperties,
	transformationStringProperty,
	...transformationStepsProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: urlOptionFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['imageUrl'], operation: ['generate'] } },
	[
		toolDescription(
			"Builds an ImageKit delivery URL; no API call is made. Inputs: Path under the URL endpoint (e.g. /shoes/red.jpg) or a full URL, and optionally a transformation in ImageKit's syntax, e.g. w-300,h-200 or w-400,q-80:rt-90 (steps joined by colons), Signed, and Expires In (seconds). Returns url, and transformation: the chain the URL carries.",
		),
		...properties,
	],
);

/** Everything Generate reads; when none holds an expression, every item gets the same URL. */
const PARAMETERS = ['source', 'path', 'src', 'transformation', 'steps', 'options'];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const urlOptions: UrlOptions = sameForEveryItem(this, 'generateOptions', PARAMETERS, () => ({
		...urlLocation(this, itemIndex, this.getNodeParameter('source', itemIndex) as 'path' | 'url'),
		...urlOptionsFrom(this, itemIndex),
	}));
	const build = () =>
		buildWithFieldLabels(this, itemIndex, urlOptions, client, () => client.url(urlOptions));
	// An expiring URL depends on the time it is made at.
	const url = urlOptions.expireSeconds ? build() : sameForEveryItem(this, 'url', PARAMETERS, build);
	const transformation = transformationOf(urlOptions);
	if (itemIndex === 0 && transformation) {
		// Shown above the output after a run: the chain the steps make, step by step.
		this.addExecutionHints({
			message: `Transformation chain: ${transformation} (each ":" starts the next step)`,
			location: 'outputPane',
		});
	}
	return itemsFor(this, { url, transformation }, itemIndex);
}
