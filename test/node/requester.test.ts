// How the node's requests fare whatever ImageKit or the network answers, through n8n's real request
// stack (and the same cases through the client's fetch requester): redirects, unreadable answers,
// timeouts, and server errors to writes that are not safe to repeat.
import type { IDataObject } from 'n8n-workflow';

import { ImageKit } from '../../nodes/ImageKit/client';
import { deterministicStream, expectedSha256 } from '../engine/deterministic-bytes';
import { BINARY_SOURCE_TYPE } from '../engine/harness';
import { NODE_TYPE, PRIVATE_KEY, serialisedRun, useNodeFixture } from './fixture';
import { imageKitSpec } from '../openapi/spec';

const fixture = useNodeFixture();

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const UNCERTAIN = /may have carried it out all the same: check the media library before you retry/;
const requestsTo = (host: string) =>
	fixture.emulator.requests.filter((request) => request.host === host);

/** Runs with HTTP_PROXY pointing at the emulator too, so plain-http requests reach it. */
async function withHttpProxy<T>(run: () => Promise<T>): Promise<T> {
	const saved = ['http_proxy', 'HTTP_PROXY'].map((name) => [name, process.env[name]] as const);
	process.env.http_proxy = fixture.emulator.proxyUrl;
	process.env.HTTP_PROXY = fixture.emulator.proxyUrl;
	try {
		return await run();
	} finally {
		for (const [name, value] of saved) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	}
}

const uploadFromUrl = (parameters: IDataObject = {}) => ({
	resource: 'file',
	operation: 'upload',
	inputSource: 'url',
	fileUrl: 'https://example.com/shoe.jpg',
	fileName: 'shoe.jpg',
	...parameters,
});

