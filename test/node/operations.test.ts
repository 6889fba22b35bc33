import { createHmac } from 'crypto';

import { PRIVATE_KEY, PUBLIC_KEY, serialisedRun, useNodeFixture } from './fixture';

const fixture = useNodeFixture();

describe('Metadata → Get From URL', () => {
	it('returns the metadata of a file served through the account', async () => {
		const file = fixture.emulator.seedFile({ name: 'shoe.png' });
		const result = await fixture.run({
			resource: 'metadata',
			operation: 'getFromUrl',
			url: file.url,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ pHash: expect.stringMatching(/^[0-9a-f]{16}$/) });
		expect(fixture.emulator.requests[0].query).toEqual({ url: file.url });
	});

	it('shows ImageKit’s message for a URL outside the account', async () => {
		const result = await fixture.run({
			resource: 'metadata',
			operation: 'getFromUrl',
			url: 'https://example.com/a.jpg',
		});
		expect(result.error).toMatchObject({ name: 'NodeApiError' });
		expect(result.error?.message).toMatch(/ImageKit/);
	});
});

describe('Cache → Purge and Get Purge Status', () => {
	it('purges a URL and follows the request to completion', async () => {
		const url = `${fixture.emulator.urlEndpoint}/shoe.png`;
		const purge = await fixture.run({ resource: 'cache', operation: 'purge', url });
		const requestId = purge.items[0].json.requestId as string;
		expect(requestId).toEqual(expect.any(String));
		expect(fixture.emulator.requests[0].json).toEqual({ url });

		const statuses: unknown[] = [];
		for (let poll = 0; poll < 2; poll++) {
			const status = await fixture.run({
				resource: 'cache',
				operation: 'getPurgeStatus',
				requestId,
			});
			statuses.push(status.items[0].json);
		}
		expect(statuses).toEqual([
			{ requestId, status: 'Pending' },
			{ requestId, status: 'Completed' },
		]);
	});

	it('refuses a wildcard ImageKit would refuse, stating the rule, before sending', async () => {
		const result = await fixture.run({
			resource: 'cache',
			operation: 'purge',
			url: `${fixture.emulator.urlEndpoint}/images*`,
		});
		expect(result.error).toMatchObject({ name: 'NodeOperationError' });
		expect(result.error?.message).toBe(
			"'URL' ends in a wildcard ImageKit refuses (/images*): ImageKit takes a * only at the end, after at least two folder levels (e.g. /images/upload*), 15 characters of path (e.g. /product-images-2024*) or a full file name with its extension (e.g. /images/sample.jpg*)",
		);
		expect(fixture.emulator.requests).toEqual([]);
	});

	it.each(['strict', 'lenient'] as const)(
		'sends only wildcards ImageKit accepts, however it reads its rule (%s)',
		async (reading) => {
			const paths = [
				'/sample.jpg*',
				'/images/upload*',
				'/abcdefghijklmno*',
				'/abcdefghijklmn*',
				'/images/*',
				'/images*',
				'/media/catalog/*',
				'/media/catalog/product/*',
				'/s/files/*',
			];
			const sent: string[] = [];
			for (const path of paths) {
				fixture.emulator.reset();
				fixture.emulator.behaviour.purgeWildcardReading = reading;
				const url = `${fixture.emulator.urlEndpoint}${path}`;
				const result = await fixture.run({ resource: 'cache', operation: 'purge', url });
				if (fixture.emulator.requests.length === 0) {
					expect(result.error?.message).toMatch(/^'URL' (ends in a wildcard|cannot purge)/);
					continue;
				}
				sent.push(path);
				expect([path, result.error]).toEqual([path, undefined]);
				expect(fixture.emulator.requests.map((request) => request.status)).toEqual([201]);
			}
			expect(sent).toEqual(['/sample.jpg*', '/images/upload*', '/abcdefghijklmno*']);
		},
	);

	it('reports an unknown request id with ImageKit’s message', async () => {
		const result = await fixture.run({
			resource: 'cache',
			operation: 'getPurgeStatus',
			requestId: 'nope',
		});
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '400' });
		expect(result.error?.message).toBeProblemWithFix('No request found for this requestId.');
	});
});

