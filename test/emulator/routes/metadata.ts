import { ApiError, badRequest } from '../errors';
import type { Route, RouteContext } from '../router';
import type { StoredFile } from '../state';
import { metadataView } from '../views';
import { requireFile } from './file-fields';

const FILE_NOT_FOUND = 'The requested file does not exist or is inaccessible at this time.';
const NOT_FROM_ACCOUNT = 'The url should be accessible using your ImageKit.io account.';

function metadataResponse(file: StoredFile) {
	const metadata = metadataView(file);
	if (!metadata) throw badRequest('The requested file is corrupt or invalid.');
	return { status: 200, body: metadata };
}

/**
 * The file a delivery URL points at: the path after the URL endpoint, without a leading
 * `tr:...` transformation segment or the query.
 */
function filePathOf(url: string, urlEndpoint: string): string | undefined {
	if (!URL.canParse(url) || !url.startsWith(`${urlEndpoint}/`)) return undefined;
	const path = url
		.slice(urlEndpoint.length)
		.split(/[?#]/)[0]
		.replace(/^\/tr:[^/]*/, '');
	try {
		return decodeURIComponent(path);
	} catch {
		return undefined;
	}
}

function metadataOfUrl({ query, state }: RouteContext) {
	const filePath = filePathOf(query.get('url') ?? '', state.config.urlEndpoint);
	if (filePath === undefined) throw badRequest(NOT_FROM_ACCOUNT);
	const file = state.fileAtPath(filePath);
	if (!file) throw new ApiError(404, FILE_NOT_FOUND);
	return metadataResponse(file);
}

export const metadataRoutes: Route[] = [
	{
		method: 'GET',
		path: '/v1/files/:fileId/metadata',
		handle: ({ params, state }) =>
			metadataResponse(requireFile(state, params.fileId, FILE_NOT_FOUND)),
	},
	{ method: 'GET', path: '/v1/metadata', handle: metadataOfUrl },
];
