import { ApiError, badRequest } from '../errors';
import type { Route, RouteContext } from '../router';
import type {
	EmulatorState,
	StoredOrigin,
	StoredSavedExtension,
	StoredUrlEndpoint,
} from '../state';
import { DEFAULT_URL_ENDPOINT_ID } from '../state';
import { extensionProblem } from './extensions';
import { isPlainObject, jsonObjectBody } from './file-fields';

/** Account usage, origins, URL endpoints and saved extensions (API.md §3.16, §3.18, §3.20). */

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_USAGE_RANGE_DAYS = 90;
/** Deterministic usage: this much bandwidth per day of the range. */
const BANDWIDTH_BYTES_PER_DAY = 1_000_000;
const MAX_SAVED_EXTENSIONS = 100;

// ---- Usage

function usageDate(value: string | null): number {
	if (
		!value ||
		!/^\d{4}-\d{2}-\d{2}$/.test(value) ||
		Number.isNaN(Date.parse(`${value}T00:00:00Z`))
	) {
		throw badRequest('startDate and endDate should be in format YYYY-MM-DD.');
	}
	return Date.parse(`${value}T00:00:00Z`);
}

/** Bandwidth grows with the range; storage and extension units come from what the account holds. */
function getUsage({ query, state }: RouteContext) {
	if (!query.get('startDate') || !query.get('endDate')) {
		throw badRequest('startDate and endDate are required in query parameters.');
	}
	const start = usageDate(query.get('startDate'));
	const end = usageDate(query.get('endDate'));
	if (start >= end) throw badRequest('startDate should be before endDate.');
	const days = (end - start) / DAY_MS;
	if (days >= MAX_USAGE_RANGE_DAYS)
		throw badRequest('startDate and endDate should be within 90 days.');
	const files = Array.from(state.files.values());
	return {
		status: 200,
		body: {
			bandwidthBytes: days * BANDWIDTH_BYTES_PER_DAY,
			mediaLibraryStorageBytes: files.reduce((total, file) => total + file.content.size, 0),
			videoProcessingUnitsCount: 0,
			extensionUnitsCount: files.reduce((total, file) => total + file.extensions.length, 0),
			originalCacheStorageBytes: 0,
		},
	};
}

// ---- Origins

interface OriginTypeSpec {
	required: string[];
	/** Optional fields with the default the API stores. */
	defaults: Record<string, unknown>;
	/** Accepted but never answered. */
	secrets: string[];
}

const S3_LIKE: OriginTypeSpec = {
	required: ['bucket', 'accessKey', 'secretKey'],
	defaults: { prefix: '', useIAMRole: false },
	secrets: ['accessKey', 'secretKey'],
};

const ORIGIN_TYPES: Record<string, OriginTypeSpec> = {
	S3: S3_LIKE,
	S3_COMPATIBLE: {
		required: ['bucket', 'accessKey', 'secretKey', 'endpoint'],
		defaults: { prefix: '', s3ForcePathStyle: false },
		secrets: ['accessKey', 'secretKey'],
	},
	CLOUDINARY_BACKUP: S3_LIKE,
	WEB_FOLDER: {
		required: ['baseUrl'],
		defaults: { forwardHostHeaderToOrigin: false },
		secrets: [],
	},
	WEB_PROXY: { required: [], defaults: {}, secrets: [] },
	GCS: {
		required: ['bucket', 'clientEmail', 'privateKey'],
		defaults: { prefix: '' },
		secrets: ['privateKey'],
	},
	AZURE_BLOB: {
		required: ['container', 'accountName', 'sasToken'],
		defaults: { prefix: '' },
		secrets: ['sasToken'],
	},
	AKENEO_PIM: {
		required: ['baseUrl', 'clientId', 'clientSecret', 'username', 'password'],
		defaults: {},
		secrets: ['clientId', 'clientSecret', 'username', 'password'],
	},
};
const COMMON_ORIGIN_FIELDS = [
	'name',
	'type',
	'includeCanonicalHeader',
	'baseUrlForCanonicalHeader',
];