describe('redirects: the private key never follows one', () => {
	it.each([
		['another host', 'https://elsewhere.imagekit.io/v1/files', 'https://elsewhere.imagekit.io'],
		['plain http', 'http://api.imagekit.io/v1/files', 'http://api.imagekit.io'],
	])(
		'refuses a 302 from the API to %s, naming the status and the host',
		async (_case, location, target) => {
			const { fileId } = fixture.emulator.seedFile({ name: 'a.png' });
			fixture.emulator.injectFault({ kind: 'redirect', status: 302, location });
			const result = await withHttpProxy(
				async () => await fixture.run({ resource: 'file', operation: 'get', fileId: byId(fileId) }),
			);
			// The redirect's target never receives the key (n8n would re-send it there): nothing
			// reached it at all, only the one request to the API went out.
			const [asked, ...followed] = fixture.emulator.requests;
			expect(followed.filter((request) => request.headers.authorization)).toEqual([]);
			expect(followed).toEqual([]);
			expect([asked.host, asked.status]).toEqual(['api.imagekit.io', 302]);
			expect(result.error?.message).toContain(
				`ImageKit answered HTTP 302, a redirect to ${target}`,
			);
			expect(result.error?.message).toContain('which is not followed');
			expect(serialisedRun(result)).not.toContain(PRIVATE_KEY);
		},
	);

	it('does not follow a redirect in the credential test either', async () => {
		fixture.emulator.injectFault({
			kind: 'redirect',
			location: 'https://elsewhere.imagekit.io/v1/files',
		});
		const outcome = await fixture.engine.testCredential('imageKitApi');
		expect(outcome.status).toBe('Error');
		expect(fixture.emulator.requests.map((request) => [request.host, request.status])).toEqual([
			['api.imagekit.io', 302],
		]);
	});

	it('refuses a redirect of an upload, which is not sent again', async () => {
		fixture.emulator.injectFault({
			kind: 'redirect',
			status: 307,
			location: 'https://elsewhere.imagekit.io/api/v1/files/upload',
			times: Infinity,
		});
		const result = await fixture.run(uploadFromUrl());
		expect(result.error?.message).toMatch(
			/^ImageKit answered HTTP 307, a redirect to https:\/\/elsewhere\.imagekit\.io, which is not followed/,
		);
		expect(fixture.emulator.requests.map((request) => request.host)).toEqual([
			'upload.imagekit.io',
		]);
	});

	it('downloads through a CDN redirect without ever sending a credential', async () => {
		const note = fixture.emulator.seedFile({ name: 'note.txt', content: 'moved bytes' });
		fixture.emulator.injectFault({
			kind: 'redirect',
			status: 302,
			location: `${fixture.emulator.urlEndpoint}/note.txt?from=redirect`,
			match: { host: 'ik.imagekit.io' },
		});
		const result = await fixture.run({
			resource: 'file',
			operation: 'download',
			fileId: byId(note.fileId),
		});
		expect(result.error).toBeUndefined();
		const delivery = requestsTo('ik.imagekit.io');
		expect(delivery.map((request) => [request.status, request.query.from])).toEqual([
			[302, undefined],
			[200, 'redirect'],
		]);
		expect(delivery.map((request) => request.headers.authorization)).toEqual([
			undefined,
			undefined,
		]);
		const chunks: Buffer[] = [];
		for await (const chunk of await fixture.engine.binaryStream(result.items[0].binary!.data))
			chunks.push(chunk as Buffer);
		expect(Buffer.concat(chunks).toString()).toBe('moved bytes');
	});

	it('sends no credential when the CDN redirects to another host', async () => {
		const note = fixture.emulator.seedFile({ name: 'note.txt', content: 'bytes' });
		fixture.emulator.injectFault({
			kind: 'redirect',
			location: 'https://elsewhere.imagekit.io/emulator/note.txt',
			match: { host: 'ik.imagekit.io' },
		});
		const result = await fixture.run({
			resource: 'file',
			operation: 'download',
			fileId: byId(note.fileId),
		});
		// The other host is reached, without Authorization: it answers as the API does without a key.
		const elsewhere = requestsTo('elsewhere.imagekit.io');
		expect(elsewhere).toHaveLength(1);
		expect(elsewhere[0].headers.authorization).toBeUndefined();
		expect(elsewhere[0].status).toBe(401);
		expect(result.error?.message).toMatch(/failed: ImageKit answered HTTP 401/);
		// The emulator took the delivery path on the other host for an API call, which the spec lacks
		// (without the spec beside the clone, nothing is validated).
		expect(fixture.emulator.openApiViolations.splice(0)).toEqual(
			imageKitSpec
				? ['GET /emulator/note.txt: no operation of the OpenAPI spec matches this request']
				: [],
		);
	});
});

