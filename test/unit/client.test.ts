import { createHash } from 'crypto';

import {
	ImageKit,
	ImageKitApiError,
	ImageKitConnectionError,
	ImageKitInputError,
	ImageKitRedirectError,
	ImageKitUnreadableAnswerError,
	phashDistance,
	timeoutError,
	uploadTimeoutMs,
} from '../../nodes/ImageKit/client';
import type { HttpRequest, HttpResponse, Requester } from '../../nodes/ImageKit/client';
import { MultipartBody } from '../../nodes/ImageKit/client/multipart';

const PRIVATE_KEY = 'private_key_test';

/** A requester answering from a script, recording what was asked and how long the client waited. */
function scripted(answers: Array<Partial<HttpResponse> | Error>) {
	const requests: HttpRequest[] = [];
	const waits: number[] = [];
	const request: Requester = async (req) => {
		requests.push(req);
		const answer = answers.shift();
		if (!answer) throw new Error('no scripted answer left');
		if (answer instanceof Error) throw answer;
		return { status: 200, headers: {}, body: undefined, ...answer };
	};
	const client = new ImageKit({
		privateKey: PRIVATE_KEY,
		request,
		sleep: async (ms) => {
			waits.push(ms);
		},
	});
	return { client, requests, waits };
}

function systemError(code: string): Error {
	return Object.assign(new Error(`connect ${code}`), { code });
}

describe('pHash distance', () => {
	it.each([
		['f06830ca9f1e3e90', 'f06830ca9f1e3e90', 0],
		['2d5ad3936d2e015b', '2d6ed293db36a4fb', 17],
		['a4a65595ac94518b', '7838873e791f8400', 37],
		['F06830CA9F1E3E90', 'f06830ca9f1e3e90', 0],
	])('%s vs %s is %i', (first, second, distance) => {
		expect(phashDistance(first, second)).toBe(distance);
		expect(ImageKit.phashDistance(first, second)).toBe(distance);
	});

	it('reads a number as its digits, as the older SDKs did', () => {
		expect(phashDistance('f06830ca9f1e3e90', 2222222222222222)).toBe(30);
	});

	it.each([
		['', 'f06830ca9f1e3e90', /Missing pHash value/],
		['f06830ca9f1e3e9z', 'f06830ca9f1e3e90', /Invalid pHash value "f06830ca9f1e3e9z"/],
		['f06830ca9f1e3e90', 'f0683', /Unequal pHash length/],
	])('rejects %p vs %p', (first, second, message) => {
		expect(() => phashDistance(first, second)).toThrow(message);
		expect(() => phashDistance(first, second)).toThrow(ImageKitInputError);
	});
});

describe('upload authentication parameters', () => {
	it('signs token + expire with HMAC-SHA1 of the private key (API.md §5.1 vector)', () => {
		const client = new ImageKit({ privateKey: PRIVATE_KEY });
		expect(client.getAuthenticationParameters('your_token', 1582269249)).toEqual({
			token: 'your_token',
			expire: 1582269249,
			signature: 'e71bcd6031016b060d349d212e23e85c791decdd',
		});
	});

	it('defaults to a random UUID and 30 minutes from now', () => {
		const client = new ImageKit({ privateKey: PRIVATE_KEY });
		const now = Math.floor(Date.now() / 1000);
		const first = client.getAuthenticationParameters();
		const second = client.getAuthenticationParameters();
		expect(first.token).toMatch(/^[0-9a-f-]{36}$/);
		expect(first.token).not.toBe(second.token);
		expect(first.expire - now).toBeGreaterThanOrEqual(1799);
		expect(first.expire - now).toBeLessThanOrEqual(1801);
	});
});

describe('private key hygiene', () => {
	it('keeps the private key out of the serialised client and its errors', async () => {
		const { client } = scripted([
			{ status: 403, body: { message: 'Your account cannot be authenticated.' } },
		]);
		expect(JSON.stringify(client)).not.toContain(PRIVATE_KEY);
		expect(Object.keys(client)).not.toContain('privateKey');
		const error = await client.getFileDetails('abc').catch((caught) => caught);
		expect(error).toBeInstanceOf(ImageKitApiError);
		expect(JSON.stringify(error)).not.toContain(PRIVATE_KEY);
		expect(String(error.stack)).not.toContain(PRIVATE_KEY);
	});

	it('requires a private key', () => {
		expect(() => new ImageKit({ privateKey: '' })).toThrow(/privateKey is required/);
	});
});