function originFields(json: Record<string, unknown>): Record<string, unknown> {
	const spec = ORIGIN_TYPES[json.type as string];
	if (!spec) {
		throw badRequest(
			`Invalid origin type. Must be one of ${Object.keys(ORIGIN_TYPES).join(', ')}.`,
		);
	}
	const known = [...COMMON_ORIGIN_FIELDS, ...spec.required, ...Object.keys(spec.defaults)];
	const unknown = Object.keys(json).find((key) => !known.includes(key));
	if (unknown)
		throw badRequest(`"${unknown}" is not allowed for origin type ${json.type as string}.`);
	if (typeof json.name !== 'string' || !/^[a-zA-Z0-9 ]{1,100}$/.test(json.name)) {
		throw badRequest('name must be 1 to 100 letters, digits or spaces.');
	}
	// useIAMRole sends empty keys on purpose; everything else required must be filled in.
	const emptyAllowed = json.useIAMRole === true ? ['accessKey', 'secretKey'] : [];
	const missing = spec.required.find(
		(key) =>
			typeof json[key] !== 'string' ||
			((json[key] as string) === '' && !emptyAllowed.includes(key)),
	);
	if (missing) throw badRequest(`${missing} is required.`);
	for (const key of ['baseUrl', 'endpoint', 'baseUrlForCanonicalHeader']) {
		if (
			json[key] !== undefined &&
			(typeof json[key] !== 'string' || !URL.canParse(json[key] as string))
		) {
			throw badRequest(`${key} must be a valid URI.`);
		}
	}
	return { includeCanonicalHeader: false, ...spec.defaults, ...json };
}

function originView(origin: StoredOrigin) {
	const { secrets } = ORIGIN_TYPES[origin.fields.type as string];
	const visible = Object.entries(origin.fields).filter(([key]) => !secrets.includes(key));
	return { ...Object.fromEntries(visible), id: origin.id };
}

function requireOrigin(state: EmulatorState, id: string): StoredOrigin {
	const origin = state.origins.get(id);
	if (!origin) throw new ApiError(404, 'Origin not found.');
	return origin;
}

function createOrigin({ body, state }: RouteContext) {
	const origin = { id: state.nextId(), fields: originFields(jsonObjectBody(body)) };
	state.origins.set(origin.id, origin);
	return { status: 201, body: originView(origin) };
}

function replaceOrigin({ body, params, state }: RouteContext) {
	const origin = requireOrigin(state, params.id);
	origin.fields = originFields(jsonObjectBody(body));
	return { status: 200, body: originView(origin) };
}

// API.md says a delete fails while a URL endpoint uses the origin, but the spec declares no status
// for it, so the emulator deletes and leaves the reference.
function deleteOrigin({ params, state }: RouteContext) {
	requireOrigin(state, params.id);
	state.origins.delete(params.id);
	return { status: 204 };
}

// ---- URL endpoints

const URL_REWRITERS: Record<string, string[]> = {
	CLOUDINARY: ['type', 'preserveAssetDeliveryTypes'],
	IMGIX: ['type'],
	AKAMAI: ['type'],
};

