import type { INodeParameters } from 'n8n-workflow';

import { serialisedRun, useNodeFixture } from './fixture';

const fixture = useNodeFixture();

const apiRequests = (pathStart: string) =>
	fixture.emulator.requests.filter((request) => request.path.startsWith(pathStart));

async function runOk(parameters: INodeParameters) {
	const result = await fixture.run(parameters);
	expect(result.error).toBeUndefined();
	return result.items.map((item) => item.json as { id: string; [field: string]: unknown });
}

describe('Account → Get Usage', () => {
	const usage = (startDate: unknown, endDate: unknown) =>
		fixture.run({
			resource: 'account',
			operation: 'getUsage',
			startDate,
			endDate,
		} as INodeParameters);

	it('sends the calendar days of the date pickers and returns the usage with the range', async () => {
		fixture.emulator.seedFile({ name: 'a.png' });
		const result = await usage('2024-01-01T00:00:00', '2024-01-31T13:45:00');
		expect(result.error).toBeUndefined();
		expect(apiRequests('/v1/accounts/usage').map((request) => request.query)).toEqual([
			{ startDate: '2024-01-01', endDate: '2024-01-31' },
		]);
		const [output] = result.items.map((item) => item.json);
		expect(output).toMatchObject({
			startDate: '2024-01-01',
			endDate: '2024-01-31',
			bandwidthBytes: 30 * 1_000_000,
			videoProcessingUnitsCount: 0,
		});
		expect(output.mediaLibraryStorageBytes).toBeGreaterThan(0);
	});

	it.each([
		[
			'an end before the start',
			'2024-02-01',
			'2024-01-01',
			/'End Date' \(2024-01-01\) must be after 'Start Date' \(2024-02-01\); the end date itself is excluded/,
		],
		[
			'the same day twice (the end is excluded)',
			'2024-01-01',
			'2024-01-01',
			/must be after 'Start Date'/,
		],
		[
			'90 days',
			'2024-01-01',
			'2024-03-31',
			/'Start Date' \(2024-01-01\) and 'End Date' \(2024-03-31\) are 90 days apart; ImageKit allows fewer than 90/,
		],
		[
			'an impossible day',
			'2024-02-30',
			'2024-03-10',
			/'Start Date' must be a date such as 2024-01-31, got "2024-02-30"/,
		],
		[
			'text that is no date',
			'last week',
			'2024-03-10',
			/'Start Date' must be a date such as 2024-01-31, got "last week"/,
		],
	])('rejects %s before calling ImageKit', async (_case, startDate, endDate, message) => {
		const result = await usage(startDate, endDate);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(apiRequests('/v1/accounts/usage')).toEqual([]);
	});

	it('accepts 89 days', async () => {
		const [output] = await runOk({
			resource: 'account',
			operation: 'getUsage',
			startDate: '2024-01-01',
			endDate: '2024-03-30',
		});
		expect(output.bandwidthBytes).toBe(89 * 1_000_000);
	});
});

const s3Origin = {
	resource: 'origin',
	type: 'S3',
	name: 'Product Images',
	bucket: 'product-images',
	prefix: 'raw',
	accessKey: 'AKIAEXAMPLE',
	secretKey: 'secret-value-123',
};

