import { badRequest } from '../errors';
import type { Route, RouteContext } from '../router';
import { jsonObjectBody } from './file-fields';

/** Any URL under the account's URL endpoint, including a trailing `*` wildcard, may be purged. */
function isPurgeableUrl(url: unknown, urlEndpoint: string): url is string {
	return (
		typeof url === 'string' &&
		URL.canParse(url) &&
		(url === urlEndpoint || url.startsWith(`${urlEndpoint}/`))
	);
}

function requestPurge({ body, state }: RouteContext) {
	const { url } = jsonObjectBody(body);
	if (!isPurgeableUrl(url, state.config.urlEndpoint))
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
