// The client on n8n's `this.helpers.httpRequest` (a Code node): what it asks n8n for, and how
// n8n's answers and failures come back as the client's own results and errors.
import { runInNewContext } from 'vm';

import {
	createHttpRequestRequester,
	ImageKit,
	ImageKitApiError,
	ImageKitConnectionError,
	ImageKitInputError,
	ImageKitRedirectError,
} from '../../nodes/ImageKit/client';
import type { HttpRequestOptions } from '../../nodes/ImageKit/client';

const PRIVATE_KEY = 'private_key_code_node';
const AUTHORIZATION = `Basic ${Buffer.from(`${PRIVATE_KEY}:`).toString('base64')}`;

/**
 * A stand-in for n8n's helper as the task runner sees it: the options arrive as JSON (the runner's
 * RPC serialises them), and the answer or failure comes back as plain data.
 */
function helper(answers: Array<{ statusCode: number; body?: string; headers?: object } | object>) {
	const calls: HttpRequestOptions[] = [];
	const httpRequest = async (options: HttpRequestOptions) => {
		calls.push(JSON.parse(JSON.stringify(options)) as HttpRequestOptions);
		const answer = answers.shift();
		if (answer && 'statusCode' in answer) return { headers: {}, ...answer };
		throw answer;
	};
	const client = new ImageKit({ privateKey: PRIVATE_KEY, httpRequest, retry: { maxRetries: 0 } });
	return { client, calls };
}

/** The requester itself, for api.imagekit.io only, answering 200 and recording what it asks n8n. */
function requesterForApiHost() {
	const calls: HttpRequestOptions[] = [];
	const requester = createHttpRequestRequester(
		async (options) => {
			calls.push(options);
			return { statusCode: 200, headers: {}, body: '{}' };
		},
		PRIVATE_KEY,
		['https://api.imagekit.io'],
	);
	return { requester, calls };
}

const ok = (body: unknown) => ({ statusCode: 200, body: JSON.stringify(body) });

