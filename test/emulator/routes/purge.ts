import { badRequest } from '../errors';
import type { Route, RouteContext } from '../router';
import type { EmulatorBehaviour } from '../state';
import { jsonObjectBody } from './file-fields';

/**
 * A URL under the account's URL endpoint. A trailing `*` (the only place it may be) must follow a
 * path, after the endpoint, of two folder levels or 15 characters, or a file name with its
 * extension; media/catalog/* and s/files/* are never purged (docs.imagekit.io, API reference
 * "Purge cache" → Purge Cache for Multiple Files). `reading` answers what the docs leave open.
 */
function isPurgeableUrl(
	url: unknown,
	urlEndpoint: string,
	reading: EmulatorBehaviour['purgeWildcardReading'],
): url is string {
	if (typeof url !== 'string' || !URL.canParse(url)) return false;
	if (url !== urlEndpoint && !url.startsWith(`${urlEndpoint}/`)) return false;
	const star = url.indexOf('*');
	if (star === -1) return true;
	if (star !== url.length - 1) return false;
	const path = url.slice(urlEndpoint.length, -1); // with its leading "/"
	const strict = reading === 'strict';
	const bare = path.replace(/^\//, '');
	const refused = ['media/catalog/', 's/files/'].some((unsupported) =>
		strict ? `${bare}/`.startsWith(unsupported) : bare === unsupported,
	);
	if (refused) return false;
	const segments = bare.split('/');
	const levels = strict ? segments.filter((segment) => segment !== '').length : segments.length;
	const length = strict ? bare.length : path.length;
	const fileName = /^[^/]+\.[A-Za-z0-9]+$/.test(segments[segments.length - 1]);
	return levels >= 2 || length >= 15 || fileName;
}

function requestPurge({ body, state }: RouteContext) {
	const { url } = jsonObjectBody(body);
	const { urlEndpoint, behaviour } = state.config;
	if (!isPurgeableUrl(url, urlEndpoint, behaviour.purgeWildcardReading))
		throw badRequest('The URL is not valid for cache purging.');
	const requestId = state.nextId();
	state.purgeRequests.set(requestId, {
		requestId,
		url,
		pendingPollsLeft: state.config.purgePendingPolls,
	});
	return { status: 201, body: { requestId } };
}

/** A purge reports Pending for the configured number of polls, then Completed. */
function purgeStatus({ params, state }: RouteContext) {
	const purge = state.purgeRequests.get(params.requestId);
	if (!purge) throw badRequest('No request found for this requestId.');
	if (purge.pendingPollsLeft > 0) {
		purge.pendingPollsLeft -= 1;
		return { status: 200, body: { status: 'Pending' } };
	}
	return { status: 200, body: { status: 'Completed' } };
}

export const purgeRoutes: Route[] = [
	{ method: 'POST', path: '/v1/files/purge', handle: requestPurge },
	{ method: 'GET', path: '/v1/files/purge/:requestId', handle: purgeStatus },
];