describe('Origin', () => {
	it('creates an S3 origin with only its type’s fields and never returns the secrets', async () => {
		const result = await fixture.run({
			...s3Origin,
			operation: 'create',
			baseUrl: 'https://ignored.example.com',
		});
		expect(result.error).toBeUndefined();
		const [request] = apiRequests('/v1/accounts/origins');
		expect(request.json).toEqual({
			type: 'S3',
			name: 'Product Images',
			includeCanonicalHeader: false,
			bucket: 'product-images',
			prefix: 'raw',
			useIAMRole: false,
			accessKey: 'AKIAEXAMPLE',
			secretKey: 'secret-value-123',
		});
		expect(result.items[0].json).toEqual({
			id: expect.any(String),
			type: 'S3',
			name: 'Product Images',
			includeCanonicalHeader: false,
			bucket: 'product-images',
			prefix: 'raw',
			useIAMRole: false,
		});
		expect(JSON.stringify(result.items)).not.toContain('secret-value-123');
	});

	it('sends empty keys for an IAM role', async () => {
		await runOk({ ...s3Origin, operation: 'create', useIAMRole: true });
		expect(apiRequests('/v1/accounts/origins')[0].json).toMatchObject({
			useIAMRole: true,
			accessKey: '',
			secretKey: '',
		});
	});

	it.each([
		[
			'S3_COMPATIBLE',
			{
				endpoint: 'https://s3.wasabisys.com',
				bucket: 'b',
				accessKey: 'k',
				secretKey: 's',
				s3ForcePathStyle: true,
			},
			{ endpoint: 'https://s3.wasabisys.com', s3ForcePathStyle: true, prefix: '' },
		],
		[
			'CLOUDINARY_BACKUP',
			{ bucket: 'b', accessKey: 'k', secretKey: 's' },
			{ bucket: 'b', prefix: '' },
		],
		[
			'WEB_FOLDER',
			{ baseUrl: 'https://images.example.com', forwardHostHeaderToOrigin: true },
			{ baseUrl: 'https://images.example.com', forwardHostHeaderToOrigin: true },
		],
		['WEB_PROXY', {}, {}],
		[
			'GCS',
			{
				bucket: 'b',
				clientEmail: 'svc@project.iam.gserviceaccount.com',
				privateKey: '-----BEGIN PRIVATE KEY-----x',
			},
			{ clientEmail: 'svc@project.iam.gserviceaccount.com' },
		],
		[
			'AZURE_BLOB',
			{ accountName: 'acct', container: 'c', sasToken: 'sv=2020&sig=x' },
			{ accountName: 'acct', container: 'c', prefix: '' },
		],
		[
			'AKENEO_PIM',
			{
				baseUrl: 'https://pim.example.com',
				clientId: 'id',
				clientSecret: 'cs',
				username: 'u',
				password: 'pw',
			},
			{ baseUrl: 'https://pim.example.com' },
		],
	])('creates a %s origin', async (type, fields, returned) => {
		const [origin] = await runOk({
			resource: 'origin',
			operation: 'create',
			type,
			name: 'Origin One',
			...fields,
		});
		expect(origin).toMatchObject({ type, name: 'Origin One', ...returned });
		for (const secretField of ['secretKey', 'privateKey', 'sasToken', 'clientSecret', 'password']) {
			expect(origin).not.toHaveProperty(secretField);
		}
	});

	it('names an empty required field of the chosen type before sending', async () => {
		const result = await fixture.run({ ...s3Origin, operation: 'create', secretKey: ' ' });
		expect(result.error?.message).toBeProblemWithFix("'Secret Key' is empty");
		expect(apiRequests('/v1/accounts/origins')).toEqual([]);
	});

	it('sends the canonical header URL only when the header is on', async () => {
		await runOk({
			...s3Origin,
			operation: 'create',
			includeCanonicalHeader: true,
			baseUrlForCanonicalHeader: 'https://cdn.example.com',
		});
		expect(apiRequests('/v1/accounts/origins')[0].json).toMatchObject({
			includeCanonicalHeader: true,
			baseUrlForCanonicalHeader: 'https://cdn.example.com',
		});
	});

	it('gets, lists, replaces and deletes an origin', async () => {
		const [created] = await runOk({ ...s3Origin, operation: 'create' });
		const [fetched] = await runOk({ resource: 'origin', operation: 'get', originId: created.id });
		expect(fetched).toEqual(created);

		await runOk({ ...s3Origin, operation: 'create', name: 'Second' });
		expect(await runOk({ resource: 'origin', operation: 'getAll', returnAll: true })).toHaveLength(
			2,
		);
		expect(
			await runOk({ resource: 'origin', operation: 'getAll', returnAll: false, limit: 1 }),
		).toHaveLength(1);

		// A full replace: the prefix not given again goes back to its default.
		const [replaced] = await runOk({
			resource: 'origin',
			operation: 'update',
			originId: created.id,
			type: 'WEB_FOLDER',
			name: 'Now A Web Folder',
			baseUrl: 'https://images.example.com',
		});
		expect(apiRequests('/v1/accounts/origins/').at(-1)?.method).toBe('PUT');
		expect(replaced).toEqual({
			id: created.id,
			type: 'WEB_FOLDER',
			name: 'Now A Web Folder',
			includeCanonicalHeader: false,
			baseUrl: 'https://images.example.com',
			forwardHostHeaderToOrigin: false,
		});

		expect(await runOk({ resource: 'origin', operation: 'delete', originId: created.id })).toEqual([
			{ id: created.id, deleted: true },
		]);
		const missing = await fixture.run({
			resource: 'origin',
			operation: 'get',
			originId: created.id,
		});
		expect(missing.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '404',
			message: expect.toBeProblemWithFix('Origin not found.'),
		});
	});

	it('keeps secrets out of the stored run', async () => {
		const result = await fixture.run({ ...s3Origin, operation: 'create' });
		expect(serialisedRun(result)).not.toContain('secret-value-123');
	});
});