describe('ImageKit with httpRequest (n8n Code node)', () => {
	it('asks n8n for the raw answer, not followed, with its status, as text, with the timeout', async () => {
		const { client, calls } = helper([ok([{ fileId: 'f1' }])]);
		await expect(client.listFiles({ limit: 1 })).resolves.toEqual([{ fileId: 'f1' }]);
		expect(calls[0]).toMatchObject({
			method: 'GET',
			url: 'https://api.imagekit.io/v1/files',
			qs: { limit: 1 },
			headers: { authorization: AUTHORIZATION },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: client.timeoutMs,
			encoding: 'text',
			json: false,
		});
	});

	it('sends a JSON body as JSON text', async () => {
		const { client, calls } = helper([ok({ successfullyUpdatedFileIds: ['f1'] })]);
		await client.addTags(['f1'], ['sale']);
		expect(calls[0].headers['content-type']).toBe('application/json');
		expect(JSON.parse(calls[0].body as string)).toEqual({ fileIds: ['f1'], tags: ['sale'] });
	});

	it('uploads bytes as base64 text in the multipart body, the MIME type in a data URI', async () => {
		const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
		const { client, calls } = helper([ok({ fileId: 'f1', name: 'a.png' })]);
		await client.upload({ file: bytes, fileName: 'a.png', mimeType: 'image/png' });
		const { headers, body, url } = calls[0];
		expect(url).toBe('https://upload.imagekit.io/api/v1/files/upload');
		expect(headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(body).toContain(
			`name="file"\r\n\r\ndata:image/png;base64,${bytes.toString('base64')}\r\n`,
		);
	});

	it("uploads a Code node's own Uint8Array, made in another realm, as bytes", async () => {
		const bytes = runInNewContext('new Uint8Array([0, 159, 255])') as Uint8Array;
		expect(bytes instanceof Uint8Array).toBe(false);
		const { client, calls } = helper([ok({ fileId: 'f1', name: 'a.bin' })]);
		await client.upload({ file: bytes, fileName: 'a.bin' });
		expect(calls[0].body).toContain(`name="file"\r\n\r\nAJ//\r\n`);
	});

	it('refuses a streamed upload, which cannot cross to n8n, before sending anything', async () => {
		const { client, calls } = helper([]);
		async function* chunks() {
			yield Buffer.from('abc');
		}
		await expect(client.upload({ file: chunks(), fileSize: 3, fileName: 'a.txt' })).rejects.toThrow(
			ImageKitInputError,
		);
		expect(calls).toHaveLength(0);
	});

	it("returns ImageKit's error status as the client's ImageKitApiError", async () => {
		const { client } = helper([
			{ statusCode: 404, body: JSON.stringify({ message: 'The requested file does not exist.' }) },
		]);
		const failure = client.getFileDetails('missing');
		await expect(failure).rejects.toBeInstanceOf(ImageKitApiError);
		await expect(failure).rejects.toMatchObject({
			name: 'ImageKitApiError',
			status: 404,
			message: 'The requested file does not exist.',
		});
	});

	it('refuses a redirect n8n was told not to follow', async () => {
		const { client } = helper([
			{ statusCode: 302, headers: { Location: 'https://elsewhere.example/x' }, body: '' },
		]);
		await expect(client.getFileDetails('f1')).rejects.toBeInstanceOf(ImageKitRedirectError);
	});

	it('turns the serialised failure n8n sends back into ImageKitConnectionError, without the key', async () => {
		// What reaches the runner: axios' error as JSON, its request config and headers included.
		const { client } = helper([
			{
				message: 'connect ECONNREFUSED 127.0.0.1:9',
				code: 'ECONNREFUSED',
				config: { headers: { authorization: AUTHORIZATION } },
			},
		]);
		const error = await client.getFileDetails('f1').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ImageKitConnectionError);
		expect(error).toMatchObject({ code: 'ECONNREFUSED', name: 'ImageKitConnectionError' });
		expect(JSON.stringify(error) + String(error)).not.toContain(AUTHORIZATION.slice(6));
	});

	it("reads axios' timeout as no answer in time", async () => {
		const { client } = helper([{ message: 'timeout of 60000ms exceeded', code: 'ECONNABORTED' }]);
		await expect(client.getFileDetails('f1')).rejects.toMatchObject({
			name: 'ImageKitConnectionError',
			code: 'ETIMEDOUT',
			message: expect.stringContaining('did not answer within 60 s'),
		});
	});

	it('sends the private key only to the API hosts it was given', async () => {
		const { requester, calls } = requesterForApiHost();
		await requester({ method: 'GET', url: 'https://api.imagekit.io/v1/files' });
		await requester({ method: 'GET', url: 'https://elsewhere.example/v1/files' });
		expect(calls.map((call) => call.headers.authorization)).toEqual([AUTHORIZATION, undefined]);
	});

	it('sends no key on an anonymous request, even to an API host, and lets n8n follow its redirects', async () => {
		const { requester, calls } = requesterForApiHost();
		await requester({ method: 'GET', url: 'https://api.imagekit.io/v1/files', anonymous: true });
		expect(calls[0].headers.authorization).toBeUndefined();
		expect(calls[0].disableFollowRedirect).toBe(false);
	});

	it('refuses download(), whose stream cannot cross from n8n to the runner, before asking n8n', async () => {
		const { client, calls } = helper([]);
		await expect(client.download('https://ik.imagekit.io/demo/a.png')).rejects.toMatchObject({
			name: 'ImageKitInputError',
			field: 'responseType',
			message: expect.stringMatching(/^download\(\) cannot stream .*: fetch the file with /),
		});
		expect(calls).toEqual([]);
	});

	it('refuses an httpRequest that is not a function, rather than fall back to fetch', () => {
		expect(() => new ImageKit({ privateKey: PRIVATE_KEY, httpRequest: undefined })).toThrow(
			/httpRequest: this\.helpers\.httpRequest/,
		);
	});

	it('takes httpRequest or request, not both', () => {
		expect(
			() =>
				new ImageKit({
					privateKey: PRIVATE_KEY,
					httpRequest: async () => ({}),
					request: async () => ({ status: 200, headers: {}, body: undefined }),
				}),
		).toThrow(ImageKitInputError);
	});
});
