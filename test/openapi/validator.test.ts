import * as path from 'path';

import { describeWithSpec, imageKitSpec } from './spec';
import { loadOpenApi, OpenApiValidator } from './validator';

/** A small document exercising the same constructs as ImageKit's spec, so these tests need no file. */
const SAMPLE_DOCUMENT = {
	openapi: '3.1.0',
	servers: [{ url: 'https://api.example.test' }],
	paths: {
		'/v1/items/{itemId}': {
			parameters: [
				{
					name: 'itemId',
					in: 'path',
					required: true,
					schema: { type: 'string', pattern: '^[0-9a-f]+$' },
				},
			],
			get: {
				parameters: [{ $ref: '#/components/parameters/Limit' }],
				responses: {
					'200': {
						description: 'ok',
						content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
					},
					'204': { description: 'empty' },
					'4XX': { $ref: '#/components/responses/Error' },
				},
			},
			patch: {
				requestBody: {
					required: true,
					content: { 'application/json': { schema: { $ref: '#/components/schemas/Update' } } },
				},
				responses: { '200': { description: 'ok' } },
			},
		},
		'/v1/items/special': {
			get: { responses: { '200': { description: 'literal path wins over the template' } } },
		},
		'/v1/upload': {
			servers: [{ url: 'https://upload.example.test/api' }],
			post: {
				requestBody: {
					content: {
						'multipart/form-data': { schema: { $ref: '#/components/schemas/UploadForm' } },
					},
				},
				responses: { '200': { description: 'ok' } },
			},
		},
	},
	components: {
		parameters: {
			Limit: { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10 } },
		},
		responses: {
			Error: {
				description: 'error',
				content: {
					'application/json': {
						schema: {
							type: 'object',
							required: ['message'],
							properties: { message: { type: 'string' } },
						},
					},
				},
			},
		},
		schemas: {
			Item: {
				type: 'object',
				required: ['id'],
				properties: {
					id: { type: 'string' },
					tags: { type: ['array', null], items: { type: 'string' } },
					url: { type: 'string', format: 'uri' },
				},
			},
			// Overlapping branches, as in ImageKit's UpdateFileRequest.
			Update: {
				oneOf: [
					{ type: 'object', properties: { name: { type: 'string' } } },
					{ type: 'object', properties: { publish: { type: 'boolean' } } },
				],
			},
			UploadForm: {
				type: 'object',
				required: ['file', 'fileName'],
				properties: {
					file: { type: 'string', format: 'binary' },
					fileName: { type: 'string' },
					private: { type: 'boolean' },
					expire: { type: 'integer' },
					tags: { type: 'array', items: { type: 'string' } },
					metadata: { type: 'object' },
					extensions: { type: 'array', items: { type: 'object', required: ['name'] } },
				},
			},
		},
	},
};