describe('API errors', () => {
	it('carry status, message, help, reason, rate limit and request id', async () => {
		const { client } = scripted([
			{
				status: 409,
				headers: { 'x-ik-requestid': 'req-1', 'x-ratelimit-limit': '10' },
				body: { message: 'File exists', help: 'Rename it', reason: 'FILE_ALREADY_EXISTS' },
			},
		]);
		const error: ImageKitApiError = await client.getFileDetails('abc').catch((caught) => caught);
		expect(error).toMatchObject({
			status: 409,
			message: 'File exists',
			help: 'Rename it',
			reason: 'FILE_ALREADY_EXISTS',
			requestId: 'req-1',
			rateLimit: { limit: 10 },
		});
	});

	it('name the status when ImageKit sent no message', async () => {
		const { client } = scripted([{ status: 400, body: '<html>bad request</html>' }]);
		const error = await client.getFileDetails('abc').catch((caught) => caught);
		expect(error.message).toBe('ImageKit answered with HTTP 400');
	});
});

describe('retries', () => {
	it('waits for X-RateLimit-Reset on 429, then succeeds', async () => {
		const { client, requests, waits } = scripted([
			{
				status: 429,
				headers: { 'x-ratelimit-reset': '1500' },
				body: { message: 'Too many requests' },
			},
			{ status: 200, body: [{ fileId: 'a' }] },
		]);
		await expect(client.listFiles({ limit: 1 })).resolves.toEqual([{ fileId: 'a' }]);
		expect(requests).toHaveLength(2);
		expect(waits).toEqual([1500]);
	});

	it('honours Retry-After in seconds', async () => {
		const { client, waits } = scripted([
			{ status: 503, headers: { 'retry-after': '2' } },
			{ status: 200, body: { status: 'Completed' } },
		]);
		await client.getPurgeCacheStatus('req');
		expect(waits).toEqual([2000]);
	});

	it('backs off exponentially on 5xx and gives up after the last retry', async () => {
		const { client, requests, waits } = scripted([
			{ status: 500 },
			{ status: 500 },
			{ status: 500 },
			{ status: 500, body: { message: 'Internal error' } },
		]);
		const error = await client.getFileDetails('abc').catch((caught) => caught);
		expect(error).toBeInstanceOf(ImageKitApiError);
		expect(error.message).toBe('Internal error');
		expect(requests).toHaveLength(4);
		expect(waits).toHaveLength(3);
		waits.forEach((wait, attempt) => {
			expect(wait).toBeGreaterThan(500 * 2 ** attempt * 0.74);
			expect(wait).toBeLessThanOrEqual(500 * 2 ** attempt);
		});
	});

	it('does not wait longer than allowed: a far reset fails at once with the rate-limit details', async () => {
		const { client, requests, waits } = scripted([
			{
				status: 429,
				headers: { 'x-ratelimit-reset': '900000' },
				body: { message: 'Too many requests' },
			},
		]);
		const error = await client.getFileDetails('abc').catch((caught) => caught);
		expect(error.rateLimit).toEqual({ reset: 900000 });
		expect(requests).toHaveLength(1);
		expect(waits).toEqual([]);
	});

	it('does not retry client errors', async () => {
		const { client, requests } = scripted([
			{ status: 404, body: { message: 'The requested file does not exist.' } },
		]);
		await expect(client.deleteFile('abc')).rejects.toThrow('The requested file does not exist.');
		expect(requests).toHaveLength(1);
	});

	it('retries a reset connection for an idempotent call', async () => {
		const { client, requests } = scripted([
			systemError('ECONNRESET'),
			{ status: 200, body: { fileId: 'a' } },
		]);
		await expect(client.getFileDetails('a')).resolves.toEqual({ fileId: 'a' });
		expect(requests).toHaveLength(2);
	});

	it('never retries an upload whose body may have reached the server', async () => {
		const { client, requests } = scripted([systemError('ECONNRESET')]);
		const error = await client
			.upload({ file: Buffer.from('abc'), fileName: 'a.txt' })
			.catch((caught) => caught);
		expect(error).toBeInstanceOf(ImageKitConnectionError);
		expect(error.message).toMatch(/may have carried it out all the same: check the media library/);
		expect(requests).toHaveLength(1);
	});

	it('never retries an upload answered with 500', async () => {
		const { client, requests } = scripted([{ status: 500, body: { message: 'Internal error' } }]);
		await expect(
			client.upload({ file: 'https://example.com/a.jpg', fileName: 'a.jpg' }),
		).rejects.toThrow('Internal error');
		expect(requests).toHaveLength(1);
	});

	it('retries an upload the server refused before reading (429, or no connection)', async () => {
		const { client, requests } = scripted([
			systemError('ECONNREFUSED'),
			{ status: 429, headers: { 'x-ratelimit-reset': '10' } },
			{ status: 200, body: { fileId: 'f' } },
		]);
		await expect(client.upload({ file: Buffer.from('abc'), fileName: 'a.txt' })).resolves.toEqual({
			fileId: 'f',
		});
		expect(requests).toHaveLength(3);
	});

	it('does not retry a streamed upload, which cannot be read twice', async () => {
		const { client, requests } = scripted([
			{ status: 429, headers: { 'x-ratelimit-reset': '10' } },
		]);
		async function* chunks() {
			yield Buffer.from('abc');
		}
		await expect(
			client.upload({ file: chunks(), fileSize: 3, fileName: 'a.txt' }),
		).rejects.toBeInstanceOf(ImageKitApiError);
		expect(requests).toHaveLength(1);
	});
});