describe('URL Endpoint', () => {
	async function createOrigins(count: number): Promise<string[]> {
		const ids: string[] = [];
		for (let index = 0; index < count; index++) {
			const [origin] = await runOk({ ...s3Origin, operation: 'create', name: `Origin ${index}` });
			ids.push(origin.id);
		}
		return ids;
	}

	it('creates an endpoint with origins in the order given and a Cloudinary rewriter', async () => {
		const [first, second] = await createOrigins(2);
		const [endpoint] = await runOk({
			resource: 'urlEndpoint',
			operation: 'create',
			description: 'Migrated images',
			urlPrefix: 'migrated',
			origins: { origin: [{ id: second }, { id: first }] },
			urlRewriter: 'CLOUDINARY',
			preserveAssetDeliveryTypes: true,
		});
		expect(apiRequests('/v1/accounts/url-endpoints')[0].json).toEqual({
			description: 'Migrated images',
			urlPrefix: 'migrated',
			origins: [second, first],
			urlRewriter: { type: 'CLOUDINARY', preserveAssetDeliveryTypes: true },
		});
		expect(endpoint).toMatchObject({ id: expect.any(String), origins: [second, first] });
	});

	it('refuses more than 10 origins before sending', async () => {
		const result = await fixture.run({
			resource: 'urlEndpoint',
			operation: 'create',
			description: 'Too many',
			urlPrefix: 'many',
			origins: { origin: Array.from({ length: 11 }, (_, index) => ({ id: `origin${index}` })) },
		});
		expect(result.error?.message).toBeProblemWithFix("'Origins' holds 11 origins");
		expect(apiRequests('/v1/accounts/url-endpoints')).toEqual([]);
	});

	it('passes on ImageKit’s error for an unknown origin', async () => {
		const result = await fixture.run({
			resource: 'urlEndpoint',
			operation: 'create',
			description: 'Broken',
			urlPrefix: 'broken',
			origins: { origin: [{ id: 'no-such-origin' }] },
		});
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '400' });
		expect(result.error?.message).toMatch(/^Origin does not exists/);
	});

	it('lists the default endpoint, replaces and deletes others, and cannot delete the default', async () => {
		const [created] = await runOk({
			resource: 'urlEndpoint',
			operation: 'create',
			description: 'Products',
			urlPrefix: 'products',
			urlRewriter: 'IMGIX',
		});
		const listed = await runOk({ resource: 'urlEndpoint', operation: 'getAll', returnAll: true });
		expect(listed.map((endpoint) => endpoint.id)).toEqual(['default', created.id]);

		const [replaced] = await runOk({
			resource: 'urlEndpoint',
			operation: 'update',
			urlEndpointId: created.id,
			description: 'Products v2',
			urlPrefix: 'products-v2',
		});
		expect(replaced).toEqual({
			id: created.id,
			description: 'Products v2',
			urlPrefix: 'products-v2',
			origins: [],
		});
		const [fetched] = await runOk({
			resource: 'urlEndpoint',
			operation: 'get',
			urlEndpointId: created.id,
		});
		expect(fetched).toEqual(replaced);

		const refused = await fixture.run({
			resource: 'urlEndpoint',
			operation: 'delete',
			urlEndpointId: 'default',
		});
		expect(refused.error).toMatchObject({
			httpCode: '400',
			message: expect.toBeProblemWithFix('Default URL-endpoint cannot be deleted.'),
		});
		expect(
			await runOk({ resource: 'urlEndpoint', operation: 'delete', urlEndpointId: created.id }),
		).toEqual([{ id: created.id, deleted: true }]);
	});
});