describe('unreadable answers', () => {
	it.each(['truncatedJson', 'invalidJson'] as const)(
		'fails a read whose 200 comes with %s, never outputting the raw text',
		async (kind) => {
			const { fileId } = fixture.emulator.seedFile({ name: 'a.png' });
			fixture.emulator.injectFault({ kind, match: { path: '/v1/files/:fileId/details' } });
			const result = await fixture.run(
				{ resource: 'file', operation: 'get', fileId: byId(fileId) },
				{ continueOnFail: true },
			);
			expect(result.items).toEqual([
				{
					json: {
						error: expect.stringMatching(
							/^ImageKit's answer could not be read: HTTP 200 came without the JSON expected/,
						),
					},
					pairedItem: { item: 0 },
				},
			]);
			expect(JSON.stringify(result.items)).not.toContain('<html>');
			expect(JSON.stringify(result.items)).not.toContain(fileId);
		},
	);

	it('says an upload whose answer was cut may have stored the file', async () => {
		fixture.emulator.injectFault({
			kind: 'truncatedJson',
			match: { path: '/api/v1/files/upload' },
		});
		const result = await fixture.run(uploadFromUrl());
		expect(result.error?.message).toMatch(/^ImageKit's answer could not be read/);
		expect(result.error?.message).toMatch(UNCERTAIN);
		expect(fixture.emulator.files.map((file) => file.name)).toEqual([
			expect.stringMatching(/^shoe_\w+\.jpg$/),
		]);
		expect(fixture.emulator.requests).toHaveLength(1);
	});
});

describe('timeouts', () => {
	const quick = { requestOptions: { timeout: 1 } };

	it('retries a read that got no answer in time', async () => {
		const { fileId } = fixture.emulator.seedFile({ name: 'a.png' });
		fixture.emulator.injectFault({ kind: 'hang', match: { path: '/v1/files/:fileId/details' } });
		const started = Date.now();
		const result = await fixture.run({
			resource: 'file',
			operation: 'get',
			fileId: byId(fileId),
			...quick,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.fileId).toBe(fileId);
		expect(fixture.emulator.requests.map((request) => request.fault)).toEqual(['hang', undefined]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});

	it('gives up on a server that never answers, naming the wait and where to raise it', async () => {
		fixture.emulator.injectFault({ kind: 'hang', times: Infinity });
		const result = await fixture.run({ resource: 'file', operation: 'getAll', ...quick });
		expect(result.error?.message).toBe(
			'ImageKit did not answer within 1 s: try again later, or raise Request Options → Timeout (Seconds) if ImageKit needs longer, e.g. for a large file',
		);
		// The first try and three retries.
		expect(fixture.emulator.requests).toHaveLength(4);
	}, 20_000);

	it('does not repeat an upload that got no answer, and says the file may exist', async () => {
		fixture.emulator.injectFault({
			kind: 'hang',
			takesEffect: true,
			match: { path: '/api/v1/files/upload' },
		});
		const result = await fixture.run(uploadFromUrl(quick));
		// 1 s, and a little more for the few bytes of the form.
		expect(result.error?.message).toMatch(/^ImageKit did not answer within 1 s\./);
		expect(result.error?.message).toMatch(UNCERTAIN);
		expect(fixture.emulator.requests).toHaveLength(1);
		expect(fixture.emulator.files).toHaveLength(1);
	});

	it('gives an upload 4 s more per MiB of body to answer', async () => {
		const halfMiB = 512 * 1024;
		fixture.emulator.injectFault({ kind: 'hang', match: { path: '/api/v1/files/upload' } });
		const started = Date.now();
		const result = await fixture.runWorkflow([
			{
				name: 'Source',
				type: BINARY_SOURCE_TYPE,
				parameters: { sizeBytes: halfMiB, seed: 'timeout', fileName: 'a.png' },
			},
			{
				name: 'Upload',
				type: NODE_TYPE,
				parameters: { resource: 'file', operation: 'upload', ...quick },
			},
		]);
		// 1 s, plus 2 s for half a MiB.
		expect(result.error?.message).toMatch(/^ImageKit did not answer within 3 s\./);
		expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
	}, 20_000);

	it('retries a download the CDN did not answer in time', async () => {
		const note = fixture.emulator.seedFile({ name: 'note.txt', content: 'late' });
		fixture.emulator.injectFault({ kind: 'hang', match: { host: 'ik.imagekit.io' } });
		const result = await fixture.run({
			resource: 'file',
			operation: 'download',
			fileId: byId(note.fileId),
			...quick,
		});
		expect(result.error).toBeUndefined();
		expect(requestsTo('ik.imagekit.io').map((request) => request.fault)).toEqual([
			'hang',
			undefined,
		]);
	});

	it('refuses a timeout of 0 naming the field', async () => {
		const result = await fixture.run({
			resource: 'file',
			operation: 'getAll',
			requestOptions: { timeout: 0 },
		});
		expect(result.error?.message).toBe(
			"'Timeout (Seconds)' must be a number of seconds above 0: enter e.g. 60",
		);
		expect(fixture.emulator.requests).toEqual([]);
	});
});

describe('server errors to writes that are not safe to repeat', () => {
	it('says a move answered with a 5xx may have happened, and does not repeat it', async () => {
		fixture.emulator.seedFile({ name: 'a.png', folder: '/from/' });
		fixture.emulator.injectFault({
			kind: 'serverError',
			status: 502,
			takesEffect: true,
			match: { path: '/v1/files/move' },
		});
		const result = await fixture.run({
			resource: 'file',
			operation: 'move',
			fileId: { __rl: true, mode: 'url', value: `${fixture.emulator.urlEndpoint}/from/a.png` },
			destinationPath: { __rl: true, mode: 'path', value: '/to/' },
		});
		expect(result.error?.message).toMatch(/^Bad Gateway\. ImageKit may have carried it out/);
		expect(result.error?.message).toMatch(UNCERTAIN);
		expect(fixture.emulator.requests.filter((r) => r.path === '/v1/files/move')).toHaveLength(1);
		expect(fixture.emulator.files.map((file) => file.filePath)).toEqual(['/to/a.png']);
	});

	it('retries a 5xx to a read, and says nothing of the media library when it persists', async () => {
		fixture.emulator.injectFault({ kind: 'serverError', status: 503, times: Infinity });
		const result = await fixture.run({ resource: 'file', operation: 'getAll' });
		expect(result.error?.message).toBeProblemWithFix('Service Unavailable');
		expect(fixture.emulator.requests).toHaveLength(4);
	});
});

describe('the client’s fetch requester, outside n8n', () => {
	const client = (timeoutMs?: number) =>
		new ImageKit({
			privateKey: PRIVATE_KEY,
			apiBaseUrl: fixture.emulator.baseUrl,
			uploadBaseUrl: fixture.emulator.baseUrl,
			timeoutMs,
			sleep: async () => {},
		});

	it('refuses a redirect to another host, which receives nothing', async () => {
		const { fileId } = fixture.emulator.seedFile({ name: 'a.png' });
		const other = fixture.emulator.baseUrl.replace('127.0.0.1', 'localhost');
		fixture.emulator.injectFault({ kind: 'redirect', location: `${other}/v1/files` });
		await expect(client().getFileDetails(fileId)).rejects.toThrow(
			`ImageKit answered HTTP 302, a redirect to ${other}, which is not followed`,
		);
		expect(fixture.emulator.requests).toHaveLength(1);
	});

	it.each(['truncatedJson', 'invalidJson'] as const)(
		'fails a 200 with %s like the n8n requester',
		async (kind) => {
			const { fileId } = fixture.emulator.seedFile({ name: 'a.png' });
			fixture.emulator.injectFault({ kind });
			await expect(client().getFileDetails(fileId)).rejects.toThrow(
				/^ImageKit's answer could not be read: HTTP 200/,
			);
		},
	);

	it('retries a read that timed out, and not an upload', async () => {
		const { fileId } = fixture.emulator.seedFile({ name: 'a.png' });
		fixture.emulator.injectFault({ kind: 'hang' });
		expect((await client(300).getFileDetails(fileId)).fileId).toBe(fileId);
		fixture.emulator.injectFault({ kind: 'hang', takesEffect: true });
		await expect(client(300).upload({ file: 'aGVsbG8=', fileName: 'a.txt' })).rejects.toThrow(
			/^ImageKit did not answer within 0\.3 s\. ImageKit may have carried it out all the same/,
		);
		expect(fixture.emulator.requests.map((request) => request.fault)).toEqual([
			'hang',
			undefined,
			'hang',
		]);
	});

	describe('streamed upload', () => {
		const MiB = 1024 * 1024;

		it('streams the body with its Content-Length, its bytes intact', async () => {
			const size = 3 * MiB + 17;
			const result = await client().upload({
				file: deterministicStream('fetch-upload', size),
				fileSize: size,
				fileName: 'clip.bin',
			});
			const [request] = fixture.emulator.requests;
			expect(request.headers['transfer-encoding']).toBeUndefined();
			expect(Number(request.headers['content-length'])).toBe(request.bodySize);
			expect(request.form?.file).toMatchObject({
				size,
				sha256: expectedSha256('fetch-upload', size),
			});
			expect(result).toMatchObject({ size });
		});

		it('times out when the file stops mid-body, and says the upload may have happened', async () => {
			let release = () => {};
			const stalled = new Promise<void>((resolve) => (release = resolve));
			async function* stallsAfterOneChunk() {
				yield Buffer.alloc(64 * 1024, 1);
				await stalled;
			}
			try {
				// 200 ms, and 500 ms for the 128 KiB announced.
				await expect(
					client(200).upload({
						file: stallsAfterOneChunk(),
						fileSize: 2 * 64 * 1024,
						fileName: 'cut.bin',
					}),
				).rejects.toThrow(
					/^ImageKit did not answer within 0\.7 s\. ImageKit may have carried it out/,
				);
			} finally {
				release();
			}
			expect(fixture.emulator.files).toEqual([]);
		});

		it('does not follow a redirect of a streamed upload, nor send it again', async () => {
			fixture.emulator.injectFault({
				kind: 'redirect',
				status: 307,
				location: `${fixture.emulator.baseUrl.replace('127.0.0.1', 'localhost')}/api/v1/files/upload`,
			});
			// fetch shows nothing of a redirect it refuses while streaming a body (see the requester).
			await expect(
				client().upload({
					file: deterministicStream('redirected', MiB),
					fileSize: MiB,
					fileName: 'a.bin',
				}),
			).rejects.toThrow(
				/^ImageKit answered HTTP 300, a redirect to no location, which is not followed/,
			);
			expect(fixture.emulator.requests).toHaveLength(1);
		});
	});

	describe('download()', () => {
		/** Delivery on the emulator's own origin, which fetch reaches without the proxy. */
		const cdn = () => {
			fixture.emulator.urlEndpoint = `${fixture.emulator.baseUrl}/cdn`;
			return new URL(fixture.emulator.baseUrl).host;
		};
		const read = async (body: AsyncIterable<Uint8Array>) => {
			const chunks: Uint8Array[] = [];
			for await (const chunk of body) chunks.push(chunk);
			return Buffer.concat(chunks).toString();
		};

		it('streams a delivery URL without a credential, through a redirect', async () => {
			const host = cdn();
			const note = fixture.emulator.seedFile({ name: 'note.txt', content: 'moved bytes' });
			fixture.emulator.injectFault({
				kind: 'redirect',
				location: `${fixture.emulator.urlEndpoint}/note.txt?from=redirect`,
				match: { host },
			});
			const download = await client().download(note.url);
			expect(download.status).toBe(200);
			expect(download.headers['content-type']).toMatch(/^text\/plain/);
			expect(await read(download.body)).toBe('moved bytes');
			expect(
				fixture.emulator.requests.map((request) => [
					request.status,
					request.query.from,
					request.headers.authorization,
				]),
			).toEqual([
				[302, undefined, undefined],
				[200, 'redirect', undefined],
			]);
		});

		it('fails a refused URL with its status, and retries one that did not answer', async () => {
			const host = cdn();
			fixture.emulator.seedFile({ name: 'note.txt', content: 'late' });
			await expect(
				client().download(`${fixture.emulator.urlEndpoint}/missing.txt`),
			).rejects.toMatchObject({ name: 'ImageKitApiError', status: 404 });
			fixture.emulator.injectFault({ kind: 'hang', match: { host } });
			const download = await client(300).download(`${fixture.emulator.urlEndpoint}/note.txt`);
			expect(await read(download.body)).toBe('late');
			expect(fixture.emulator.requests.map((request) => request.fault)).toEqual([
				undefined,
				'hang',
				undefined,
			]);
		});

		it('refuses a URL that is not absolute http(s), sending nothing', async () => {
			await expect(client().download('/note.txt')).rejects.toThrow(
				/^url must be an absolute http\(s\) URL/,
			);
			expect(fixture.emulator.requests).toEqual([]);
		});
	});
});
