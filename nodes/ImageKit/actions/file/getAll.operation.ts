import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit, ListFilesOptions } from '../../client';
import { LIST_PAGE_LIMIT } from '../../client';
import { fileTypeFilter, tagsFilter } from '../../helpers/fileFilterFields';
import { returnAllOrLimitProperties } from '../../helpers/getManyFields';
import { itemsFor, toList } from '../../helpers/parameters';
import { toolDescription } from '../../helpers/toolDescription';

const SORT_FIELDS = ['Created', 'Height', 'Name', 'Relevance', 'Size', 'Updated', 'Width'];

const properties: INodeProperties[] = [
	...returnAllOrLimitProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			fileTypeFilter,
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Exact file or folder name to match (case-sensitive)',
			},
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: '',
				placeholder: '/products/',
				description: 'Folder to list, without its subfolders',
			},
			{
				displayName: 'Search Query',
				name: 'searchQuery',
				type: 'string',
				default: '',
				placeholder: 'createdAt > "7d" AND tags IN ["sale"]',
				description:
					'ImageKit search expression, ANDed with the other filters (Tags, Name and Type are sent inside it)',
			},
			{
				displayName: 'Sort',
				name: 'sort',
				type: 'options',
				options: SORT_FIELDS.flatMap((field) => [
					{ name: `${field} (Ascending)`, value: `ASC_${field.toUpperCase()}` },
					{ name: `${field} (Descending)`, value: `DESC_${field.toUpperCase()}` },
				]),
				default: 'ASC_CREATED',
			},
			tagsFilter,
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'All (Files and Folders)', value: 'all' },
					{ name: 'File', value: 'file' },
					{ name: 'File Version', value: 'file-version' },
					{ name: 'Folder', value: 'folder' },
				],
				default: 'file',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['getAll'] } },
	[
		toolDescription(
			'Lists or searches files in the media library. Useful inputs: Search Query in ImageKit\'s syntax (e.g. name = "shoe.jpg", tags IN ["sale"], createdAt > "7d"), Path for one folder, Tags, Name, File Type, Sort, and Return All or Limit. Returns one item per file with fileId, name, filePath, url, tags and dates.',
		),
		...properties,
	],
);

function listOptions(filters: IDataObject): ListFilesOptions {
	const options: ListFilesOptions = {};
	for (const key of ['fileType', 'name', 'path', 'searchQuery', 'sort', 'type'] as const) {
		const value = typeof filters[key] === 'string' ? (filters[key] as string).trim() : '';
		if (value) (options as Record<string, string>)[key] = value;
	}
	const tags = toList(filters.tags);
	if (tags.length) options.tags = tags;
	return options;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const wanted = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
	const options = listOptions(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	const files: IDataObject[] = [];
	// ImageKit pages with skip/limit; a short page means the end.
	while (files.length < wanted) {
		const pageSize = Math.min(LIST_PAGE_LIMIT, wanted - files.length);
		const page = await client.listFiles({ ...options, skip: files.length, limit: pageSize });
		files.push(...(page as IDataObject[]));
		if (page.length < pageSize) break;
	}
	return itemsFor(this, files, itemIndex);
}