describe('OpenApiValidator', () => {
	const validator = new OpenApiValidator(SAMPLE_DOCUMENT);

	it('matches path templates, following $refs to parameters and schemas', () => {
		expect(
			validator.validateRequest({ method: 'GET', path: '/v1/items/abc', query: { limit: '5' } }),
		).toEqual([]);
		expect(
			validator.validateRequest({ method: 'get', path: '/v1/items/XYZ', query: { limit: '11' } }),
		).toEqual([
			'GET /v1/items/XYZ request: path parameter "itemId" must match pattern "^[0-9a-f]+$"',
			'GET /v1/items/XYZ request: query parameter "limit" must be <= 10',
		]);
		expect(validator.validateRequest({ method: 'GET', path: '/v1/items/special' })).toEqual([]);
		expect(validator.validateRequest({ method: 'DELETE', path: '/v1/items/abc' })).toEqual([
			'DELETE /v1/items/abc: no operation of the OpenAPI spec matches this request',
		]);
	});

	it('flags query parameters the operation does not declare', () => {
		expect(
			validator.validateRequest({
				method: 'GET',
				path: '/v1/items/abc',
				query: { limit: '5', tags: 'sale', name: 'x' },
			}),
		).toEqual([
			'GET /v1/items/abc request: query parameter "tags" is not declared for /v1/items/{itemId}',
			'GET /v1/items/abc request: query parameter "name" is not declared for /v1/items/{itemId}',
		]);
		expect(
			validator.validateRequest({
				method: 'GET',
				path: '/v1/items/special',
				query: { limit: '5' },
			}),
		).toEqual([
			'GET /v1/items/special request: query parameter "limit" is not declared for /v1/items/special',
		]);
	});

	it('finds operations declared under another server, including its base path and host', () => {
		const form = { fields: { fileName: 'a.png' }, fileFields: ['file'] };
		expect(
			validator.validateRequest({
				method: 'POST',
				path: '/api/v1/upload',
				host: 'upload.example.test',
				form,
			}),
		).toEqual([]);
		expect(
			validator.validateRequest({
				method: 'POST',
				path: '/api/v1/upload',
				host: '127.0.0.1:4010',
				form,
			}),
		).toEqual([]);
		expect(
			validator.validateRequest({
				method: 'POST',
				path: '/api/v1/upload',
				host: 'api.example.test:443',
				form,
			}),
		).toEqual([
			'POST /api/v1/upload request: sent to api.example.test, but /api/v1/upload is served by upload.example.test',
		]);
		expect(validator.validateRequest({ method: 'POST', path: '/v1/upload', form })).toHaveLength(1);
	});

	it('reads multipart fields as the types their schema declares', () => {
		const fields = {
			fileName: 'a.png',
			private: 'true',
			expire: '1700000000',
			tags: 'a, b',
			metadata: '{"brand":"Nike"}',
			extensions: '[{"name":"remove-bg"}]',
		};
		expect(
			validator.validateRequest({
				method: 'POST',
				path: '/api/v1/upload',
				form: { fields, fileFields: ['file'] },
			}),
		).toEqual([]);
		const wrong = {
			fileName: 'a.png',
			private: 'yes',
			expire: 'soon',
			metadata: 'brand=Nike',
			extensions: '[{}]',
		};
		expect(
			validator.validateRequest({
				method: 'POST',
				path: '/api/v1/upload',
				form: { fields: wrong },
			}),
		).toEqual([
			"POST /api/v1/upload request: body must have required property 'file'",
			'POST /api/v1/upload request: body /private must be boolean',
			'POST /api/v1/upload request: body /expire must be integer',
			'POST /api/v1/upload request: body /metadata must be object',
			"POST /api/v1/upload request: body /extensions/0 must have required property 'name'",
		]);
		expect(
			validator.validateRequest({
				method: 'POST',
				path: '/api/v1/upload',
				json: { fileName: 'a.png' },
			}),
		).toEqual([
			'POST /api/v1/upload request: the body is application/json, which the operation does not accept',
		]);
	});

	it('checks JSON bodies, reading overlapping oneOf branches as anyOf', () => {
		expect(
			validator.validateRequest({ method: 'PATCH', path: '/v1/items/abc', json: { name: 'x' } }),
		).toEqual([]);
		expect(validator.validateRequest({ method: 'PATCH', path: '/v1/items/abc', json: [] })).toEqual(
			[
				'PATCH /v1/items/abc request: body must be object',
				'PATCH /v1/items/abc request: body must be object',
				'PATCH /v1/items/abc request: body must match a schema in anyOf',
			],
		);
		expect(validator.validateRequest({ method: 'PATCH', path: '/v1/items/abc' })).toEqual([
			'PATCH /v1/items/abc request: a request body is required',
		]);
		expect(validator.validateRequest({ method: 'GET', path: '/v1/items/abc', json: {} })).toEqual([
			'GET /v1/items/abc request: the operation takes no request body, but one was sent',
		]);
	});

	it('catches a response body that breaks its schema', () => {
		const response = { method: 'GET', path: '/v1/items/abc', status: 200 };
		expect(
			validator.validateResponse({
				...response,
				body: { id: 'abc', tags: null, url: 'https://x.test/a' },
			}),
		).toEqual([]);
		expect(
			validator.validateResponse({ ...response, body: { tags: 'a,b', url: 'not a uri' } }),
		).toEqual([
			"GET /v1/items/abc response 200: must have required property 'id'",
			'GET /v1/items/abc response 200: /tags must be array,null',
			'GET /v1/items/abc response 200: /url must match format "uri"',
		]);
		expect(validator.validateResponse({ ...response, body: undefined })).toEqual([
			'GET /v1/items/abc response 200: the spec declares a JSON body, but none was sent',
		]);
	});

	it('checks statuses, status ranges and empty bodies', () => {
		const response = { method: 'GET', path: '/v1/items/abc' };
		expect(
			validator.validateResponse({ ...response, status: 404, body: { message: 'gone' } }),
		).toEqual([]);
		expect(validator.validateResponse({ ...response, status: 404, body: {} })).toEqual([
			"GET /v1/items/abc response 404: must have required property 'message'",
		]);
		expect(validator.validateResponse({ ...response, status: 500, body: {} })).toEqual([
			'GET /v1/items/abc response 500: status not declared for /v1/items/{itemId}',
		]);
		expect(validator.validateResponse({ ...response, status: 204 })).toEqual([]);
		expect(validator.validateResponse({ ...response, status: 204, body: {} })).toEqual([
			'GET /v1/items/abc response 204: the spec declares no JSON body, but one was sent',
		]);
	});
});

describe('loadOpenApi', () => {
	it('returns undefined when the spec file is absent', () => {
		expect(loadOpenApi(path.join(__dirname, 'no-such-spec.yaml'))).toBeUndefined();
	});
});