describe('Upload Auth & pHash', () => {
	it('creates upload auth parameters that verify with the private key', async () => {
		const before = Math.floor(Date.now() / 1000);
		const result = await fixture.run({
			resource: 'utility',
			operation: 'getUploadAuthParameters',
			nonce: 'my-token',
			expiresIn: 600,
		});
		const { token, expire, signature, publicKey } = result.items[0].json as Record<
			string,
			string & number
		>;
		expect(token).toBe('my-token');
		expect(expire - before).toBeGreaterThanOrEqual(600);
		expect(expire - before).toBeLessThanOrEqual(601);
		expect(signature).toBe(
			createHmac('sha1', PRIVATE_KEY).update(`${token}${expire}`).digest('hex'),
		);
		expect(publicKey).toBe(PUBLIC_KEY);
		expect(fixture.emulator.requests).toEqual([]);
	});

	it.each([-5, 0, 3600])('rejects an expiry of %i seconds naming the field', async (expiresIn) => {
		const result = await fixture.run({
			resource: 'utility',
			operation: 'getUploadAuthParameters',
			expiresIn,
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/'Expires In \(Seconds\)' must be between 1 and 3599/);
	});

	it('compares two pHash values', async () => {
		const result = await fixture.run({
			resource: 'utility',
			operation: 'comparePhash',
			firstPhash: '2d5ad3936d2e015b',
			secondPhash: '2d6ed293db36a4fb',
		});
		expect(result.items[0].json).toEqual({
			distance: 17,
			firstPhash: '2d5ad3936d2e015b',
			secondPhash: '2d6ed293db36a4fb',
		});
	});

	it('names the pHash field that is not hexadecimal', async () => {
		const result = await fixture.run({
			resource: 'utility',
			operation: 'comparePhash',
			firstPhash: '2d5ad3936d2e015b',
			secondPhash: 'not-a-hash',
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(
			/^'Second pHash' is not usable: Invalid pHash value "not-a-hash"/,
		);
	});
});

describe('Image URL → Generate', () => {
	it('builds a signed URL from steps, a raw string and query parameters', async () => {
		const result = await fixture.run({
			resource: 'imageUrl',
			operation: 'generate',
			source: 'path',
			path: '/shoes/red shoe.jpg',
			steps: {
				step: [{ parameters: { width: 300, height: 200 } }, { parameters: { rotation: '90' } }],
			},
			options: {
				rawTransformation: 'e-grayscale',
				queryParameters: { parameter: [{ name: 'v', value: '2' }] },
				signed: true,
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		const url = result.items[0].json.url as string;
		const endpoint = fixture.emulator.urlEndpoint;
		// Within a step the order of width and height does not matter to ImageKit.
		const match = new RegExp(
			`^${endpoint}/(tr:(?:w-300,h-200|h-200,w-300):rt-90:e-grayscale/shoes/red%20shoe\\.jpg\\?v=2)&ik-s=([0-9a-f]{40})$`,
		).exec(url);
		expect(match).not.toBeNull();
		const [, signedPart, signature] = match!;
		expect(signature).toBe(
			createHmac('sha1', PRIVATE_KEY).update(`${signedPart}9999999999`).digest('hex'),
		);
		expect(fixture.emulator.requests).toEqual([]);
	});

	it('puts transformations in the query for a full URL and adds an expiry', async () => {
		const result = await fixture.run({
			resource: 'imageUrl',
			operation: 'generate',
			source: 'url',
			src: 'https://cdn.example.com/a.jpg',
			steps: { step: [{ parameters: { width: 100 } }] },
			options: { expireSeconds: 60 },
		});
		expect(result.items[0].json.url).toMatch(
			/^https:\/\/cdn\.example\.com\/a\.jpg\?tr=w-100&ik-t=\d{10}&ik-s=[0-9a-f]{40}$/,
		);
	});

	it('rejects a negative expiry naming the field', async () => {
		const result = await fixture.run({
			resource: 'imageUrl',
			operation: 'generate',
			source: 'path',
			path: '/a.jpg',
			options: { expireSeconds: -1 },
		});
		expect(result.error?.message).toMatch(/'Expires In \(Seconds\)' must be 0 or more/);
	});
});

describe('Item handling', () => {
	it('continues after a failing item when Continue On Fail is set, pairing every item', async () => {
		const { fileId } = fixture.emulator.seedFile({ name: 'a.png' });
		const result = await fixture.run(
			{ resource: 'file', operation: 'get', fileId: '={{ $json.id }}' },
			{
				continueOnFail: true,
				inputItems: [
					{ json: { id: 'eeeeeeeeeeeeeeeeeeeeeeee' } },
					{ json: { id: fileId } },
					{ json: { id: '' } },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{
				json: { error: expect.toBeProblemWithFix('The requested file does not exist.') },
				pairedItem: { item: 0 },
			},
			{ json: expect.objectContaining({ fileId }), pairedItem: { item: 1 } },
			{ json: { error: expect.toBeProblemWithFix("'File' is empty") }, pairedItem: { item: 2 } },
		]);
	});

	it('fails the run with the item index when Continue On Fail is off', async () => {
		const result = await fixture.run(
			{ resource: 'file', operation: 'get', fileId: '={{ $json.id }}' },
			{
				inputItems: [
					{ json: { id: fixture.emulator.seedFile().fileId } },
					{ json: { id: 'ffffffffffffffffffffffff' } },
				],
			},
		);
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '404',
			context: { itemIndex: 1 },
		});
	});

	it('waits out a rate limit and retries', async () => {
		fixture.emulator.seedFile({ name: 'a.png' });
		fixture.emulator.injectFault({ kind: 'rateLimit', resetMs: 50, match: { path: '/v1/files' } });
		const result = await fixture.run({ resource: 'file', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(fixture.emulator.requests.map((request) => request.status)).toEqual([429, 200]);
	});

	it('retries server errors and reset connections on reads', async () => {
		const { fileId } = fixture.emulator.seedFile({ name: 'a.png' });
		fixture.emulator.injectFault({ kind: 'serverError', status: 503 });
		fixture.emulator.injectFault({ kind: 'connectionReset' });
		const result = await fixture.run({ resource: 'file', operation: 'get', fileId });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.fileId).toBe(fileId);
		expect(fixture.emulator.requests).toHaveLength(3);
	});

	it('surfaces a persistent rate limit with its reset time and never leaks the private key', async () => {
		fixture.emulator.injectFault({ kind: 'rateLimit', resetMs: 600000, times: Infinity });
		const result = await fixture.run({ resource: 'file', operation: 'getAll', returnAll: true });
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '429' });
		expect(result.error?.description).toMatch(/resets in 600 s/);
		expect(serialisedRun(result)).not.toContain(PRIVATE_KEY);
	});
});

describe('ImageKit API credential test', () => {
	it('succeeds with the right key', async () => {
		const outcome = await fixture.engine.testCredential('imageKitApi');
		expect(outcome.status).toBe('OK');
		expect(fixture.emulator.requests[0]).toMatchObject({
			method: 'GET',
			path: '/v1/files',
			query: { limit: '1' },
		});
	});

	it('fails with a clear message with a wrong key', async () => {
		const outcome = await fixture.engine.testCredential('imageKitApi', {
			privateKey: 'private_wrong',
		});
		expect(outcome).toEqual({
			status: 'Error',
			message: expect.stringMatching(/rejected the private key/),
		});
	});
});
