import axios, { type AxiosInstance } from 'axios';
import { createHash, randomBytes } from 'crypto';
import { once } from 'events';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import type { Socket } from 'net';
import * as path from 'path';
import * as tls from 'tls';

import { itWithSpec } from '../openapi/spec';
import { EMULATOR_CA_CERT_PATH, ImageKitEmulator, placeholderPng } from './index';

const PRIVATE_KEY = 'private_emulator_test_key';
const BASIC_AUTH = `Basic ${Buffer.from(`${PRIVATE_KEY}:`).toString('base64')}`;
const HELP = 'For support kindly contact us at support@imagekit.io.';
const PHASH = /^[0-9a-f]{16}$/;

let emulator: ImageKitEmulator;
let api: AxiosInstance;

beforeAll(async () => {
	emulator = new ImageKitEmulator({ privateKey: PRIVATE_KEY });
	await emulator.start();
	api = axios.create({
		baseURL: emulator.baseUrl,
		auth: { username: PRIVATE_KEY, password: 'do_not_set' },
		validateStatus: () => true,
	});
});

afterAll(() => emulator.stop());

beforeEach(() => {
	emulator.reset();
	emulator.clock = () => new Date();
});

afterEach(() => {
	expect(emulator.openApiViolations).toEqual([]);
	expect(emulator.internalErrors).toEqual([]);
});

/** For tests that send what the spec forbids on purpose: the emulator's answers must still conform. */
function acceptRequestViolations(expectedPattern: RegExp): void {
	expect(emulator.openApiViolations.length).toBeGreaterThan(0);
	for (const violation of emulator.openApiViolations)
		expect(violation).not.toMatch(/ response \d{3}: /);
	expect(emulator.openApiViolations.join('\n')).toMatch(expectedPattern);
	emulator.openApiViolations.length = 0;
}

function sha256(bytes: Buffer): string {
	return createHash('sha256').update(bytes).digest('hex');
}

function uploadForm(
	fields: Record<string, string>,
	file?: { bytes: Buffer; name: string; type?: string },
): FormData {
	const form = new FormData();
	if (file)
		form.append(
			'file',
			new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }),
			file.name,
		);
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	return form;
}

const upload = (
	fields: Record<string, string>,
	file?: { bytes: Buffer; name: string; type?: string },
) => api.post('/api/v1/files/upload', uploadForm(fields, file));

