import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { FileFilters, ListFiles, WatchedField } from './cursor';
import { initialCursor, matchingFilesQuery, readFilesSince, storedCursor } from './cursor';
import { toNodeError } from '../ImageKit/helpers/errors';
import { fileTypeFilter, tagsFilter } from '../ImageKit/helpers/fileFilterFields';
import { folderPathProperty, locatorText } from '../ImageKit/helpers/locators';
import { toList } from '../ImageKit/helpers/parameters';
import { searchFolders } from '../ImageKit/methods/listSearch';
import { CREDENTIAL_TYPE, createClient } from '../ImageKit/transport';

const WATCHED_FIELD: Record<string, WatchedField> = {
	fileCreated: 'createdAt',
	fileUpdated: 'updatedAt',
};

function filtersOf(context: IPollFunctions): FileFilters {
	const filters = context.getNodeParameter('filters', {}) as IDataObject;
	return {
		folder: locatorText(context.getNodeParameter('folder', '')),
		includeSubfolders: context.getNodeParameter('includeSubfolders', false) as boolean,
		tags: toList(filters.tags),
		fileType: (filters.fileType as FileFilters['fileType'] | undefined) ?? 'all',
		searchQuery: (filters.searchQuery as string | undefined) ?? '',
	};
}

export class ImageKitFileTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ImageKit File Trigger',
		name: 'imageKitFileTrigger',
		icon: { light: 'file:../../icons/imagekit.svg', dark: 'file:../../icons/imagekit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "fileUpdated" ? "Updated files" : "New files"}}',
		description:
			'Starts the workflow when files are added to or changed in the ImageKit.io media library',
		defaults: { name: 'ImageKit File Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'File Created',
						value: 'fileCreated',
						description: 'A file is added to the media library',
					},
					{
						name: 'File Updated',
						value: 'fileUpdated',
						description: 'A file is added or its details change (tags, metadata, description…)',
					},
				],
				default: 'fileCreated',
			},
			folderPathProperty(
				{
					displayName: 'Folder',
					name: 'folder',
					description: 'Only files in this folder. Leave empty to watch the whole media library.',
				},
				{ required: false },
			),
			{
				displayName: 'Include Subfolders',
				name: 'includeSubfolders',
				type: 'boolean',
				default: false,
				description: 'Whether files in the folder’s subfolders count too',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					fileTypeFilter,
					{
						displayName: 'Search Query',
						name: 'searchQuery',
						type: 'string',
						default: '',
						placeholder: 'format = "png" AND size > "100kb"',
						description: 'ImageKit search expression the files must match as well',
					},
					tagsFilter,
				],
			},
		],
	};

	methods = { listSearch: { searchFolders } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const field = WATCHED_FIELD[this.getNodeParameter('event', 'fileCreated') as string];
		const filters = filtersOf(this);
		const client = await createClient(this);
		const listFiles: ListFiles = async (options) => await client.listFiles(options);
		try {
			if (this.getMode() === 'manual') {
				const [newest] = await listFiles({
					...matchingFilesQuery(filters, field, 'DESC'),
					limit: 1,
				});
				if (!newest) {
					throw new NodeOperationError(
						this.getNode(),
						'No file in ImageKit matches this trigger yet: upload a matching file, or widen the folder and filters, then fetch again',
					);
				}
				return [this.helpers.returnJsonArray([newest as IDataObject])];
			}

			const staticData = this.getWorkflowStaticData('node');
			const cursor = storedCursor(staticData.cursor);
			if (cursor?.field !== field) {
				staticData.cursor = await initialCursor(listFiles, filters, field);
				return null;
			}
			const result = await readFilesSince(listFiles, filters, cursor);
			// Committed only once every page was read: a failed poll leaves the cursor as it was.
			staticData.cursor = result.cursor;
			return result.files.length
				? [this.helpers.returnJsonArray(result.files as IDataObject[])]
				: null;
		} catch (error) {
			throw toNodeError(this.getNode(), error, 0);
		}
	}
}
