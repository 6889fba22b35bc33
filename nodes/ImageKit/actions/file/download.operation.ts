import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import type { DownloadResponse, FileDetails, ImageKit, UrlOptions } from '../../client';
import { headerValue, ImageKitApiError } from '../../client';
import { readableOf } from '../../helpers/client';
import { toNodeError } from '../../helpers/errors';
import { TIMEOUT_FIELD } from '../../helpers/requestOptions';
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
import { fileIdFrom, fileIdProperty } from '../../helpers/locators';
import { sortedByDisplayName } from '../../helpers/sorting';
import { toolDescription } from '../../helpers/toolDescription';

const binaryPropertyField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	description: 'The name of the output binary field to put the file in',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'File in Media Library',
				value: 'file',
				description: 'A file picked from the list, by URL or by ID',
			},
			...URL_SOURCE_OPTIONS,
		],
		default: 'file',
	},
	{ ...fileIdProperty, displayOptions: { show: { source: ['file'] } } },
	...urlLocationProperties,
	transformationStringProperty,
	...transformationStepsProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: sortedByDisplayName([...urlOptionFields, binaryPropertyField]),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['download'] } },
	[
		toolDescription(
			"Downloads a file into the item's binary data: a stored file (by ID or URL), a path under the URL endpoint, or a full URL, optionally transformed. Returns url, transformation, fileName, mimeType and fileSize, with the bytes in the binary field.",
		),
		...properties,
	],
);

/** The account's URL endpoint as a file's own URL shows it, for when the credential has none. */
function endpointOf(details: FileDetails): string {
	const url = new URL(details.url);
	const path = url.pathname.slice(0, url.pathname.length - encodeURI(details.filePath).length);
	return `${url.origin}${path}`;
}

/**
 * The URL options plus where to download from: a stored file's URL as ImageKit gives it (signed
 * when private), or the path or URL given. The file's URL carries `?updatedAt=`: after an overwrite
 * the CDN may serve the old copy at the bare URL for up to a year (API.md §10; imagekit.io/docs/
 * cdn-caching-and-purging), so that query goes first, before any the user adds, and is signed too.
 */
async function downloadUrlOptions(
	context: IExecuteFunctions,
	client: ImageKit,
	itemIndex: number,
	urlOptions: UrlOptions,
): Promise<UrlOptions> {
	const source = context.getNodeParameter('source', itemIndex) as 'file' | 'path' | 'url';
	if (source !== 'file') return { ...urlOptions, ...urlLocation(context, itemIndex, source) };
	const details = await client.getFileDetails(await fileIdFrom(context, client, itemIndex));
	return {
		...urlOptions,
		path: details.filePath,
		queryParameters: {
			...Object.fromEntries(new URL(details.url).searchParams),
			...urlOptions.queryParameters,
		},
		urlEndpoint: urlOptions.urlEndpoint ?? client.urlEndpoint ?? endpointOf(details),
		signed: urlOptions.signed || details.isPrivateFile,
	};
}

/** The name from Content-Disposition, else the last segment of the URL's path. */
function fileNameOf(download: DownloadResponse, url: string): string {
	const disposition = headerValue(download.headers, 'content-disposition') ?? '';
	const encoded = /filename\*\s*=\s*[^']*''([^;]+)/i.exec(disposition)?.[1];
	if (encoded) return decodeURIComponent(encoded.trim());
	const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1];
	if (plain) return plain.trim();
	const segments = new URL(url).pathname.split('/');
	return decodeURIComponent(segments[segments.length - 1] || 'file');
}

/** What to do when the CDN refuses a download, by status. */
const FAILURE_FIXES: Record<number, string> = {
	401: 'the URL endpoint only serves signed URLs, so turn on the Signed option',
	403: 'the file is private, the URL endpoint needs signed URLs, or the signature expired: turn on the Signed option',
	404: 'check the path, and that the file is published',
};

/** The CDN's refusal, with what to do about it. */
function failure(
	context: IExecuteFunctions,
	status: number,
	url: string,
	itemIndex: number,
): NodeApiError {
	const { pathname } = new URL(url);
	return new NodeApiError(
		context.getNode(),
		{ status },
		{
			itemIndex,
			httpCode: String(status),
			message: `Downloading ${pathname} failed: ImageKit answered HTTP ${status}: ${
				FAILURE_FIXES[status] ?? 'try again later'
			}`,
		},
	);
}

/** Opens the URL through the client; a refusal (4xx, or a 5xx retried in vain) names the path. */
async function open(
	context: IExecuteFunctions,
	client: ImageKit,
	url: string,
	itemIndex: number,
): Promise<DownloadResponse> {
	try {
		return await client.download(url);
	} catch (error) {
		if (error instanceof ImageKitApiError && error.status >= 400) {
			throw failure(context, error.status, url, itemIndex);
		}
		throw toNodeError(context.getNode(), error, itemIndex, TIMEOUT_FIELD);
	}
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const urlOptions = urlOptionsFrom(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const binaryPropertyName = String(options.binaryPropertyName ?? '').trim() || 'data';
	const fullOptions = await downloadUrlOptions(this, client, itemIndex, urlOptions);
	const url = buildWithFieldLabels(this, itemIndex, fullOptions, client, () =>
		client.url(fullOptions),
	);

	const download = await open(this, client, url, itemIndex);
	const fileName = fileNameOf(download, url);
	const mimeType = headerValue(download.headers, 'content-type')?.split(';')[0].trim() || undefined;
	const binary = await this.helpers.prepareBinaryData(
		readableOf(download.body),
		fileName,
		mimeType,
	);
	return [
		{
			json: {
				url,
				transformation: transformationOf(urlOptions),
				fileName,
				mimeType: binary.mimeType,
				fileSize: binary.fileSize,
			},
			binary: { [binaryPropertyName]: binary },
			pairedItem: { item: itemIndex },
		},
	];
}