function urlEndpointFields(state: EmulatorState, json: Record<string, unknown>, id: string) {
	const { description, urlPrefix = '', origins = [], urlRewriter } = json;
	const unknown = Object.keys(json).find(
		(key) => !['description', 'urlPrefix', 'origins', 'urlRewriter'].includes(key),
	);
	if (unknown) throw badRequest(`"${unknown}" is not allowed.`);
	if (typeof description !== 'string' || description === '')
		throw badRequest('description is required');
	if (description.length > 1000) throw badRequest('description must be at most 1000 characters');
	if (typeof urlPrefix !== 'string') throw badRequest('urlPrefix must be a string');
	if (urlPrefix === '' && id !== DEFAULT_URL_ENDPOINT_ID) {
		throw badRequest(
			'urlPrefix cannot be empty string. This is reserved for the default URL-endpoint.',
		);
	}
	if (!/^[a-zA-Z0-9-]{0,100}$/.test(urlPrefix)) {
		throw badRequest(
			'urlPrefix can contain only letters, digits and hyphens, up to 100 characters.',
		);
	}
	const taken = Array.from(state.urlEndpoints.values()).some(
		(other) => other.urlPrefix === urlPrefix && other.id !== id,
	);
	if (taken) throw badRequest('urlPrefix is already in use by another URL-endpoint.');
	if (
		!Array.isArray(origins) ||
		origins.length > 10 ||
		origins.some((origin) => typeof origin !== 'string')
	) {
		throw badRequest('origins must be an array of at most 10 origin ids.');
	}
	const missing = origins.find((origin: string) => !state.origins.has(origin));
	if (missing) throw badRequest(`Origin does not exists: ${missing}.`);
	if (urlRewriter !== undefined) {
		const allowed = isPlainObject(urlRewriter)
			? URL_REWRITERS[urlRewriter.type as string]
			: undefined;
		if (!allowed || Object.keys(urlRewriter as object).some((key) => !allowed.includes(key))) {
			throw badRequest(
				'urlRewriter must be {type: CLOUDINARY|IMGIX|AKAMAI} (CLOUDINARY may add preserveAssetDeliveryTypes).',
			);
		}
	}
	const rewriter = isPlainObject(urlRewriter)
		? urlRewriter.type === 'CLOUDINARY'
			? { preserveAssetDeliveryTypes: false, ...urlRewriter }
			: urlRewriter
		: undefined;
	return {
		id,
		description,
		urlPrefix,
		origins: origins as string[],
		...(rewriter && { urlRewriter: rewriter }),
	};
}

function requireUrlEndpoint(state: EmulatorState, id: string): StoredUrlEndpoint {
	const endpoint = state.urlEndpoints.get(id);
	if (!endpoint) throw new ApiError(404, 'URL-endpoint not found.');
	return endpoint;
}

function createUrlEndpoint({ body, state }: RouteContext) {
	const endpoint = urlEndpointFields(state, jsonObjectBody(body), state.nextId());
	state.urlEndpoints.set(endpoint.id, endpoint);
	return { status: 201, body: endpoint };
}

function replaceUrlEndpoint({ body, params, state }: RouteContext) {
	requireUrlEndpoint(state, params.id);
	const endpoint = urlEndpointFields(state, jsonObjectBody(body), params.id);
	state.urlEndpoints.set(endpoint.id, endpoint);
	return { status: 200, body: endpoint };
}

function deleteUrlEndpoint({ params, state }: RouteContext) {
	requireUrlEndpoint(state, params.id);
	if (params.id === DEFAULT_URL_ENDPOINT_ID)
		throw badRequest('Default URL-endpoint cannot be deleted.');
	state.urlEndpoints.delete(params.id);
	return { status: 204 };
}

// ---- Saved extensions

function savedExtensionView(extension: StoredSavedExtension) {
	return {
		...extension,
		createdAt: extension.createdAt.toISOString(),
		updatedAt: extension.updatedAt.toISOString(),
	};
}

function requireSavedExtension(state: EmulatorState, id: string): StoredSavedExtension {
	if (!/^ext_[0-9a-f]{24}$/.test(id)) throw badRequest('Invalid saved extension ID.');
	const extension = state.savedExtensions.get(id);
	if (!extension) throw new ApiError(404, 'The requested saved extension does not exist.');
	return extension;
}