describe('answers that are not a plain success', () => {
	it('refuses a redirect, naming its status and host, without sending anything further', async () => {
		const { client, requests } = scripted([
			{ status: 301, headers: { location: 'http://api.imagekit.io/v1/files/a/details' } },
		]);
		const error = await client.getFileDetails('a').catch((caught) => caught);
		expect(error).toBeInstanceOf(ImageKitRedirectError);
		expect(error).toBeInstanceOf(ImageKitApiError);
		expect(error.message).toMatch(
			/^ImageKit answered HTTP 301, a redirect to http:\/\/api\.imagekit\.io, which is not followed/,
		);
		expect(error.location).toBe('http://api.imagekit.io/v1/files/a/details');
		expect(requests).toHaveLength(1);
	});

	it('names a redirect without a location as such', async () => {
		const { client } = scripted([{ status: 302 }]);
		await expect(client.listFiles()).rejects.toThrow(
			'ImageKit answered HTTP 302, a redirect to no location, which is not followed',
		);
	});

	it('fails an unreadable success, adding for a write that it may have happened', async () => {
		const { client } = scripted([
			{ status: 200, unreadable: true },
			{ status: 200, unreadable: true },
		]);
		const read = await client.getFileDetails('a').catch((caught) => caught);
		expect(read).toBeInstanceOf(ImageKitUnreadableAnswerError);
		expect(read.message).toBe(
			"ImageKit's answer could not be read: HTTP 200 came without the JSON expected (cut short, or replaced on the way).",
		);
		await expect(client.moveFile('/a.png', '/b/')).rejects.toThrow(
			/replaced on the way\)\. ImageKit may have carried it out all the same: check the media library/,
		);
	});

	it('fails an upload answered 200 without a file', async () => {
		const { client } = scripted([{ status: 200, body: { message: 'ok' } }]);
		await expect(
			client.upload({ file: 'https://example.com/a.jpg', fileName: 'a.jpg' }),
		).rejects.toThrow(/could not be read.*check the media library/);
	});

	it('says a 5xx to a write that is not safe to repeat may have happened', async () => {
		const { client, requests } = scripted([{ status: 504, body: { message: 'Gateway Timeout' } }]);
		await expect(client.copyFile('/a.png', '/b/')).rejects.toThrow(
			'Gateway Timeout. ImageKit may have carried it out all the same: check the media library before you retry.',
		);
		expect(requests).toHaveLength(1);
	});

	it('returns a queued upload (202) as processing, distinct from a stored file', async () => {
		const { client } = scripted([
			{ status: 202, body: { message: 'The pre-transformation has been queued successfully.' } },
		]);
		const result = await client.upload({
			file: 'https://example.com/a.mp4',
			fileName: 'a.mp4',
			folder: '/videos/',
			transformation: { pre: 'w-300' },
		});
		expect(result).toEqual({
			status: 'processing',
			message: 'The pre-transformation has been queued successfully.',
			fileName: 'a.mp4',
			folder: '/videos/',
		});
		if (result.status === 'processing') expect(result).not.toHaveProperty('fileId');
		else throw new Error('a 202 must not read as a stored file');
	});
});

