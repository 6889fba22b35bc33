import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { allOf, where } from '../client';
import { createClient } from '../helpers/client';

/** Results per page of the lists shown while the user types. */
const PAGE_SIZE = 50;

/** The next page's token (the number of results to skip) when this page was full. */
function nextPage(skip: number, received: number): string | undefined {
	return received === PAGE_SIZE ? String(skip + PAGE_SIZE) : undefined;
}

/** Files whose name starts with what the user typed, newest first. */
export async function searchFiles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await createClient(this);
	const skip = Number(paginationToken ?? 0);
	const files = await client.listFiles({
		type: 'file',
		sort: 'DESC_CREATED',
		searchQuery: filter?.trim() ? where('name', ':', filter.trim()) : undefined,
		limit: PAGE_SIZE,
		skip,
	});
	return {
		results: files.map((file) => ({ name: file.filePath, value: file.fileId, url: file.url })),
		paginationToken: nextPage(skip, files.length),
	};
}

/** Folders whose name starts with what the user typed; the root comes first when nothing is typed. */
export async function searchFolders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await createClient(this);
	const skip = Number(paginationToken ?? 0);
	const byName = filter?.trim() ? where('name', ':', filter.trim()) : undefined;
	const folders = await client.listFiles({
		searchQuery: allOf(where('type', '=', 'folder'), byName),
		sort: 'ASC_NAME',
		limit: PAGE_SIZE,
		skip,
	});
	const results = folders.map((folder) => {
		const path = `${String(folder.folderPath)}/`;
		return { name: path, value: path };
	});
	if (skip === 0 && !byName) results.unshift({ name: '/ (Root)', value: '/' });
	return { results, paginationToken: nextPage(skip, folders.length) };
}
