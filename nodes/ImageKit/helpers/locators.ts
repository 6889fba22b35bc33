// The resource locators of files and folders (list, URL, ID or path) and their reading.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ImageKit } from '../client';
import { allOf, where } from '../client';
import { inputError } from './errors';

const FILE_ID_EXAMPLE =
	'the ID of the file, e.g. 598821f949c0a938d57563bd (the fileId field of an upload or list result)';

/** A file picked from the media library, by its delivery URL, or by ID. */
export const fileIdProperty: INodeProperties = {
	displayName: 'File',
	name: 'fileId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The file to act on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Search by file name…',
			typeOptions: { searchListMethod: 'searchFiles', searchable: true },
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'https://ik.imagekit.io/your_id/products/shoe.jpg',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^https?://.+/.+',
						errorMessage: 'Enter the URL of a file, e.g. https://ik.imagekit.io/your_id/shoe.jpg',
					},
				},
			],
		},
		{ displayName: 'ID', name: 'id', type: 'string', placeholder: '598821f949c0a938d57563bd' },
	],
};

/**
 * A folder picked from the media library or typed as a path. `defaultPath` pre-fills it (`/` for the
 * root); an optional picker left empty means "no folder" to the operation.
 */
export function folderPathProperty(
	field: Pick<INodeProperties, 'displayName' | 'name' | 'description'>,
	{ required = true, defaultPath = '' }: { required?: boolean; defaultPath?: string } = {},
): INodeProperties {
	return {
		...field,
		type: 'resourceLocator',
		default: { mode: 'list', value: defaultPath },
		required,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Search by folder name…',
				typeOptions: { searchListMethod: 'searchFolders', searchable: true },
			},
			{ displayName: 'Path', name: 'path', type: 'string', placeholder: '/products/shoes/' },
		],
	};
}

/**
 * The text a locator holds, in any mode; also a plain string, as workflows saved before a field
 * became a picker hold it.
 */
export function locatorText(value: unknown): string {
	const inner =
		typeof value === 'object' && value !== null && 'value' in value
			? (value as { value: unknown }).value
			: value;
	return typeof inner === 'string' || typeof inner === 'number' ? String(inner).trim() : '';
}

/** A folder path with one leading and one trailing slash (`/` is the root). */
export function normalizedFolderPath(text: string): string {
	const segments = text.split('/').filter((segment) => segment !== '');
	return segments.length ? `/${segments.join('/')}/` : '/';
}

/** The path of a file under the account's URL endpoint, from its delivery URL. */
function filePathFromUrl(fileUrl: URL, urlEndpoint: string | undefined): string {
	const endpoint = urlEndpoint ? new URL(urlEndpoint) : undefined;
	let segments = fileUrl.pathname.split('/').filter((segment) => segment !== '');
	if (endpoint?.host === fileUrl.host) {
		const endpointSegments = endpoint.pathname.split('/').filter((segment) => segment !== '');
		segments = segments.slice(endpointSegments.length);
	} else if (fileUrl.hostname === 'ik.imagekit.io') {
		segments = segments.slice(1); // the ImageKit ID
	}
	// A transformation in the path (`tr:w-300`) is not part of the file's path.
	if (segments[0]?.startsWith('tr:')) segments = segments.slice(1);
	return `/${segments.map((segment) => decodeURIComponent(segment)).join('/')}`;
}

/** The file a delivery URL points at, found by name and folder in the media library. */
async function fileIdOfUrl(
	context: IExecuteFunctions,
	client: ImageKit,
	itemIndex: number,
	url: string,
): Promise<string> {
	if (!URL.canParse(url)) {
		throw inputError(
			context.getNode(),
			itemIndex,
			`'File' is not a valid URL`,
			'enter the URL of a file, e.g. https://ik.imagekit.io/your_id/products/shoe.jpg',
		);
	}
	const filePath = filePathFromUrl(new URL(url), client.urlEndpoint);
	const slash = filePath.lastIndexOf('/');
	const [folder, name] = [filePath.slice(0, slash + 1), filePath.slice(slash + 1)];
	const [file] = await client.listFiles({
		type: 'file',
		searchQuery: allOf(where('name', '=', name), where('path', '=', folder)),
		limit: 1,
	});
	if (!file) {
		throw inputError(
			context.getNode(),
			itemIndex,
			`No file at ${filePath} in the media library`,
			'check the URL, or pick the file from the list',
			`The URL ${url} was read as the path ${filePath}.`,
		);
	}
	return file.fileId;
}

/** The file ID of the "File" field in any mode; a URL is looked up in the media library. */
export async function fileIdFrom(
	context: IExecuteFunctions,
	client: ImageKit,
	itemIndex: number,
): Promise<string> {
	const { mode } = context.getNodeParameter('fileId', itemIndex) as { mode: string };
	const value = context.getNodeParameter('fileId', itemIndex, undefined, {
		extractValue: true,
	}) as unknown;
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!text) {
		throw inputError(
			context.getNode(),
			itemIndex,
			`'File' is empty`,
			`pick a file from the list, or enter its URL or ${FILE_ID_EXAMPLE}`,
		);
	}
	return mode === 'url' ? await fileIdOfUrl(context, client, itemIndex, text) : text;
}

/** A folder path from a required folder picker, with leading and trailing slash. */
export function folderPathFrom(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	const text = locatorText(context.getNodeParameter(name, itemIndex, ''));
	if (!text) {
		throw new NodeOperationError(
			context.getNode(),
			`'${label}' is empty: pick a folder from the list, or enter its path, e.g. /products/shoes/ (/ is the root)`,
			{ itemIndex },
		);
	}
	return normalizedFolderPath(text);
}