describeWithSpec('ImageKit OpenAPI spec', () => {
	const validator = () => imageKitSpec as OpenApiValidator;

	it("takes uploads on upload.imagekit.io only, with the SDKs' form encoding", () => {
		const form = {
			fields: {
				fileName: 'a.png',
				useUniqueFileName: 'false',
				tags: 'sale,summer',
				customMetadata: '{"brand":"Nike"}',
				responseFields: 'tags,metadata',
				extensions: JSON.stringify([
					{ name: 'google-auto-tagging', minConfidence: 80, maxTags: 5 },
				]),
				transformation: JSON.stringify({ pre: 'w-100', post: [{ type: 'thumbnail' }] }),
			},
			fileFields: ['file'],
		};
		const upload = { method: 'POST', path: '/api/v1/files/upload', form };
		expect(validator().validateRequest({ ...upload, host: 'upload.imagekit.io' })).toEqual([]);
		expect(validator().validateRequest({ ...upload, host: 'api.imagekit.io' })).toEqual([
			'POST /api/v1/files/upload request: sent to api.imagekit.io, but /api/v1/files/upload is served by upload.imagekit.io',
		]);
		const badExtension = {
			...form,
			fields: { ...form.fields, extensions: '[{"name":"google-auto-tagging"}]' },
		};
		expect(
			validator()
				.validateRequest({ ...upload, form: badExtension })
				.join('\n'),
		).toMatch(/required property 'minConfidence'/);
	});

	it('checks list parameters and both update body shapes', () => {
		const list = { method: 'GET', path: '/v1/files' };
		expect(
			validator().validateRequest({
				...list,
				query: { limit: '1000', sort: 'DESC_SIZE', type: 'all' },
			}),
		).toEqual([]);
		expect(validator().validateRequest({ ...list, query: { limit: '1001' } })).toEqual([
			'GET /v1/files request: query parameter "limit" must be <= 1000',
		]);
		// The legacy list filters of the old docs are not in the current spec (API.md §10).
		expect(
			validator().validateRequest({
				...list,
				query: { tags: 'sale', name: 'a.png', includeFolder: 'true' },
			}),
		).toEqual([
			'GET /v1/files request: query parameter "tags" is not declared for /v1/files',
			'GET /v1/files request: query parameter "name" is not declared for /v1/files',
			'GET /v1/files request: query parameter "includeFolder" is not declared for /v1/files',
		]);
		const details = { method: 'PATCH', path: '/v1/files/598821f949c0a938d57563bd/details' };
		expect(
			validator().validateRequest({
				...details,
				json: { tags: null, customMetadata: { brand: null } },
			}),
		).toEqual([]);
		expect(
			validator().validateRequest({ ...details, json: { publish: { isPublished: true } } }),
		).toEqual([]);
	});

	it('catches a FileDetails response with wrong types', () => {
		const response = {
			method: 'GET',
			path: '/v1/files/598821f949c0a938d57563bd/details',
			status: 200,
		};
		const valid = {
			fileId: '598821f949c0a938d57563bd',
			type: 'file',
			name: 'a.png',
			tags: null,
			AITags: null,
			customCoordinates: null,
			url: 'https://ik.imagekit.io/demo/a.png?updatedAt=1',
			createdAt: '2024-01-01T00:00:00.000Z',
		};
		expect(validator().validateResponse({ ...response, body: valid })).toEqual([]);
		const invalid = { ...valid, type: 'folder', tags: 'a,b', createdAt: 'yesterday' };
		const violations = validator().validateResponse({ ...response, body: invalid });
		expect(violations).toEqual([
			'GET /v1/files/598821f949c0a938d57563bd/details response 200: /type must be equal to one of the allowed values (["file","file-version"])',
			'GET /v1/files/598821f949c0a938d57563bd/details response 200: /tags must be array,null',
			'GET /v1/files/598821f949c0a938d57563bd/details response 200: /createdAt must match format "date-time"',
		]);
		const deleted = { method: 'DELETE', path: '/v1/files/598821f949c0a938d57563bd', status: 204 };
		expect(validator().validateResponse({ ...deleted, body: {} })).toHaveLength(1);
	});

	it('accepts list items of either kind and the bulk-delete partial answer', () => {
		const folder = {
			type: 'folder',
			folderId: '6441fce4e809dd54b0dee029',
			name: 'summer',
			folderPath: '/sale/summer',
			customMetadata: {},
			createdAt: '2023-04-21T03:03:00.869Z',
			updatedAt: '2023-04-21T03:10:22.374Z',
		};
		const file = {
			fileId: '598821f949c0a938d57563bd',
			type: 'file',
			name: 'a.png',
			url: 'https://ik.imagekit.io/demo/a.png',
		};
		const list = { method: 'GET', path: '/v1/files', status: 200 };
		expect(validator().validateResponse({ ...list, body: [folder, file] })).toEqual([]);
		expect(
			validator().validateResponse({ ...list, body: [{ ...folder, type: 'album' }] }),
		).not.toEqual([]);
		const partial = {
			successfullyDeletedFileIds: ['a'],
			errors: [{ fileId: 'b', error: 'The requested file does not exist.' }],
		};
		const bulkDelete = { method: 'POST', path: '/v1/files/batch/deleteByFileIds', status: 207 };
		expect(validator().validateResponse({ ...bulkDelete, body: partial })).toEqual([]);
	});
});
