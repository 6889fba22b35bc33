import type { ICredentialType, IHttpRequestOptions } from 'n8n-workflow';

import { ImageKitApi } from '../../credentials/ImageKitApi.credentials';
import { ImageKitEmulator } from '../emulator';
import { FixtureCredentialsHelper } from './credentials-helper';
import {
	assertTestCaTrusted,
	BINARY_SOURCE_TYPE,
	BinarySource,
	binarySourceSha256,
	createEngine,
	sha256OfStream,
	useProxy,
	type Engine,
} from './harness';
import {
	AUTHENTICATED_REQUEST_TYPE,
	AuthenticatedRequest,
} from './nodes/AuthenticatedRequest.node';
import { BINARY_DIGEST_TYPE, BinaryDigest } from './nodes/BinaryDigest.node';

const PRIVATE_KEY = 'private_harnessTestKey123=';
const BASIC_AUTH = `Basic ${Buffer.from(`${PRIVATE_KEY}:`).toString('base64')}`;

function ruleMessage(statusCode: number): string {
	const rule = new ImageKitApi().test.rules?.find(
		({ properties }) => properties.value === statusCode,
	);
	if (!rule) throw new Error(`ImageKitApi has no rule for ${statusCode}`);
	return rule.properties.message;
}

describe('engine: authenticated requests through a proxy', () => {
	let emulator: ImageKitEmulator;
	let restoreProxy: () => void;
	let engine: Engine;
	let detailsUrl: string;

	beforeAll(async () => {
		assertTestCaTrusted();
		emulator = new ImageKitEmulator({ privateKey: PRIVATE_KEY });
		await emulator.start();
		restoreProxy = useProxy(emulator.proxyUrl);
		engine = await createEngine({
			nodeTypes: { [AUTHENTICATED_REQUEST_TYPE]: new AuthenticatedRequest() },
			credentialTypes: [new ImageKitApi()],
			credentials: { imageKitApi: { privateKey: PRIVATE_KEY } },
		});
	});

	// Optional calls: when beforeAll fails, its error is the one worth reading.
	afterAll(async () => {
		restoreProxy?.();
		await engine?.close();
		await emulator?.stop();
	});

	beforeEach(() => {
		emulator.reset();
		detailsUrl = `https://api.imagekit.io/v1/files/${emulator.seedFile({ name: 'a.png' }).fileId}/details`;
	});

	it("authenticates with the credential type's own generic auth, and the key goes nowhere else", async () => {
		const result = await engine.runNode(AUTHENTICATED_REQUEST_TYPE, { url: detailsUrl });

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: expect.objectContaining({ name: 'a.png' }), pairedItem: { item: 0 } },
		]);
		const request = emulator.requests.at(-1)!;
		expect(request.host).toBe('api.imagekit.io');
		expect(request.headers.authorization).toBe(BASIC_AUTH);
		const { authorization: _authorization, ...otherHeaders } = request.headers;
		expect(JSON.stringify([request.path, request.query, otherHeaders])).not.toContain(PRIVATE_KEY);
		expect(JSON.stringify(result.run)).not.toContain(PRIVATE_KEY);
	});

	it('with onError continueRegularOutput, the node turns a failing item into an error item', async () => {
		emulator.injectFault({ kind: 'serverError', status: 500, match: { path: '/v1/fail' } });
		const result = await engine.runNode(
			AUTHENTICATED_REQUEST_TYPE,
			{ url: '={{ $json.url }}' },
			{
				inputItems: [
					{ json: { url: detailsUrl } },
					{ json: { url: 'https://api.imagekit.io/v1/fail' } },
				],
				continueOnFail: true,
			},
		);

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: expect.objectContaining({ name: 'a.png' }), pairedItem: { item: 0 } },
			{ json: { error: expect.any(String), httpCode: '500' }, pairedItem: { item: 1 } },
		]);
	});

	it('a node error fails the run and surfaces as result.error', async () => {
		emulator.injectFault({ kind: 'serverError', status: 500 });
		const result = await engine.runNode(AUTHENTICATED_REQUEST_TYPE, { url: detailsUrl });

		expect(result.items).toEqual([]);
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '500' });
		expect(result.run.finished).toBeFalsy();
	});

	it("testCredential sends the credential's test request and reports OK for a valid key", async () => {
		await expect(engine.testCredential('imageKitApi')).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(emulator.requests.at(-1)).toMatchObject({
			method: 'GET',
			path: '/v1/files',
			query: { limit: '1' },
			headers: { authorization: BASIC_AUTH },
		});
	});

	it("testCredential maps the API's status code to the credential's rule message", async () => {
		await expect(
			engine.testCredential('imageKitApi', { privateKey: 'private_wrong' }),
		).resolves.toEqual({
			status: 'Error',
			message: ruleMessage(403),
		});
		await expect(engine.testCredential('imageKitApi', { privateKey: '' })).resolves.toEqual({
			status: 'Error',
			message: ruleMessage(401),
		});
	});
});

