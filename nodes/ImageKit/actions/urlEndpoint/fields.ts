import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { UrlEndpointRequest, UrlRewriter } from '../../client';
import { MAX_URL_ENDPOINT_ORIGINS } from '../../client';
import { requiredText } from '../../helpers/parameters';
import { inputError } from '../../helpers/errors';

export const URL_ENDPOINT_ID_EXAMPLE = 'a URL endpoint ID from URL Endpoint → Get Many, or default';

export const urlEndpointIdProperty: INodeProperties = {
	displayName: 'URL Endpoint Name or ID',
	name: 'urlEndpointId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUrlEndpoints' },
	default: '',
	required: true,
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** The whole URL endpoint; an update replaces the stored one with it. */
export const urlEndpointProperties: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Product images from S3',
		description: 'What the endpoint serves, up to 1,000 characters',
	},
	{
		displayName: 'URL Prefix',
		name: 'urlPrefix',
		type: 'string',
		default: '',
		placeholder: 'product-images',
		description:
			'Path segment after your ImageKit ID in delivery URLs: letters, digits and hyphens. Only the default endpoint has none.',
	},
	{
		displayName: 'Origins',
		name: 'origins',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Origin',
		description: 'Up to 10 origins, tried in this order for files not in the media library',
		options: [
			{
				displayName: 'Origin',
				name: 'origin',
				values: [
					{
						displayName: 'Origin Name or ID',
						name: 'id',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getOrigins' },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
				],
			},
		],
	},
	{
		displayName: 'URL Rewriter',
		name: 'urlRewriter',
		type: 'options',
		options: [
			{ name: 'Akamai', value: 'AKAMAI' },
			{ name: 'Cloudinary', value: 'CLOUDINARY' },
			{ name: 'Imgix', value: 'IMGIX' },
			{ name: 'None', value: 'none' },
		],
		default: 'none',
		description: 'Accept URLs in another service’s format, to migrate without changing them',
	},
	{
		displayName: 'Preserve Asset Delivery Types',
		name: 'preserveAssetDeliveryTypes',
		type: 'boolean',
		default: false,
		displayOptions: { show: { urlRewriter: ['CLOUDINARY'] } },
		description: 'Whether to keep &lt;asset_type&gt;/&lt;delivery_type&gt; in the rewritten URL',
	},
];

export function urlEndpointFromParameters(
	context: IExecuteFunctions,
	itemIndex: number,
): UrlEndpointRequest {
	const entries = ((context.getNodeParameter('origins', itemIndex, {}) as IDataObject).origin ??
		[]) as IDataObject[];
	const origins = entries.map((entry) => String(entry.id ?? '').trim()).filter((id) => id !== '');
	if (origins.length > MAX_URL_ENDPOINT_ORIGINS) {
		throw inputError(
			context.getNode(),
			itemIndex,
			`'Origins' holds ${origins.length} origins`,
			`remove ${origins.length - MAX_URL_ENDPOINT_ORIGINS}, as ImageKit tries at most ${MAX_URL_ENDPOINT_ORIGINS} origins per URL endpoint`,
		);
	}
	const rewriterType = context.getNodeParameter('urlRewriter', itemIndex, 'none') as
		UrlRewriter['type'] | 'none';
	const endpoint: UrlEndpointRequest = {
		description: requiredText(
			context,
			'description',
			itemIndex,
			'Description',
			'what the endpoint serves',
		),
		urlPrefix: String(context.getNodeParameter('urlPrefix', itemIndex, '')).trim(),
		origins,
	};
	if (rewriterType === 'CLOUDINARY') {
		const preserve = context.getNodeParameter(
			'preserveAssetDeliveryTypes',
			itemIndex,
			false,
		) as boolean;
		endpoint.urlRewriter = { type: 'CLOUDINARY', preserveAssetDeliveryTypes: preserve };
	} else if (rewriterType !== 'none') {
		endpoint.urlRewriter = { type: rewriterType };
	}
	return endpoint;
}