describe('timeouts', () => {
	it('gives every request the client’s timeout, 60 s unless set', async () => {
		const { client, requests } = scripted([{ body: [] }, { body: [] }]);
		await client.listFiles();
		await client.withTimeout(5000).listFiles();
		expect(requests.map((request) => request.timeoutMs)).toEqual([60_000, 5000]);
	});

	it('sizes an upload’s timeout to its body: 4 s more per MiB', async () => {
		const { client, requests } = scripted([{ body: { fileId: 'f' } }]);
		const file = Buffer.alloc(10 * 1024 * 1024);
		await client.withTimeout(30_000).upload({ file, fileName: 'big.bin' });
		const sent = requests[0].body as MultipartBody;
		expect(requests[0].timeoutMs).toBe(uploadTimeoutMs(30_000, sent.size));
		expect(uploadTimeoutMs(30_000, 10 * 1024 * 1024)).toBe(70_000);
		expect(requests[0].timeoutMs).toBeGreaterThan(70_000);
		expect(requests[0].timeoutMs).toBeLessThan(70_010);
	});

	it('retries a read that timed out, and names the wait when it keeps timing out', async () => {
		const timedOut = () => timeoutError(1000);
		const { client, requests } = scripted([timedOut(), timedOut(), timedOut(), timedOut()]);
		await expect(client.withTimeout(1500).getFileDetails('a')).rejects.toThrow(
			/^ImageKit did not answer within 1\.5 s\.$/,
		);
		expect(requests).toHaveLength(4);
	});

	it('refuses a timeout that is not a positive number of milliseconds', () => {
		expect(() => new ImageKit({ privateKey: PRIVATE_KEY, timeoutMs: 0 })).toThrow(
			'timeoutMs must be a number of milliseconds above 0, e.g. 60000, not 0',
		);
	});

	it('keeps the private key hidden in a client derived with another timeout', () => {
		const client = new ImageKit({ privateKey: PRIVATE_KEY }).withTimeout(1000);
		expect(JSON.stringify(client)).not.toContain(PRIVATE_KEY);
	});
});

async function bodyBytes(body: MultipartBody): Promise<Buffer> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of body.stream()) chunks.push(chunk);
	return Buffer.concat(chunks);
}

async function bodyText(body: MultipartBody): Promise<string> {
	return (await bodyBytes(body)).toString('utf8');
}

describe('upload requests', () => {
	it('frame fields and the file as multipart/form-data with an exact length', async () => {
		const { client, requests } = scripted([{ status: 200, body: { fileId: 'f' } }]);
		await client.upload({
			file: Buffer.from('hello'),
			fileName: 'greeting.txt',
			mimeType: 'text/plain',
			tags: ['a', 'b'],
			useUniqueFileName: false,
			customMetadata: { brand: 'Acme' },
			transformation: { pre: 'w-100' },
		});
		const [request] = requests;
		expect(request.url).toBe('https://upload.imagekit.io/api/v1/files/upload');
		const body = request.body as MultipartBody;
		const text = await bodyText(body);
		expect(Buffer.byteLength(text)).toBe(body.size);
		const boundary = body.type.split('boundary=')[1];
		const fields = Object.fromEntries(
			text
				.split(`--${boundary}`)
				.slice(1, -1)
				.map((part) => {
					const [head, value] = part.split('\r\n\r\n');
					return [/name="([^"]+)"/.exec(head)![1], value.replace(/\r\n$/, '')];
				}),
		);
		expect(fields).toEqual({
			fileName: 'greeting.txt',
			tags: 'a,b',
			useUniqueFileName: 'false',
			customMetadata: '{"brand":"Acme"}',
			transformation: '{"pre":"w-100"}',
			file: 'hello',
		});
		expect(text).toContain('filename="greeting.txt"\r\nContent-Type: text/plain');
		expect(Object.prototype.toString.call(body)).toBe('[object Blob]');
	});

	it('stream a file without changing its bytes and refuse a short stream', async () => {
		const bytes = createHash('sha256').update('seed').digest();
		async function* chunks() {
			yield bytes.subarray(0, 10);
			yield bytes.subarray(10);
		}
		const body = new MultipartBody([], {
			fieldName: 'file',
			content: chunks(),
			size: bytes.length,
			fileName: 'x',
		});
		const sent = await bodyBytes(body);
		expect(sent.length).toBe(body.size);
		const start = sent.indexOf('\r\n\r\n') + 4;
		expect(sent.subarray(start, start + bytes.length).equals(bytes)).toBe(true);
		expect(sent.subarray(start + bytes.length).toString()).toMatch(/^\r\n--[-\w]+--\r\n$/);
		const short = new MultipartBody([], {
			fieldName: 'file',
			content: chunks(),
			size: bytes.length + 1,
			fileName: 'x',
		});
		await expect(bodyText(short)).rejects.toThrow(/announced/);
	});

	it('names the missing input before sending anything', async () => {
		const { client, requests } = scripted([]);
		await expect(client.upload({ file: Buffer.from('a'), fileName: ' ' })).rejects.toMatchObject({
			field: 'fileName',
		});
		async function* chunks() {
			yield Buffer.from('a');
		}
		await expect(client.upload({ file: chunks(), fileName: 'a' })).rejects.toMatchObject({
			field: 'fileSize',
		});
		await expect(
			client.bulkDeleteFiles(Array.from({ length: 101 }, (_, i) => `id${i}`)),
		).rejects.toMatchObject({
			field: 'fileIds',
		});
		await expect(client.getFileDetails('')).rejects.toMatchObject({ field: 'fileId' });
		await expect(client.purgeCache('shoe.jpg')).rejects.toMatchObject({ field: 'url' });
		expect(requests).toHaveLength(0);
	});
});