describe('FixtureCredentialsHelper', () => {
	it('applies a function-style authenticate as n8n does', async () => {
		const tokenApi: ICredentialType = {
			name: 'tokenApi',
			displayName: 'Token API',
			properties: [],
			authenticate: async (credentials, request) => ({
				...request,
				headers: { ...request.headers, 'x-api-token': credentials.token as string },
			}),
		};
		const helper = new FixtureCredentialsHelper([tokenApi], {});
		const request: IHttpRequestOptions = {
			url: 'https://api.example.com',
			headers: { accept: 'application/json' },
		};

		await expect(helper.authenticate({ token: 't0k3n' }, 'tokenApi', request)).resolves.toEqual({
			url: 'https://api.example.com',
			headers: { accept: 'application/json', 'x-api-token': 't0k3n' },
		});
	});
});

describe('useProxy', () => {
	const variables = ['HTTPS_PROXY', 'https_proxy', 'npm_config_proxy', 'NO_PROXY', 'no_proxy'];
	let original: Array<[string, string | undefined]>;

	beforeEach(() => {
		original = variables.map((name) => [name, process.env[name]]);
	});

	afterEach(() => {
		for (const [name, value] of original) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	});

	it('routes the ImageKit hosts through the proxy, whatever NO_PROXY said, until restored', () => {
		process.env.npm_config_proxy = 'http://corporate:3128';
		process.env.NO_PROXY = 'localhost,.imagekit.io,api.imagekit.io:443,*.example.com';
		delete process.env.no_proxy;

		const restore = useProxy('http://127.0.0.1:9');

		expect(process.env.HTTPS_PROXY).toBe('http://127.0.0.1:9');
		expect(process.env.https_proxy).toBe('http://127.0.0.1:9');
		expect(process.env.npm_config_proxy).toBeUndefined();
		expect(process.env.NO_PROXY).toBe('localhost,*.example.com');

		restore();

		expect(process.env.npm_config_proxy).toBe('http://corporate:3128');
		expect(process.env.NO_PROXY).toBe('localhost,.imagekit.io,api.imagekit.io:443,*.example.com');
		expect(process.env.HTTPS_PROXY).toBe(original[0][1]);
	});
});

describe('engine: binary data', () => {
	const nodeTypes = {
		[BINARY_SOURCE_TYPE]: new BinarySource(),
		[BINARY_DIGEST_TYPE]: new BinaryDigest(),
	};
	const sizeBytes = 3 * 1024 * 1024 + 17;

	describe('filesystem mode', () => {
		let engine: Engine;

		beforeAll(async () => {
			engine = await createEngine({ nodeTypes, binaryMode: 'filesystem' });
		});

		afterAll(async () => {
			await engine.close();
		});

		it("BinarySource streams deterministic files into n8n's binary store", async () => {
			const result = await engine.runNode(BINARY_SOURCE_TYPE, {
				itemCount: 2,
				sizeBytes,
				seed: 'fs',
				fileName: 'photo.jpg',
				mimeType: 'image/jpeg',
			});

			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(2);
			for (const [itemIndex, item] of result.items.entries()) {
				const binary = item.binary!.data;
				expect(binary).toMatchObject({
					fileName: 'photo.jpg',
					mimeType: 'image/jpeg',
					bytes: sizeBytes,
				});
				expect(binary.id).toMatch(/^filesystem-v2:/);
				await expect(sha256OfStream(await engine.binaryStream(binary))).resolves.toBe(
					binarySourceSha256('fs', sizeBytes, itemIndex),
				);
			}
			expect(binarySourceSha256('fs', sizeBytes, 0)).not.toBe(
				binarySourceSha256('fs', sizeBytes, 1),
			);
		});

		it('a downstream node reads the stored file as a stream through the real helpers', async () => {
			const result = await engine.run({
				nodes: [
					{ name: 'Source', type: BINARY_SOURCE_TYPE, parameters: { sizeBytes, seed: 'chain' } },
					{ name: 'Digest', type: BINARY_DIGEST_TYPE },
				],
			});

			expect(result.error).toBeUndefined();
			expect(result.output('Digest')).toEqual([
				{
					json: { sha256: binarySourceSha256('chain', sizeBytes), sizeBytes, streamed: true },
					pairedItem: { item: 0 },
				},
			]);
		});
	});

	describe('default (memory) mode', () => {
		let engine: Engine;

		beforeAll(async () => {
			engine = await createEngine({ nodeTypes, binaryMode: 'default' });
		});

		afterAll(async () => {
			await engine.close();
		});

		it('keeps binary data inline, and downstream nodes read it as a buffer', async () => {
			const result = await engine.run({
				nodes: [
					{
						name: 'Source',
						type: BINARY_SOURCE_TYPE,
						parameters: { sizeBytes: 1000, seed: 'memory' },
					},
					{ name: 'Digest', type: BINARY_DIGEST_TYPE },
				],
			});

			const binary = result.output('Source')[0].binary!.data;
			expect(binary.id).toBeUndefined();
			await expect(sha256OfStream(await engine.binaryStream(binary))).resolves.toBe(
				binarySourceSha256('memory', 1000),
			);
			expect(result.output('Digest')[0].json).toEqual({
				sha256: binarySourceSha256('memory', 1000),
				sizeBytes: 1000,
				streamed: false,
			});
		});
	});
});