async function readJson(response: http.IncomingMessage) {
	const chunks: Buffer[] = [];
	for await (const chunk of response) chunks.push(chunk as Buffer);
	return { status: response.statusCode, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
}

function clockAt(iso: string): void {
	emulator.clock = () => new Date(iso);
}

describe('authentication', () => {
	it('answers 401 without credentials and 403 for another key, with a request id', async () => {
		const anonymous = await axios.get(`${emulator.baseUrl}/v1/files`, {
			validateStatus: () => true,
		});
		expect(anonymous.status).toBe(401);
		expect(anonymous.data).toEqual({
			message: 'Your request does not contain private API key.',
			help: HELP,
		});
		expect(anonymous.headers['x-ik-requestid']).toMatch(/^[0-9a-f-]{36}$/);

		const stranger = await axios.get(`${emulator.baseUrl}/v1/files`, {
			auth: { username: 'private_someone_else', password: '' },
			validateStatus: () => true,
		});
		expect(stranger.status).toBe(403);
		expect(stranger.data).toEqual({ message: 'Your account cannot be authenticated.', help: HELP });

		const form = uploadForm({ fileName: 'a.txt', file: 'aGk=' });
		const uploadWithoutKey = await axios.post(`${emulator.baseUrl}/api/v1/files/upload`, form, {
			validateStatus: () => true,
		});
		expect(uploadWithoutKey.status).toBe(401);
		expect(emulator.files).toEqual([]);
	});

	it('accepts the key with any password, and the raw key form the spec allows', async () => {
		const withPassword = `Basic ${Buffer.from(`${PRIVATE_KEY}:anything`).toString('base64')}`;
		for (const authorization of [BASIC_AUTH, withPassword, `Basic ${PRIVATE_KEY}`]) {
			const response = await axios.get(`${emulator.baseUrl}/v1/files`, {
				headers: { authorization },
			});
			expect(response.status).toBe(200);
		}
	});

	itWithSpec('answers unknown routes with a JSON 404', async () => {
		const response = await api.get('/v1/no-such-thing');
		expect(response.status).toBe(404);
		expect(response.data).toEqual({
			message: 'The ImageKit emulator has no route for GET /v1/no-such-thing.',
			help: HELP,
		});
		expect(response.headers['x-ik-requestid']).toBeDefined();
		acceptRequestViolations(/no operation of the OpenAPI spec matches/);
	});
});

describe('routes', () => {
	/** Sends the path exactly as written: axios (like WHATWG URL) would resolve `..` first. */
	async function rawRequest(method: string, requestPath: string) {
		const { port } = new URL(emulator.baseUrl);
		const request = http.request({
			host: '127.0.0.1',
			port,
			method,
			path: requestPath,
			headers: { authorization: BASIC_AUTH },
		});
		request.end();
		const [response] = (await once(request, 'response')) as [http.IncomingMessage];
		const chunks: Buffer[] = [];
		for await (const chunk of response) chunks.push(chunk as Buffer);
		const text = Buffer.concat(chunks).toString('utf8');
		return { status: response.statusCode, body: text ? JSON.parse(text) : undefined };
	}

	it.each([
		['DELETE', '/v1/files/{id}/'],
		['DELETE', '/v1/files/{id}/versions/..'],
		['DELETE', '/v1/files/{id}/versions/%2e%2E'],
		['DELETE', '/v1/files/{id}/versions/.'],
		['DELETE', '/v1/files/{id}\\'],
		['GET', '/v1/files/{id}/details/'],
		['GET', '/v1/files//details'],
		['GET', '/v1/files/{id}/versions/'],
	])('refuses %s %s, which is not exactly a route, and says so', async (method, template) => {
		const file = emulator.seedFile();
		const requestPath = template.replace('{id}', file.fileId);
		const answer = await rawRequest(method, requestPath);
		expect(answer.status).toBe(404);
		expect(answer.body.message).toMatch(/has no route/);
		expect(emulator.files).toHaveLength(1);
		// Recorded for every test's afterEach, with the path as it was sent.
		expect(emulator.openApiViolations.splice(0).join('\n')).toContain(
			`${method} ${requestPath}: not exactly one of the ImageKit API's routes`,
		);
		expect(emulator.requests.at(-1)?.path).toBe(requestPath);
	});

	it('serves the exact routes', async () => {
		const file = emulator.seedFile();
		expect((await rawRequest('GET', `/v1/files/${file.fileId}/details`)).status).toBe(200);
		expect((await rawRequest('DELETE', `/v1/files/${file.fileId}`)).status).toBe(204);
		expect(emulator.files).toHaveLength(0);
	});
});

describe('file lifecycle: upload, list, details, update, delete', () => {
	it('keeps an uploaded file through every management call', async () => {
		clockAt('2024-05-01T10:00:00.000Z');
		// ImageKit takes custom metadata only for fields defined in the account.
		for (const [name, type] of [
			['brand', 'Text'],
			['size', 'Number'],
			['color', 'Text'],
		]) {
			emulator.seedCustomMetadataField({ name, schema: { type } });
		}
		const image = placeholderPng(40, 30, 'lifecycle');
		const uploaded = await upload(
			{
				fileName: 'my photo.png',
				folder: '/products/shoes',
				tags: 'sale,summer',
				customMetadata: JSON.stringify({ brand: 'Nike', size: 42 }),
				responseFields: 'tags,customMetadata,isPrivateFile,metadata',
				description: 'Red shoe',
			},
			{ bytes: image, name: 'my photo.png', type: 'image/png' },
		);
		expect(uploaded.status).toBe(200);
		const { fileId, name } = uploaded.data;
		expect(name).toMatch(/^my_photo_[A-Za-z0-9]{9}\.png$/);
		expect(fileId).toMatch(/^[0-9a-f]{24}$/);
		expect(uploaded.data).toEqual({
			fileId,
			name,
			filePath: `/products/shoes/${name}`,
			url: `https://ik.imagekit.io/emulator/products/shoes/${name}`,
			thumbnailUrl: `https://ik.imagekit.io/emulator/tr:n-ik_ml_thumbnail/products/shoes/${name}`,
			width: 40,
			height: 30,
			size: image.length,
			fileType: 'image',
			AITags: null,
			versionInfo: { id: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'Version 1' },
			description: 'Red shoe',
			tags: ['sale', 'summer'],
			customMetadata: { brand: 'Nike', size: 42 },
			isPrivateFile: false,
			metadata: expect.objectContaining({
				width: 40,
				height: 30,
				format: 'png',
				pHash: expect.stringMatching(PHASH),
			}),
		});
		const [received] = emulator.requests;
		expect(received.host).toBe(new URL(emulator.baseUrl).host);
		expect(received.form?.fields.fileName).toBe('my photo.png');
		expect(received.form?.file).toEqual({
			fileName: 'my photo.png',
			contentType: 'image/png',
			size: image.length,
			sha256: sha256(image),
			bytes: image,
		});

		const listed = await api.get('/v1/files');
		expect(listed.status).toBe(200);
		expect(listed.data).toHaveLength(1);
		const details = (await api.get(`/v1/files/${fileId}/details`)).data;
		expect(listed.data[0]).toEqual(details);
		expect(details).toMatchObject({
			type: 'file',
			filePath: `/products/shoes/${name}`,
			url: `https://ik.imagekit.io/emulator/products/shoes/${name}?updatedAt=${Date.parse('2024-05-01T10:00:00.000Z')}`,
			mime: 'image/png',
			isPublished: true,
			customCoordinates: null,
			createdAt: '2024-05-01T10:00:00.000Z',
		});
		expect(
			(await api.get('/v1/files', { params: { path: '/products/shoes/' } })).data,
		).toHaveLength(1);
		expect((await api.get('/v1/files', { params: { path: '/products' } })).data).toHaveLength(0);
		expect(
			(await api.get('/v1/files', { params: { type: 'folder', path: '/products/' } })).data,
		).toEqual([
			expect.objectContaining({ type: 'folder', name: 'shoes', folderPath: '/products/shoes' }),
		]);
		expect(
			(await api.get('/v1/files', { params: { type: 'all' } })).data.map(
				(item: { name: string }) => item.name,
			),
		).toEqual(['products', 'shoes', name]);

		clockAt('2024-05-02T10:00:00.000Z');
		const updated = await api.patch(`/v1/files/${fileId}/details`, {
			tags: ['blue'],
			customMetadata: { brand: null, color: 'blue' },
			customCoordinates: '1,2,3,4',
			description: 'Blue shoe',
			extensions: [{ name: 'google-auto-tagging', minConfidence: 80, maxTags: 5 }],
		});
		expect(updated.status).toBe(200);
		expect(updated.data).toMatchObject({
			tags: ['blue'],
			customMetadata: { size: 42, color: 'blue' },
			customCoordinates: '1,2,3,4',
			description: 'Blue shoe',
			updatedAt: '2024-05-02T10:00:00.000Z',
			extensionStatus: { 'google-auto-tagging': 'pending' },
		});
		expect(emulator.files[0].extensions).toEqual([
			{ name: 'google-auto-tagging', minConfidence: 80, maxTags: 5 },
		]);

		const unpublished = await api.patch(`/v1/files/${fileId}/details`, {
			publish: { isPublished: false },
		});
		expect(unpublished.data.isPublished).toBe(false);
		expect(unpublished.data).not.toHaveProperty('extensionStatus');
		const untagged = await api.patch(`/v1/files/${fileId}/details`, {
			tags: null,
			customCoordinates: null,
		});
		expect(untagged.data).toMatchObject({ tags: null, customCoordinates: null });

		const deleted = await api.delete(`/v1/files/${fileId}`);
		expect(deleted.status).toBe(204);
		expect(deleted.data).toBe('');
		const gone = await api.get(`/v1/files/${fileId}/details`);
		expect(gone.status).toBe(404);
		expect(gone.data).toEqual({ message: 'The requested file does not exist.', help: HELP });
		expect((await api.delete(`/v1/files/${fileId}`)).status).toBe(404);
	});

	it('removes AI tags by name or all at once', async () => {
		const aiTag = (tag: string) => ({ name: tag, confidence: 90, source: 'google-auto-tagging' });
		const { fileId } = emulator.seedFile({ AITags: [aiTag('car'), aiTag('road'), aiTag('sky')] });
		const partly = await api.patch(`/v1/files/${fileId}/details`, { removeAITags: ['car', 'sky'] });
		expect(partly.data.AITags).toEqual([aiTag('road')]);
		const fully = await api.patch(`/v1/files/${fileId}/details`, { removeAITags: 'all' });
		expect(fully.data.AITags).toBeNull();
	});

	it('refuses invalid ids and update values', async () => {
		const invalidId = await api.get('/v1/files/not-an-id/details');
		expect(invalidId.status).toBe(400);
		expect(invalidId.data.message).toBe('Your request contains invalid fileId parameter.');
		const { fileId } = emulator.seedFile();
		const badMetadata = await api.patch(`/v1/files/${fileId}/details`, {
			customMetadata: 'brand=Nike',
		});
		expect(badMetadata.status).toBe(400);
		expect(badMetadata.data).toMatchObject({
			message: 'Invalid custom metadata.',
			errors: expect.any(Object),
		});
		const badPublish = await api.patch(`/v1/files/${fileId}/details`, {
			publish: { isPublished: 'no' },
		});
		expect(badPublish.status).toBe(400);
	});
});

describe('upload options', () => {
	const png = placeholderPng(12, 8, 'options');

	it('queues a video with a pre-transformation (202, nothing stored yet), as the spec answers', async () => {
		const queued = await upload({
			file: 'https://example.com/clip.mp4',
			fileName: 'clip.mp4',
			transformation: JSON.stringify({ pre: 'w-300', post: [{ type: 'thumbnail' }] }),
		});
		expect(queued.status).toBe(202);
		expect(queued.data).toEqual({
			message: 'The pre-transformation has been queued successfully.',
		});
		expect(emulator.files).toEqual([]);
		// Without `pre`, or for an image, the upload is stored at once.
		const postOnly = await upload({
			file: 'https://example.com/clip.mp4',
			fileName: 'clip.mp4',
			transformation: JSON.stringify({
				post: [{ type: 'abs', value: 'sr-240_360', protocol: 'hls' }],
			}),
		});
		expect(postOnly.status).toBe(200);
		const image = await upload({
			file: png.toString('base64'),
			fileName: 'a.png',
			transformation: JSON.stringify({ pre: 'w-300' }),
		});
		expect(image.status).toBe(200);
	});

	// The spec flags all but an empty `pre`, which it allows and ImageKit has nothing to apply.
	const invalidTransformations: Array<[string, string, RegExp | undefined]> = [
		['an empty pre', '{"pre": ""}', undefined],
		['not an object', '"w-300"', /transformation must be object/],
		['an unknown key', '{"pre": "w-300", "mid": "x"}', /transformation/],
		['post not a list', '{"post": {"type": "thumbnail"}}', /transformation\/post must be array/],
		['an unknown post type', '{"post": [{"type": "resize", "value": "w-1"}]}', /transformation/],
		['a transformation without value', '{"post": [{"type": "transformation"}]}', /transformation/],
		['abs without protocol', '{"post": [{"type": "abs", "value": "sr-240"}]}', /transformation/],
		[
			'abs with another protocol',
			'{"post": [{"type": "abs", "value": "sr-240", "protocol": "rtmp"}]}',
			/transformation/,
		],
	];
	const refusesTransformation = async (
		_case: string,
		transformation: string,
		violation: RegExp | undefined,
	) => {
		const refused = await upload({
			file: png.toString('base64'),
			fileName: 'a.png',
			transformation,
		});
		expect(refused.status).toBe(400);
		expect(refused.data).toEqual({
			message: 'The file could not be uploaded because the transformation field is invalid.',
			help: HELP,
		});
		expect(emulator.files).toEqual([]);
		if (violation) acceptRequestViolations(violation);
	};
	it.each(invalidTransformations.filter((entry) => !entry[2]))(
		'refuses a transformation with %s (400)',
		refusesTransformation,
	);
	itWithSpec.each(invalidTransformations.filter((entry) => entry[2]))(
		'refuses a transformation with %s (400), as the spec does',
		refusesTransformation,
	);

	it('refuses a transformation of a file that is neither image nor video', async () => {
		const refused = await upload({
			file: Buffer.from('plain text').toString('base64'),
			fileName: 'a.txt',
			transformation: '{"pre": "w-300"}',
		});
		expect(refused.status).toBe(400);
		expect(refused.data.message).toBe(
			'The file could not be uploaded because transformations are supported only for image and video files.',
		);
	});

	it('stores a stand-in for a URL instead of fetching it, and decodes base64 and data URIs', async () => {
		const fromUrl = await upload({
			file: 'https://example.com/images/cat.jpg',
			fileName: 'cat.jpg',
			useUniqueFileName: 'false',
		});
		expect(fromUrl.status).toBe(200);
		expect(fromUrl.data).toMatchObject({
			name: 'cat.jpg',
			fileType: 'image',
			width: expect.any(Number),
		});
		expect(emulator.files[0].sourceUrl).toBe('https://example.com/images/cat.jpg');
		const again = await upload({
			file: 'https://example.com/images/cat.jpg',
			fileName: 'cat2.jpg',
		});
		expect(emulator.files[1].content.sha256).toBe(emulator.files[0].content.sha256);
		expect(again.data.size).toBe(fromUrl.data.size);

		const fromBase64 = await upload({ file: png.toString('base64'), fileName: 'b64.png' });
		expect(fromBase64.data).toMatchObject({ width: 12, height: 8, size: png.length });
		const fromDataUri = await upload({
			file: `data:image/png;base64,${png.toString('base64')}`,
			fileName: 'uri.png',
		});
		expect(fromDataUri.data).toMatchObject({ width: 12, height: 8, size: png.length });
		expect(emulator.files[3].content.sha256).toBe(sha256(png));
	});

	it('sanitises names, keeps them with useUniqueFileName=false and honours overwrite flags', async () => {
		emulator.seedCustomMetadataField({ name: 'k', schema: { type: 'Number' } });
		const first = await upload(
			{
				fileName: 'summer sale#1.png',
				useUniqueFileName: 'false',
				tags: 'a',
				customMetadata: '{"k":1}',
				folder: 'x y',
			},
			{ bytes: png, name: 'ignored.png' },
		);
		expect(first.data).toMatchObject({
			name: 'summer_sale_1.png',
			filePath: '/x_y/summer_sale_1.png',
		});

		const overwriteKeepingTags = await upload(
			{
				fileName: 'summer sale#1.png',
				useUniqueFileName: 'false',
				overwriteTags: 'false',
				folder: 'x y',
				responseFields: 'tags,customMetadata',
			},
			{ bytes: Buffer.from('second version'), name: 'v2.png' },
		);
		expect(overwriteKeepingTags.data).toMatchObject({
			fileId: first.data.fileId,
			versionInfo: { name: 'Version 2' },
			tags: ['a'],
			customMetadata: {},
		});
		expect(emulator.files).toHaveLength(1);

		const refused = await upload(
			{
				fileName: 'summer_sale_1.png',
				useUniqueFileName: 'false',
				overwriteFile: 'false',
				folder: '/x_y/',
			},
			{ bytes: png, name: 'v3.png' },
		);
		expect(refused.status).toBe(400);
		expect(refused.data.message).toBe(
			'A file with the same name already exists at the exact location. We could not overwrite it because both overwriteFile and useUniqueFileName are set to false.',
		);
	});

	it('reports requested extensions as pending and records them with the other options', async () => {
		const extensions = [
			{ name: 'remove-bg', options: { add_shadow: true } },
			{ name: 'ai-auto-description' },
			{ name: 'saved-extension', id: 'ext_1' },
		];
		const response = await api.post(
			'/api/v2/files/upload',
			uploadForm(
				{
					fileName: 'ext.png',
					extensions: JSON.stringify(extensions),
					webhookUrl: 'https://hooks.example.com/imagekit',
					isPrivateFile: 'true',
					isPublished: 'false',
					customCoordinates: '10,10,100,100',
					responseFields: 'isPrivateFile,isPublished,customCoordinates,embeddedMetadata',
				},
				{ bytes: png, name: 'ext.png' },
			),
		);
		expect(response.status).toBe(200);
		expect(response.data).toMatchObject({
			extensionStatus: { 'remove-bg': 'pending', 'ai-auto-description': 'pending' },
			isPrivateFile: true,
			isPublished: false,
			customCoordinates: '10,10,100,100',
			embeddedMetadata: { ImageWidth: 12, ImageHeight: 8 },
		});
		expect(response.data).not.toHaveProperty('tags');
		expect(emulator.files[0]).toMatchObject({
			extensions,
			webhookUrl: 'https://hooks.example.com/imagekit',
		});
	});

	const uploadRefusals: Array<
		[Record<string, string>, Buffer | undefined, string, RegExp | undefined]
	> = [
		[
			{ fileName: 'a.png' },
			undefined,
			'Your request is missing file parameter.',
			/required property 'file'/,
		],
		[
			{ file: 'aGk=' },
			undefined,
			'Your request is missing fileName parameter.',
			/required property 'fileName'/,
		],
		[
			{ fileName: 'a.png', customMetadata: '{brand' },
			png,
			'Your request contains invalid value for customMetadata parameter. It should be a JSON string.',
			/customMetadata must be object/,
		],
		[
			{ fileName: 'a.png', useUniqueFileName: 'maybe' },
			png,
			'Your request contains invalid value for useUniqueFileName parameter. Use true or false.',
			/useUniqueFileName must be boolean/,
		],
		[
			{ fileName: 'a.png', file: 'not base64!' },
			undefined,
			'Your request contains invalid file parameter.',
			undefined,
		],
		[
			{ fileName: 'a.png', signature: 'abc', token: 't', expire: '1', publicKey: 'public_x' },
			png,
			'Your request contains both signature and basic auth parameter. Use only one method, you might be exposing your private API key.',
			undefined,
		],
		[
			{ fileName: 'a.png', tags: 'a%b' },
			png,
			'Your request contains invalid value for tags parameter. The % character is not allowed in tags.',
			undefined,
		],
	];
	const refusesUpload = async (
		fields: Record<string, string>,
		bytes: Buffer | undefined,
		message: string,
		violation: RegExp | undefined,
	) => {
		const response = await upload(fields, bytes && { bytes, name: 'a.png' });
		expect(response.status).toBe(400);
		expect(response.data).toEqual({ message, help: HELP });
		expect(emulator.files).toEqual([]);
		if (violation) acceptRequestViolations(violation);
	};
	it.each(uploadRefusals.filter((refusal) => !refusal[3]))('refuses %j with 400', refusesUpload);
	itWithSpec.each(uploadRefusals.filter((refusal) => refusal[3]))(
		'refuses %j with 400, as the spec does',
		refusesUpload,
	);
});

describe('list and search', () => {
	function seedCatalogue() {
		clockAt('2024-06-15T12:00:00.000Z');
		const day = 24 * 60 * 60 * 1000;
		const at = (daysAgo: number) =>
			new Date(Date.parse('2024-06-15T12:00:00.000Z') - daysAgo * day);
		return [
			emulator.seedFile({
				name: 'banana.png',
				content: placeholderPng(30, 10, 'b'),
				tags: ['sale'],
				createdAt: at(1),
			}),
			emulator.seedFile({
				name: 'apple.png',
				content: placeholderPng(10, 40, 'a'),
				tags: ['new'],
				createdAt: at(10),
				folder: '/fruit',
			}),
			emulator.seedFile({
				name: 'cherry.txt',
				content: 'plain text, not an image',
				createdAt: at(3),
				updatedAt: at(0),
			}),
		];
	}

	const names = (data: Array<{ name: string }>) => data.map((item) => item.name);

	it('sorts by every sort value', async () => {
		seedCatalogue();
		const expectations: Record<string, string[]> = {
			ASC_NAME: ['apple.png', 'banana.png', 'cherry.txt'],
			DESC_NAME: ['cherry.txt', 'banana.png', 'apple.png'],
			ASC_CREATED: ['apple.png', 'cherry.txt', 'banana.png'],
			DESC_CREATED: ['banana.png', 'cherry.txt', 'apple.png'],
			ASC_UPDATED: ['apple.png', 'banana.png', 'cherry.txt'],
			DESC_UPDATED: ['cherry.txt', 'banana.png', 'apple.png'],
			ASC_HEIGHT: ['cherry.txt', 'banana.png', 'apple.png'],
			DESC_HEIGHT: ['apple.png', 'banana.png', 'cherry.txt'],
			ASC_WIDTH: ['cherry.txt', 'apple.png', 'banana.png'],
			DESC_WIDTH: ['banana.png', 'apple.png', 'cherry.txt'],
			ASC_RELEVANCE: ['banana.png', 'apple.png', 'cherry.txt'],
			DESC_RELEVANCE: ['banana.png', 'apple.png', 'cherry.txt'],
		};
		for (const [sort, expected] of Object.entries(expectations)) {
			const response = await api.get('/v1/files', { params: { sort } });
			expect([sort, names(response.data)]).toEqual([sort, expected]);
		}
		for (const [sort, direction] of [
			['ASC_SIZE', 1],
			['DESC_SIZE', -1],
		] as const) {
			const bySize = [...emulator.files].sort(
				(a, b) => direction * (a.content.size - b.content.size),
			);
			const response = await api.get('/v1/files', { params: { sort } });
			expect(names(response.data)).toEqual(bySize.map((file) => file.name));
		}
	});

	it('pages with skip and limit, keeping creation order for equal timestamps', async () => {
		clockAt('2024-01-01T00:00:00.000Z');
		const seeded = Array.from({ length: 5 }, (_, index) =>
			emulator.seedFile({ name: `same-time-${index}.png` }),
		);
		const page = await api.get('/v1/files', { params: { skip: 2, limit: 2 } });
		expect(names(page.data)).toEqual([seeded[2].name, seeded[3].name]);
		expect(new Set(seeded.map((file) => file.fileId)).size).toBe(5);
	});

	it('filters by fileType, and ignores the legacy tags and name parameters', async () => {
		seedCatalogue();
		expect(names((await api.get('/v1/files', { params: { fileType: 'image' } })).data)).toEqual([
			'apple.png',
			'banana.png',
		]);
		expect(names((await api.get('/v1/files', { params: { fileType: 'non-image' } })).data)).toEqual(
			['cherry.txt'],
		);
		// The current spec declares neither: ImageKit may ignore them, so the emulator does.
		const everything = ['apple.png', 'cherry.txt', 'banana.png'];
		expect(names((await api.get('/v1/files', { params: { tags: 'sale' } })).data)).toEqual(
			everything,
		);
		expect(names((await api.get('/v1/files', { params: { name: 'apple.png' } })).data)).toEqual(
			everything,
		);
		for (const violation of emulator.openApiViolations.splice(0))
			expect(violation).toMatch(/query parameter "(tags|name)" is not declared/);
	});

	it('matches AI tags with tags IN, as ImageKit does', async () => {
		emulator.seedFile({ name: 'tagged.png', tags: ['car'] });
		emulator.seedFile({
			name: 'ai-tagged.png',
			AITags: [{ name: 'car', confidence: 90, source: 'google-auto-tagging' }],
		});
		emulator.seedFile({ name: 'other.png', tags: ['boat'] });
		const found = await api.get('/v1/files', { params: { searchQuery: 'tags IN ["car"]' } });
		expect(names(found.data)).toEqual(['tagged.png', 'ai-tagged.png']);
	});

	it('answers the supported searchQuery subset', async () => {
		seedCatalogue();
		const search = async (searchQuery: string) =>
			names((await api.get('/v1/files', { params: { searchQuery } })).data);
		expect(await search('createdAt > "7d"')).toEqual(['cherry.txt', 'banana.png']);
		expect(await search('createdAt > "7d" AND tags IN ["sale"]')).toEqual(['banana.png']);
		expect(await search('updatedAt >= "2024-06-15" OR name : "app"')).toEqual([
			'apple.png',
			'cherry.txt',
		]);
		expect(await search('format = "png" AND size < "1mb" AND width > 20')).toEqual(['banana.png']);
		expect(await search('path : "/fruit"')).toEqual(['apple.png']);
		expect(await search('type = "folder"')).toEqual(['fruit']);
		const unsupported = await api.get('/v1/files', { params: { searchQuery: 'AITags = "car"' } });
		expect(unsupported.status).toBe(400);
		expect(unsupported.data.message).toMatch(/does not support the searchQuery field "AITags"/);
		const malformed = await api.get('/v1/files', { params: { searchQuery: 'createdAt >' } });
		expect(malformed.status).toBe(400);
		expect(malformed.data.message).toMatch(
			/^Your request contains invalid syntax for the searchQuery parameter/,
		);
	});

	itWithSpec.each([
		[{ limit: 1001 }, 'Maximum value of limit parameter is 1000. Value sent is 1001.'],
		[{ limit: 0 }, 'Minimum value of limit parameter is 1. Value sent is 0.'],
		[
			{ skip: -1 },
			'The value of skip parameter should be greater than or equal to 0. Value sent is -1.',
		],
		[{ sort: 'BY_COLOUR' }, 'Your request contains invalid value for sort parameters.'],
		[
			{ type: 'image' },
			'Your request contains invalid value for type parameter. Please provide one of the following: file, file-version, folder, all.',
		],
	])('refuses %j with the documented message', async (params, message) => {
		const response = await api.get('/v1/files', { params });
		expect(response.status).toBe(400);
		expect(response.data).toEqual({ message, help: HELP });
		acceptRequestViolations(new RegExp(`query parameter "${Object.keys(params)[0]}"`));
	});
});

describe('bulk delete', () => {
	it('is all or nothing: any missing ID gets a 404 naming it and deletes nothing', async () => {
		const [a, b, c] = [emulator.seedFile(), emulator.seedFile(), emulator.seedFile()];
		const missing = 'ffffffffffffffffffffffff';

		const none = await api.post('/v1/files/batch/deleteByFileIds', { fileIds: [missing] });
		expect(none.status).toBe(404);
		expect(none.data).toEqual({
			message: 'The requested file(s) does not exist.',
			help: HELP,
			missingFileIds: [missing],
		});

		const some = await api.post('/v1/files/batch/deleteByFileIds', {
			fileIds: [a.fileId, missing, b.fileId],
		});
		expect(some.status).toBe(404);
		expect(some.data).toEqual({
			message: 'The requested file(s) does not exist.',
			help: HELP,
			missingFileIds: [missing],
		});
		expect(emulator.files).toHaveLength(3);

		const all = await api.post('/v1/files/batch/deleteByFileIds', {
			fileIds: [a.fileId, b.fileId, c.fileId],
		});
		expect(all.status).toBe(200);
		expect(all.data).toEqual({ successfullyDeletedFileIds: [a.fileId, b.fileId, c.fileId] });
		expect(emulator.files).toEqual([]);
	});

	const bulkDeleteRefusals: Array<[string, unknown, string, RegExp | undefined]> = [
		[
			'101 ids',
			{ fileIds: Array.from({ length: 101 }, (_, index) => index.toString(16).padStart(24, '0')) },
			'fileIds cannot have more than 100 items.',
			undefined,
		],
		['an empty list', { fileIds: [] }, 'fileIds is empty.', undefined],
		['a body without fileIds', {}, 'fileIds parameter is missing.', /required property 'fileIds'/],
		[
			'fileIds that are no list',
			{ fileIds: 'abc' },
			'fileIds should be an Array.',
			/fileIds must be array/,
		],
	];
	const refusesBulkDelete = async (
		_label: string,
		body: unknown,
		message: string,
		violation: RegExp | undefined,
	) => {
		const response = await api.post('/v1/files/batch/deleteByFileIds', body);
		expect(response.status).toBe(400);
		expect(response.data).toEqual({ message, help: HELP });
		if (violation) acceptRequestViolations(violation);
	};
	it.each(bulkDeleteRefusals.filter((refusal) => !refusal[3]))('refuses %s', refusesBulkDelete);
	itWithSpec.each(bulkDeleteRefusals.filter((refusal) => refusal[3]))(
		'refuses %s, as the spec does',
		refusesBulkDelete,
	);
});

describe('bulk tags', () => {
	const missing = 'ffffffffffffffffffffffff';
	const notExisting = { message: 'The requested file(s) does not exist.', help: HELP };

	it('adds and removes tags, answering 207 with an error per file it could not change', async () => {
		const a = emulator.seedFile({ tags: ['old'] });
		const full = emulator.seedFile({ tags: ['x'.repeat(499)] });
		const added = await api.post('/v1/files/addTags', {
			fileIds: [a.fileId, full.fileId],
			tags: ['new'],
		});
		expect(added.status).toBe(207);
		expect(added.data).toEqual({
			successfullyUpdatedFileIds: [a.fileId],
			errors: [
				{
					fileId: full.fileId,
					error: 'Combined length of all tags should be less than or equal to 500.',
				},
			],
		});
		const removed = await api.post('/v1/files/removeTags', { fileIds: [a.fileId], tags: ['old'] });
		expect(removed.data).toEqual({ successfullyUpdatedFileIds: [a.fileId] });
		expect(emulator.files[0].tags).toEqual(['new']);
	});

	it.each(['addTags', 'removeTags'])(
		'%s answers 404 naming the missing IDs and changes nothing',
		async (operation) => {
			const a = emulator.seedFile({ tags: ['old'] });
			const response = await api.post(`/v1/files/${operation}`, {
				fileIds: [a.fileId, missing],
				tags: ['old', 'new'],
			});
			expect(response.status).toBe(404);
			expect(response.data).toEqual({ ...notExisting, missingFileIds: [missing] });
			expect(emulator.files[0].tags).toEqual(['old']);
		},
	);

	it('changes the existing files before the 404 when bulkTagsAllOrNothing is off', async () => {
		emulator.behaviour.bulkTagsAllOrNothing = false;
		const a = emulator.seedFile({ tags: ['old'] });
		const response = await api.post('/v1/files/addTags', {
			fileIds: [a.fileId, missing],
			tags: ['new'],
		});
		expect(response.status).toBe(404);
		expect(emulator.files[0].tags).toEqual(['old', 'new']);
	});

	it.each([
		[false, {}],
		[true, { missingFileIds: [missing] }],
	])(
		'removeAITags answers 404 (naming the missing IDs: %s) and changes nothing',
		async (namesMissingIds, named) => {
			emulator.behaviour.removeAITagsNamesMissingIds = namesMissingIds;
			const car = { name: 'car', confidence: 90, source: 'aws-auto-tagging' };
			const a = emulator.seedFile({ AITags: [car] });
			const response = await api.post('/v1/files/removeAITags', {
				fileIds: [a.fileId, missing],
				AITags: ['car'],
			});
			expect(response.status).toBe(404);
			expect(response.data).toEqual({ ...notExisting, ...named });
			expect(emulator.files[0].AITags).toEqual([car]);
		},
	);

	it('restores the switches on reset', () => {
		emulator.behaviour.removeAITagsNamesMissingIds = true;
		emulator.behaviour.bulkTagsAllOrNothing = false;
		emulator.behaviour.searchDates.precision = 'second';
		emulator.behaviour.indexingLagMs = 5000;
		emulator.reset();
		expect(emulator.behaviour).toEqual({
			removeAITagsNamesMissingIds: false,
			bulkTagsAllOrNothing: true,
			purgeWildcardReading: 'strict',
			searchDates: { precision: 'millisecond', documentedFormatsOnly: false },
			indexingLagMs: 0,
		});
	});
});

describe('metadata', () => {
	it('derives deterministic metadata, the pHash included, from the content', async () => {
		const same = placeholderPng(20, 10, 'same');
		const first = emulator.seedFile({ name: 'one.png', content: same, folder: '/meta' });
		const second = emulator.seedFile({ name: 'two.png', content: same });
		const other = emulator.seedFile({
			name: 'three.png',
			content: placeholderPng(20, 10, 'other'),
		});
		const metadataOf = async (fileId: string) =>
			(await api.get(`/v1/files/${fileId}/metadata`)).data;
		const firstMetadata = await metadataOf(first.fileId);
		expect(firstMetadata).toMatchObject({
			width: 20,
			height: 10,
			size: same.length,
			pHash: expect.stringMatching(PHASH),
		});
		expect((await metadataOf(second.fileId)).pHash).toBe(firstMetadata.pHash);
		expect((await metadataOf(other.fileId)).pHash).not.toBe(firstMetadata.pHash);

		const byUrl = await api.get('/v1/metadata', {
			params: { url: `${emulator.urlEndpoint}/tr:w-100/meta/one.png?v=1` },
		});
		expect(byUrl.status).toBe(200);
		expect(byUrl.data).toEqual(firstMetadata);
	});

	it('answers 400/404 for URLs and files it cannot describe', async () => {
		const text = emulator.seedFile({ name: 'notes.txt', content: 'not media' });
		const corrupt = await api.get(`/v1/files/${text.fileId}/metadata`);
		expect(corrupt.status).toBe(400);
		expect(corrupt.data.message).toBe('The requested file is corrupt or invalid.');
		const unknownFile = await api.get('/v1/files/ffffffffffffffffffffffff/metadata');
		expect(unknownFile.status).toBe(404);
		expect(unknownFile.data.message).toBe(
			'The requested file does not exist or is inaccessible at this time.',
		);
		const foreign = await api.get('/v1/metadata', { params: { url: 'https://example.com/a.png' } });
		expect(foreign.status).toBe(400);
		expect(foreign.data.message).toBe(
			'The url should be accessible using your ImageKit.io account.',
		);
		const absent = await api.get('/v1/metadata', {
			params: { url: `${emulator.urlEndpoint}/missing.png` },
		});
		expect(absent.status).toBe(404);
	});
});

describe('purge', () => {
	it('reports a purge as Pending, then Completed', async () => {
		const purge = await api.post('/v1/files/purge', {
			url: `${emulator.urlEndpoint}/products/shoes/*`,
		});
		expect(purge.status).toBe(201);
		expect(purge.data).toEqual({ requestId: expect.stringMatching(/^[0-9a-f]{24}$/) });
		const status = async () => (await api.get(`/v1/files/purge/${purge.data.requestId}`)).data;
		expect(await status()).toEqual({ status: 'Pending' });
		expect(await status()).toEqual({ status: 'Completed' });
		expect(await status()).toEqual({ status: 'Completed' });
	});

	// [path after the URL endpoint, accepted when read strictly, accepted when read leniently]
	const wildcards: Array<[string, boolean, boolean]> = [
		['/sample.jpg*', true, true],
		['/images/upload*', true, true],
		['/images/upload/*', true, true],
		['/abcdefghijklmno*', true, true], // 15 characters, 16 with the "/"
		['/abcdefghijklmn*', false, true], // 14 characters, 15 with the "/"
		['/images/*', false, true], // an empty second level
		['/images*', false, false],
		['/*', false, false],
		['/folder/*/sample.jpg', false, false],
		['/media/catalog/*', false, false],
		['/s/files/*', false, false],
		['/media/catalog/product/*', false, true],
		['/shoe.jpg', true, true],
	];

	it.each(wildcards)(
		'purges %s: %s when read strictly, %s when read leniently',
		async (path, strictly, leniently) => {
			for (const [reading, accepted] of [
				['strict', strictly],
				['lenient', leniently],
			] as const) {
				emulator.behaviour.purgeWildcardReading = reading;
				const response = await api.post('/v1/files/purge', {
					url: `${emulator.urlEndpoint}${path}`,
				});
				expect([reading, response.status]).toEqual([reading, accepted ? 201 : 400]);
				if (!accepted) {
					expect(response.data).toEqual({
						message: 'The URL is not valid for cache purging.',
						help: HELP,
					});
				}
			}
		},
	);

	itWithSpec('refuses URLs outside the account and unknown request ids', async () => {
		for (const url of ['https://example.com/a.png', 'not a url']) {
			const response = await api.post('/v1/files/purge', { url });
			expect(response.status).toBe(400);
			expect(response.data).toEqual({
				message: 'The URL is not valid for cache purging.',
				help: HELP,
			});
		}
		acceptRequestViolations(/body \/url must match format "uri"/);
		const unknown = await api.get('/v1/files/purge/0123456789abcdef01234567');
		expect(unknown.status).toBe(400);
		expect(unknown.data).toEqual({ message: 'No request found for this requestId.', help: HELP });
	});
});

describe('fault injection', () => {
	it('answers a rate limit with ImageKit headers, then recovers', async () => {
		emulator.injectFault({
			kind: 'rateLimit',
			resetMs: 1500,
			retryAfterSeconds: 2,
			match: { method: 'get', path: '/v1/files' },
		});
		expect(
			(await api.post('/v1/files/purge', { url: `${emulator.urlEndpoint}/a.png` })).status,
		).toBe(201);
		const limited = await api.get('/v1/files');
		expect(limited.status).toBe(429);
		expect(limited.headers).toMatchObject({
			'x-ratelimit-limit': '100',
			'x-ratelimit-reset': '1500',
			'x-ratelimit-interval': '1000',
			'retry-after': '2',
			'x-ik-requestid': expect.any(String),
		});
		expect(limited.data).toEqual({ message: expect.any(String) });
		expect((await api.get('/v1/files')).status).toBe(200);
		expect(emulator.requests.map((request) => [request.status, request.fault])).toEqual([
			[201, undefined],
			[429, 'rateLimit'],
			[200, undefined],
		]);
	});

	it('fails matching requests with server errors the given number of times', async () => {
		const { fileId } = emulator.seedFile();
		emulator.injectFault({
			kind: 'serverError',
			status: 503,
			times: 2,
			match: { path: '/v1/files/:fileId/details' },
		});
		emulator.injectFault({ kind: 'serverError', match: { path: /^\/v1\/files\/purge/ } });
		expect((await api.get('/v1/files')).status).toBe(200);
		const failures = [
			await api.get(`/v1/files/${fileId}/details`),
			await api.get(`/v1/files/${fileId}/details`),
		];
		expect(failures.map((response) => response.status)).toEqual([503, 503]);
		expect(failures[0].data).toEqual({ message: 'Service Unavailable', help: HELP });
		expect((await api.get(`/v1/files/${fileId}/details`)).status).toBe(200);
		expect(
			(await api.post('/v1/files/purge', { url: `${emulator.urlEndpoint}/a.png` })).status,
		).toBe(500);
	});

	it('lets the first matching requests through with `after`, and answers a given 400', async () => {
		emulator.injectFault({
			kind: 'badRequest',
			message: 'Your request contains invalid fileIds parameter.',
			after: 2,
			match: { path: '/v1/files' },
		});
		const statuses: number[] = [];
		for (let request = 0; request < 4; request++)
			statuses.push((await api.get('/v1/files')).status);
		expect(statuses).toEqual([200, 200, 400, 200]);
		expect(emulator.requests[2]).toMatchObject({ status: 400, fault: 'badRequest' });
	});

	it('resets an upload connection after the body has arrived, without storing the file', async () => {
		emulator.injectFault({
			kind: 'connectionReset',
			match: { method: 'POST', path: '/api/v1/files/upload' },
		});
		const bytes = randomBytes(200 * 1024);
		await expect(
			upload({ fileName: 'lost.bin' }, { bytes, name: 'lost.bin' }),
		).rejects.toMatchObject({ code: 'ECONNRESET' });
		expect(emulator.files).toEqual([]);
		expect(emulator.requests[0].fault).toBe('connectionReset');
		expect(emulator.requests[0].status).toBeUndefined();
		expect(emulator.requests[0].form?.file).toMatchObject({
			size: bytes.length,
			sha256: sha256(bytes),
		});
		expect((await upload({ fileName: 'kept.bin' }, { bytes, name: 'kept.bin' })).status).toBe(200);
	});
});

describe('streamed multipart uploads', () => {
	const BOUNDARY = 'emulator-stream-boundary';

	function streamUpload(
		write: (request: http.ClientRequest) => Promise<void>,
		contentLength?: number,
	) {
		const { port } = new URL(emulator.baseUrl);
		const request = http.request({
			host: '127.0.0.1',
			port,
			method: 'POST',
			path: '/api/v1/files/upload',
			headers: {
				authorization: BASIC_AUTH,
				'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
				...(contentLength !== undefined && { 'content-length': contentLength }),
			},
		});
		const answered = once(request, 'response').then(([response]) =>
			readJson(response as http.IncomingMessage),
		);
		return write(request).then(() => answered);
	}

	const head = (fileName: string) =>
		Buffer.from(
			`--${BOUNDARY}\r\nContent-Disposition: form-data; name="fileName"\r\n\r\n${fileName}\r\n` +
				`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
		);
	const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

	it('hashes and counts a 64 MiB chunked body without keeping it', async () => {
		const chunkSize = 64 * 1024;
		const chunkCount = 1024;
		const hash = createHash('sha256');
		const response = await streamUpload(async (request) => {
			request.write(head('big.bin'));
			for (let index = 0; index < chunkCount; index++) {
				const chunk = randomBytes(chunkSize);
				hash.update(chunk);
				if (!request.write(chunk)) await once(request, 'drain');
			}
			request.end(tail);
		});
		const size = chunkSize * chunkCount;
		const expectedSha256 = hash.digest('hex');
		expect(response.status).toBe(200);
		expect(response.body).toMatchObject({
			name: expect.stringMatching(/^big_[A-Za-z0-9]{9}\.bin$/),
			size,
			fileType: 'non-image',
		});
		const [received] = emulator.requests;
		expect(received.headers['transfer-encoding']).toBe('chunked');
		expect(received.form?.file).toEqual({
			fileName: 'big.bin',
			contentType: 'application/octet-stream',
			size,
			sha256: expectedSha256,
		});
		expect(received.rawBody).toHaveLength(0);
		expect(received.bodySize).toBe(size + head('big.bin').length + tail.length);
		expect(emulator.files[0].content).toMatchObject({ size, sha256: expectedSha256 });
	});

	it('streams a 256 MiB body through without buffering it', async () => {
		const chunk = Buffer.alloc(256 * 1024, 0x5a);
		const chunkCount = 1024;
		let peakRss = 0;
		const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
		const rssBefore = process.memoryUsage().rss;
		const response = await streamUpload(async (request) => {
			request.write(head('huge.bin'));
			for (let index = 0; index < chunkCount; index++) {
				if (!request.write(chunk)) await once(request, 'drain');
			}
			request.end(tail);
		}).finally(() => clearInterval(sampler));
		expect(response.status).toBe(200);
		expect(response.body.size).toBe(chunk.length * chunkCount);
		// Buffering would add the whole 256 MiB; streaming adds a few chunks.
		expect(peakRss - rssBefore).toBeLessThan(128 * 1024 * 1024);
	});

	it('reads a Content-Length body arriving in odd-sized pieces', async () => {
		const file = randomBytes(3 * 1024 * 1024 + 17);
		const body = Buffer.concat([head('sized.bin'), file, tail]);
		const response = await streamUpload(async (request) => {
			for (let offset = 0; offset < body.length; offset += 99_991) {
				if (!request.write(body.subarray(offset, offset + 99_991))) await once(request, 'drain');
			}
			request.end();
		}, body.length);
		expect(response.status).toBe(200);
		expect(response.body.size).toBe(file.length);
		expect(emulator.requests[0].form?.file).toMatchObject({
			size: file.length,
			sha256: sha256(file),
		});
		expect(emulator.requests[0].form?.file?.bytes).toBeUndefined();
	});
});

describe('TLS interception through the proxy', () => {
	const ca = fs.readFileSync(EMULATOR_CA_CERT_PATH);

	function connect(target: string): Promise<{ status: number; socket: Socket }> {
		return new Promise((resolve, reject) => {
			const { port } = new URL(emulator.proxyUrl);
			const request = http.request({ host: '127.0.0.1', port, method: 'CONNECT', path: target });
			request.once('connect', (response: http.IncomingMessage, socket: Socket) =>
				resolve({ status: response.statusCode ?? 0, socket }),
			);
			request.once('error', reject);
			request.end();
		});
	}

	async function requestThroughProxy(
		url: string,
		options: { method?: string; headers?: http.OutgoingHttpHeaders; body?: Buffer } = {},
	) {
		const { hostname, pathname, search } = new URL(url);
		const { status, socket } = await connect(`${hostname}:443`);
		expect(status).toBe(200);
		const secureSocket = tls.connect({ socket, servername: hostname, ca });
		const request = https.request({
			host: hostname,
			defaultPort: 443,
			path: `${pathname}${search}`,
			method: options.method ?? 'GET',
			headers: { authorization: BASIC_AUTH, ...options.headers },
			createConnection: () => secureSocket,
		});
		request.end(options.body);
		const [response] = await once(request, 'response');
		return readJson(response as http.IncomingMessage);
	}

	it('serves https://api.imagekit.io/v1/files with a certificate from the emulator CA', async () => {
		emulator.seedFile({ name: 'through-proxy.png' });
		const response = await requestThroughProxy('https://api.imagekit.io/v1/files?limit=10');
		expect(response.status).toBe(200);
		expect(response.body).toEqual([expect.objectContaining({ name: 'through-proxy.png' })]);
		expect(emulator.requests[0]).toMatchObject({
			host: 'api.imagekit.io',
			path: '/v1/files',
			query: { limit: '10' },
		});
	});

	it('serves uploads at https://upload.imagekit.io', async () => {
		const boundary = 'proxy-boundary';
		const body = Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="fileName"\r\n\r\nproxied.txt\r\n` +
				`--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n\r\naGVsbG8=\r\n--${boundary}--\r\n`,
		);
		const response = await requestThroughProxy('https://upload.imagekit.io/api/v1/files/upload', {
			method: 'POST',
			headers: {
				'content-type': `multipart/form-data; boundary=${boundary}`,
				'content-length': body.length,
			},
			body,
		});
		expect(response.status).toBe(200);
		expect(emulator.requests[0].host).toBe('upload.imagekit.io');
		expect(emulator.files[0].content.size).toBe(5);
	});

	// NODE_EXTRA_CA_CERTS is read at process start, so this runs when the test script sets it.
	const caTrustedByProcess =
		path.resolve(process.env.NODE_EXTRA_CA_CERTS ?? '') === EMULATOR_CA_CERT_PATH;
	(caTrustedByProcess ? it : it.skip)(
		'serves axios at the real hosts when HTTPS_PROXY points at it',
		async () => {
			process.env.HTTPS_PROXY = emulator.proxyUrl;
			try {
				const auth = { username: PRIVATE_KEY, password: 'do_not_set' };
				const form = uploadForm({ fileName: 'via-env.txt', file: 'aGk=' });
				const uploaded = await axios.post('https://upload.imagekit.io/api/v1/files/upload', form, {
					auth,
				});
				const listed = await axios.get('https://api.imagekit.io/v1/files', { auth });
				expect(listed.data).toEqual([expect.objectContaining({ fileId: uploaded.data.fileId })]);
				expect(emulator.requests.map((request) => request.host)).toEqual([
					'upload.imagekit.io',
					'api.imagekit.io',
				]);
			} finally {
				delete process.env.HTTPS_PROXY;
			}
		},
	);

	it('refuses to reach any other host', async () => {
		for (const target of ['example.com:443', 'api.imagekit.io:80', 'imagekit.io.evil.com:443']) {
			const { status, socket } = await connect(target);
			expect([target, status]).toEqual([target, 403]);
			socket.destroy();
		}
		const plainProxy = await axios.get('http://example.com/', {
			proxy: { protocol: 'http', host: '127.0.0.1', port: Number(new URL(emulator.proxyUrl).port) },
			validateStatus: () => true,
		});
		expect(plainProxy.status).toBe(403);
		expect(emulator.requests).toEqual([]);
	});
});
