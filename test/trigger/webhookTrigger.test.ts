import { randomBytes } from 'crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ImageKitWebhookApi } from '../../credentials/ImageKitWebhookApi.credentials';
import { EVENT_OPTIONS, ImageKitTrigger } from '../../nodes/ImageKitTrigger/ImageKitTrigger.node';
import {
	ImageKitEmulator,
	webhookEvent,
	type SendWebhookOptions,
	type WebhookScheme,
} from '../emulator';
import { TriggerHost } from './trigger-host';
import { startWebhookServer, type WebhookServer } from './webhook-server';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const TYPE = 'n8n-nodes-imagekit.imageKitTrigger';

const emulator = new ImageKitEmulator({ privateKey: 'private_unused', openApi: false });
let host: TriggerHost;
let server: WebhookServer;

async function startTrigger(parameters: INodeParameters = {}): Promise<void> {
	await server?.close();
	host = new TriggerHost({
		type: TYPE,
		nodeType: new ImageKitTrigger(),
		parameters,
		credentialTypes: [new ImageKitWebhookApi()],
		credentials: { imageKitWebhookApi: { secret: SECRET } },
	});
	server = await startWebhookServer(host);
}

const fileCreated = () =>
	webhookEvent('file.created', {
		fileId: 'f1',
		name: 'shoe.png',
		filePath: '/shoe.png',
		price: 1.5,
	});

const send = async (
	scheme: WebhookScheme,
	options: Partial<SendWebhookOptions> = {},
	event = fileCreated(),
) => await emulator.sendWebhook(server.url, event, { scheme, secret: SECRET, ...options });

// Standard Webhooks timestamps are whole seconds, so cases stay a few seconds clear of the edge.
const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1000);

beforeEach(async () => await startTrigger());
afterAll(async () => await server.close());

describe.each<WebhookScheme>(['x-ik-signature', 'standard-webhooks'])(
	'ImageKit Trigger, %s',
	(scheme) => {
		it('starts one execution with the event and the verified scheme', async () => {
			const event = fileCreated();
			const delivery = await send(scheme, {}, event);
			expect(delivery.status).toBe(200);
			expect(server.executions).toHaveLength(1);
			expect(server.executions[0].map((item) => item.json)).toEqual([
				{ ...event, signatureScheme: scheme },
			]);
		});

		it('verifies the exact bytes received, not re-serialised JSON', async () => {
			// The emulator indents its JSON: re-serialising would drop the spaces and break the HMAC.
			const delivery = await send(scheme);
			expect(delivery.sent.body).toContain('\n "type": "file.created"');
			expect(delivery.status).toBe(200);
		});

		it.each([
			[
				'a wrong secret',
				{ secret: `whsec_${randomBytes(24).toString('base64')}` },
				'Invalid signature',
			],
			['a stale timestamp', { timestamp: secondsFromNow(-305) }, 'Timestamp too old'],
			['a future timestamp', { timestamp: secondsFromNow(305) }, 'Timestamp too new'],
			[
				'a tampered body',
				{ sentBody: (body: string) => body.replace('shoe.png', 'hat.png') },
				'Invalid signature',
			],
			[
				'no signature headers',
				{ headers: { 'x-ik-signature': undefined, 'webhook-signature': undefined } },
				'Missing signature header (x-ik-signature or webhook-signature)',
			],
		] as Array<[string, Partial<SendWebhookOptions>, string]>)(
			'answers 401 and runs nothing for %s',
			async (_case, options, reason) => {
				const delivery = await send(scheme, options);
				expect({ status: delivery.status, body: delivery.body }).toEqual({
					status: 401,
					body: reason,
				});
				expect(server.executions).toEqual([]);
			},
		);

		it('accepts timestamps inside the window on both sides', async () => {
			expect((await send(scheme, { timestamp: secondsFromNow(-295) })).status).toBe(200);
			expect((await send(scheme, { timestamp: secondsFromNow(295) })).status).toBe(200);
			expect(server.executions).toHaveLength(2);
		});

		it('uses the configured replay window', async () => {
			await startTrigger({ options: { replayWindowSeconds: 60 } });
			expect((await send(scheme, { timestamp: secondsFromNow(-65) })).body).toBe(
				'Timestamp too old',
			);
			expect((await send(scheme, { timestamp: secondsFromNow(65) })).body).toBe(
				'Timestamp too new',
			);
			expect((await send(scheme, { timestamp: secondsFromNow(-55) })).status).toBe(200);
		});

		it('acknowledges an event id it has already accepted, and runs it only once', async () => {
			const event = fileCreated();
			expect((await send(scheme, {}, event)).status).toBe(200);
			const replay = await send(scheme, {}, event);
			expect({ status: replay.status, body: JSON.parse(replay.body) }).toEqual({
				status: 200,
				body: 'Event already received; ignored',
			});
			expect(server.executions).toHaveLength(1);
		});

		it('acknowledges an unselected event with 200 and runs nothing', async () => {
			await startTrigger({ events: ['file.deleted'] });
			const delivery = await send(scheme);
			expect(delivery.status).toBe(200);
			expect(server.executions).toEqual([]);
			expect((await send(scheme, {}, webhookEvent('file.deleted', { fileId: 'f1' }))).status).toBe(
				200,
			);
			expect(server.executions).toHaveLength(1);
		});
	},
);