describe('values placed in URL paths', () => {
	// Every client method that puts a caller's value into the path, with the option that holds it.
	const pathCalls: Array<[string, (client: ImageKit, value: string) => Promise<unknown>]> = [
		['fileId', (client, value) => client.getFileDetails(value)],
		['fileId', (client, value) => client.getFileMetadata(value)],
		['fileId', (client, value) => client.updateFileDetails(value, { description: 'x' })],
		['fileId', (client, value) => client.publishFile(value, true)],
		['fileId', (client, value) => client.deleteFile(value)],
		['fileId', (client, value) => client.listFileVersions(value)],
		['fileId', (client, value) => client.getFileVersion(value, 'v1')],
		['versionId', (client, value) => client.getFileVersion('f1', value)],
		['versionId', (client, value) => client.deleteFileVersion('f1', value)],
		['versionId', (client, value) => client.restoreFileVersion('f1', value)],
		['requestId', (client, value) => client.getPurgeCacheStatus(value)],
		['jobId', (client, value) => client.getBulkJobStatus(value)],
		['jobId', (client, value) => client.waitForBulkJob(value)],
		['fieldId', (client, value) => client.updateCustomMetadataField(value, { label: 'x' })],
		['fieldId', (client, value) => client.deleteCustomMetadataField(value)],
		['originId', (client, value) => client.getOrigin(value)],
		[
			'originId',
			(client, value) => client.updateOrigin(value, { type: 'WEB_PROXY', name: 'Proxy' }),
		],
		['originId', (client, value) => client.deleteOrigin(value)],
		['urlEndpointId', (client, value) => client.getUrlEndpoint(value)],
		[
			'urlEndpointId',
			(client, value) => client.updateUrlEndpoint(value, { description: 'x', urlPrefix: 'x' }),
		],
		['urlEndpointId', (client, value) => client.deleteUrlEndpoint(value)],
		['savedExtensionId', (client, value) => client.getSavedExtension(value)],
		['savedExtensionId', (client, value) => client.updateSavedExtension(value, { name: 'x' })],
		['savedExtensionId', (client, value) => client.deleteSavedExtension(value)],
	];
	const refusals: Array<[string, RegExp]> = [
		['', /is empty: give /],
		['  ', /is empty: give /],
		['.', /cannot be "\.": give /],
		[' .. ', /cannot be "\.\.": give /],
		['abc/..', /cannot contain "\/": give /],
		['abc?x=1', /cannot contain "\?": give /],
		['abc#x', /cannot contain "#": give /],
		['..\\abc', /cannot contain "\\": give /],
	];

	it.each(
		pathCalls.flatMap(([field, call]) =>
			refusals.map(([value, message]) => [field, call, value, message] as const),
		),
	)('%s refuses %p before sending anything', async (field, call, value, message) => {
		const { client, requests } = scripted([]);
		const failure = call(client, value);
		await expect(failure).rejects.toBeInstanceOf(ImageKitInputError);
		await expect(failure).rejects.toMatchObject({ field });
		await expect(failure).rejects.toThrow(new RegExp(`^${field} `));
		await expect(failure).rejects.toThrow(message);
		expect(requests).toHaveLength(0);
	});

	it('sends any other value as exactly one encoded segment', async () => {
		const { client, requests } = scripted([{ status: 204 }, { status: 204 }, { status: 204 }]);
		await client.deleteFileVersion('598821f949c0a938d57563bd', '%2e%2e');
		await client.deleteFileVersion('598821f949c0a938d57563bd', '...');
		await client.deleteFileVersion(' 598821f949c0a938d57563bd ', 'v 1 é');
		expect(requests.map((request) => request.url)).toEqual([
			'https://api.imagekit.io/v1/files/598821f949c0a938d57563bd/versions/%252e%252e',
			'https://api.imagekit.io/v1/files/598821f949c0a938d57563bd/versions/...',
			'https://api.imagekit.io/v1/files/598821f949c0a938d57563bd/versions/v%201%20%C3%A9',
		]);
		for (const request of requests) {
			expect(new URL(request.url).pathname.split('/')).toHaveLength(6);
		}
	});
});