const autoTaggingConfig = {
	autoTagging: { provider: 'aws-auto-tagging', minConfidence: 70, maxTags: 5 },
};

describe('Saved Extension', () => {
	it('creates one from the extension form, then gets, lists, updates and deletes it', async () => {
		const [created] = await runOk({
			resource: 'savedExtension',
			operation: 'create',
			name: 'Tagging',
			description: 'AWS tags',
			config: autoTaggingConfig,
		});
		expect(apiRequests('/v1/saved-extensions')[0].json).toEqual({
			name: 'Tagging',
			description: 'AWS tags',
			config: { name: 'aws-auto-tagging', minConfidence: 70, maxTags: 5 },
		});
		expect(created).toMatchObject({ id: expect.stringMatching(/^ext_/), name: 'Tagging' });

		const [fetched] = await runOk({
			resource: 'savedExtension',
			operation: 'get',
			savedExtensionId: created.id,
		});
		expect(fetched).toEqual(created);
		expect(
			await runOk({ resource: 'savedExtension', operation: 'getAll', returnAll: true }),
		).toEqual([created]);

		const [updated] = await runOk({
			resource: 'savedExtension',
			operation: 'update',
			savedExtensionId: created.id,
			updateFields: { name: 'Describe', config: { aiAutoDescription: {} } },
		});
		expect(apiRequests('/v1/saved-extensions/').at(-1)?.json).toEqual({
			name: 'Describe',
			config: { name: 'ai-auto-description' },
		});
		expect(updated).toMatchObject({
			name: 'Describe',
			description: 'AWS tags',
			config: { name: 'ai-auto-description' },
		});

		expect(
			await runOk({
				resource: 'savedExtension',
				operation: 'delete',
				savedExtensionId: created.id,
			}),
		).toEqual([{ id: created.id, deleted: true }]);
		const missing = await fixture.run({
			resource: 'savedExtension',
			operation: 'get',
			savedExtensionId: created.id,
		});
		expect(missing.error).toMatchObject({
			httpCode: '404',
			message: expect.toBeProblemWithFix('The requested saved extension does not exist.'),
		});
	});

	it('requires exactly one extension', async () => {
		const base = { resource: 'savedExtension', operation: 'create', name: 'N', description: 'D' };
		const none = await fixture.run({ ...base, config: {} });
		expect(none.error?.message).toBeProblemWithFix("'Extension' holds 0 extensions");
		const two = await fixture.run({
			...base,
			config: { ...autoTaggingConfig, aiAutoDescription: {} },
		});
		expect(two.error?.message).toBeProblemWithFix("'Extension' holds 2 extensions");
		expect(apiRequests('/v1/saved-extensions')).toEqual([]);
	});

	it('refuses an update with nothing to change', async () => {
		const result = await fixture.run({
			resource: 'savedExtension',
			operation: 'update',
			savedExtensionId: 'ext_1',
		});
		expect(result.error?.message).toBeProblemWithFix('Nothing to update');
	});

	it('passes on ImageKit’s limit of 100 saved extensions', async () => {
		const create = {
			resource: 'savedExtension',
			operation: 'create',
			description: 'D',
			config: autoTaggingConfig,
		};
		const items = Array.from({ length: 101 }, (_, index) => ({ json: { index } }));
		const result = await fixture.run(
			{ ...create, name: '={{ "Saved " + $json.index }}' },
			{ inputItems: items, continueOnFail: true },
		);
		expect(result.items.slice(0, 100).every((item) => item.json.id)).toBe(true);
		expect(result.items[100].json).toEqual({
			error: expect.toBeProblemWithFix('You can create at most 100 saved extensions.'),
		});
	});
});