/** The fields of a create (all required) or of a patch (any of them). */
function savedExtensionFields(json: Record<string, unknown>, complete: boolean) {
	const changes: Partial<Pick<StoredSavedExtension, 'name' | 'description' | 'config'>> = {};
	for (const key of ['name', 'description'] as const) {
		if (!complete && json[key] === undefined) continue;
		if (typeof json[key] !== 'string' || json[key] === '') throw badRequest(`${key} is required.`);
		changes[key] = json[key] as string;
	}
	if (complete || json.config !== undefined) {
		if (!isPlainObject(json.config) || extensionProblem(json.config, false)) {
			throw badRequest('Invalid extension configuration.');
		}
		changes.config = json.config;
	}
	return changes;
}

function createSavedExtension({ body, state }: RouteContext) {
	const fields = savedExtensionFields(jsonObjectBody(body), true) as Pick<
		StoredSavedExtension,
		'name' | 'description' | 'config'
	>;
	if (state.savedExtensions.size >= MAX_SAVED_EXTENSIONS) {
		throw badRequest(`You can create at most ${MAX_SAVED_EXTENSIONS} saved extensions.`);
	}
	const now = state.now();
	const extension = { id: `ext_${state.nextId()}`, ...fields, createdAt: now, updatedAt: now };
	state.savedExtensions.set(extension.id, extension);
	return { status: 201, body: savedExtensionView(extension) };
}

function updateSavedExtension({ body, params, state }: RouteContext) {
	const extension = requireSavedExtension(state, params.id);
	Object.assign(extension, savedExtensionFields(jsonObjectBody(body), false), {
		updatedAt: state.now(),
	});
	return { status: 200, body: savedExtensionView(extension) };
}

function deleteSavedExtension({ params, state }: RouteContext) {
	requireSavedExtension(state, params.id);
	state.savedExtensions.delete(params.id);
	return { status: 204 };
}

export const accountRoutes: Route[] = [
	{ method: 'GET', path: '/v1/accounts/usage', handle: getUsage },
	{
		method: 'GET',
		path: '/v1/accounts/origins',
		handle: ({ state }) => ({ status: 200, body: Array.from(state.origins.values(), originView) }),
	},
	{ method: 'POST', path: '/v1/accounts/origins', handle: createOrigin },
	{
		method: 'GET',
		path: '/v1/accounts/origins/:id',
		handle: ({ params, state }) => ({
			status: 200,
			body: originView(requireOrigin(state, params.id)),
		}),
	},
	{ method: 'PUT', path: '/v1/accounts/origins/:id', handle: replaceOrigin },
	{ method: 'DELETE', path: '/v1/accounts/origins/:id', handle: deleteOrigin },
	{
		method: 'GET',
		path: '/v1/accounts/url-endpoints',
		handle: ({ state }) => ({ status: 200, body: Array.from(state.urlEndpoints.values()) }),
	},
	{ method: 'POST', path: '/v1/accounts/url-endpoints', handle: createUrlEndpoint },
	{
		method: 'GET',
		path: '/v1/accounts/url-endpoints/:id',
		handle: ({ params, state }) => ({ status: 200, body: requireUrlEndpoint(state, params.id) }),
	},
	{ method: 'PUT', path: '/v1/accounts/url-endpoints/:id', handle: replaceUrlEndpoint },
	{ method: 'DELETE', path: '/v1/accounts/url-endpoints/:id', handle: deleteUrlEndpoint },
	{
		method: 'GET',
		path: '/v1/saved-extensions',
		handle: ({ state }) => ({
			status: 200,
			body: Array.from(state.savedExtensions.values(), savedExtensionView),
		}),
	},
	{ method: 'POST', path: '/v1/saved-extensions', handle: createSavedExtension },
	{
		method: 'GET',
		path: '/v1/saved-extensions/:id',
		handle: ({ params, state }) => ({
			status: 200,
			body: savedExtensionView(requireSavedExtension(state, params.id)),
		}),
	},
	{ method: 'PATCH', path: '/v1/saved-extensions/:id', handle: updateSavedExtension },
	{ method: 'DELETE', path: '/v1/saved-extensions/:id', handle: deleteSavedExtension },
];