describe('ImageKit Trigger, malformed headers', () => {
	it.each([
		['x-ik-signature', { 'x-ik-signature': 'v1=abc' }, 'Malformed x-ik-signature header'],
		['x-ik-signature', { 'x-ik-signature': 't=soon,v1=abc' }, 'Malformed x-ik-signature header'],
		[
			'x-ik-signature',
			{ 'x-ik-signature': `t=${Date.now()},v1=` },
			'Malformed x-ik-signature header',
		],
		['x-ik-signature', { 'x-ik-signature': `t=${Date.now()},v1=zz` }, 'Invalid signature'],
		[
			'standard-webhooks',
			{ 'webhook-signature': 'v1' },
			'Malformed webhook-signature or webhook-timestamp header',
		],
		[
			'standard-webhooks',
			{ 'webhook-signature': 'v2,AAAA' },
			'Malformed webhook-signature or webhook-timestamp header',
		],
		[
			'standard-webhooks',
			{ 'webhook-timestamp': 'yesterday' },
			'Malformed webhook-signature or webhook-timestamp header',
		],
		[
			'standard-webhooks',
			{ 'webhook-id': undefined },
			'Missing webhook-id or webhook-timestamp header',
		],
		[
			'standard-webhooks',
			{ 'webhook-timestamp': undefined },
			'Missing webhook-id or webhook-timestamp header',
		],
	] as Array<[WebhookScheme, Record<string, string | undefined>, string]>)(
		'%s %j → 401 %s',
		async (scheme, headers, reason) => {
			const delivery = await send(scheme, { headers });
			expect({ status: delivery.status, body: delivery.body }).toEqual({
				status: 401,
				body: reason,
			});
			expect(server.executions).toEqual([]);
		},
	);
});

describe('ImageKit Trigger, Standard Webhooks keys', () => {
	it('also accepts the vanilla key, base64 of what follows whsec_', async () => {
		const delivery = await send('standard-webhooks', { standardKey: 'whsec-base64' });
		expect(delivery.status).toBe(200);
		expect(server.executions).toHaveLength(1);
	});

	it('accepts a header listing several signatures when one matches', async () => {
		const delivery = await send('standard-webhooks', {
			headers: (signed) => ({
				'webhook-signature': `v1,AAAA v2,BBBB ${signed['webhook-signature']}`,
			}),
		});
		expect(delivery.sent.headers['webhook-signature']).toMatch(/^v1,AAAA v2,BBBB v1,/);
		expect(delivery.status).toBe(200);
	});

	it('rejects a header whose listed signatures all fail', async () => {
		const delivery = await send('standard-webhooks', {
			headers: (signed) => ({
				'webhook-signature': `v1,AAAA v1,${signed['webhook-signature'].slice(4, -4)}AAA=`,
			}),
		});
		expect(delivery.body).toBe('Invalid signature');
	});

	it('runs a replayed webhook-id only once, even with a fresh timestamp and signature', async () => {
		expect((await send('standard-webhooks', { messageId: 'msg-1' })).status).toBe(200);
		const replay = await send('standard-webhooks', { messageId: 'msg-1' });
		expect(JSON.parse(replay.body)).toBe('Event already received; ignored');
		expect(server.executions).toHaveLength(1);
	});
});

describe('ImageKit Trigger, settings', () => {
	it('offers the 12 event types of the spec, all selected by default', () => {
		const { properties } = new ImageKitTrigger().description;
		const events = properties.find((property) => property.name === 'events');
		expect(EVENT_OPTIONS.map((option) => option.value).sort()).toEqual([
			'file-version.created',
			'file-version.deleted',
			'file.created',
			'file.deleted',
			'file.updated',
			'upload.post-transform.error',
			'upload.post-transform.success',
			'upload.pre-transform.error',
			'upload.pre-transform.success',
			'video.transformation.accepted',
			'video.transformation.error',
			'video.transformation.ready',
		]);
		expect(events?.default).toEqual(EVENT_OPTIONS.map((option) => option.value));
	});

	it('runs unsigned requests only when the signature check is turned off', async () => {
		await startTrigger({ verifySignature: false });
		const delivery = await send('x-ik-signature', { headers: { 'x-ik-signature': undefined } });
		expect(delivery.status).toBe(200);
		expect(server.executions[0][0].json).toMatchObject({
			type: 'file.created',
			signatureScheme: 'none',
		});
	});

	it('keeps a bounded list of recent event ids in static data', async () => {
		await send('x-ik-signature');
		await send('x-ik-signature');
		expect(Object.keys(host.staticData.recentEventIds as IDataObject)).toHaveLength(2);
	});

	it('has no-op lifecycle methods, as ImageKit webhooks are added in its dashboard', async () => {
		const { webhookMethods } = new ImageKitTrigger();
		const noContext = {} as never;
		expect(await webhookMethods.default.checkExists.call(noContext)).toBe(true);
		expect(await webhookMethods.default.create.call(noContext)).toBe(true);
		expect(await webhookMethods.default.delete.call(noContext)).toBe(true);
	});

	it('tests the credential by the secret’s shape', async () => {
		const test = new ImageKitTrigger().methods.credentialTest.imageKitWebhookSecretTest;
		const run = async (secret: string) =>
			await test.call({} as never, {
				id: '1',
				name: 'c',
				type: 'imageKitWebhookApi',
				data: { secret },
			});
		expect((await run(SECRET)).status).toBe('OK');
		expect((await run('')).status).toBe('Error');
		expect(await run(` ${SECRET}`)).toEqual({
			status: 'Error',
			message: 'The secret starts or ends with a space; copy it again',
		});
	});
});
