import { createHmac, randomUUID } from 'crypto';

/** API.md §8.2 (`x-ik-signature`) and §8.3 (Standard Webhooks). */
export type WebhookScheme = 'x-ik-signature' | 'standard-webhooks';

export interface WebhookEvent {
	id: string;
	type: string;
	created_at: string;
	data: unknown;
	[field: string]: unknown;
}

export interface SendWebhookOptions {
	scheme: WebhookScheme;
	secret: string;
	/** When the request claims to be signed; default now. */
	timestamp?: Date;
	/** Standard Webhooks `webhook-id`; default the event's id. */
	messageId?: string;
	/**
	 * The Standard Webhooks HMAC key: the secret's UTF-8 bytes (what ImageKit's v7 SDKs verify with,
	 * the default) or vanilla Standard Webhooks' base64 of what follows `whsec_`.
	 */
	standardKey?: 'utf8' | 'whsec-base64';
	/** Bytes sent in place of the signed body, e.g. to tamper with it. */
	sentBody?: (signedBody: string) => string;
	/** Headers to add or (with undefined) remove after signing; a function gets the signed headers. */
	headers?:
		| Record<string, string | undefined>
		| ((signed: Record<string, string>) => Record<string, string | undefined>);
}

export interface WebhookDelivery {
	status: number;
	body: string;
	/** The exact request: the body bytes and headers sent. */
	sent: { body: string; headers: Record<string, string> };
}

function hmacKey({ secret, scheme, standardKey = 'utf8' }: SendWebhookOptions): Buffer {
	if (scheme === 'standard-webhooks' && standardKey === 'whsec-base64') {
		return Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
	}
	return Buffer.from(secret, 'utf8');
}

/** The signature headers ImageKit would send for this exact body. */
export function signatureHeaders(
	body: string,
	event: WebhookEvent,
	options: SendWebhookOptions,
): Record<string, string> {
	const timestamp = options.timestamp ?? new Date();
	const key = hmacKey(options);
	if (options.scheme === 'x-ik-signature') {
		const t = String(timestamp.getTime());
		const v1 = createHmac('sha256', key).update(`${t}.${body}`).digest('hex');
		return { 'x-ik-signature': `t=${t},v1=${v1}` };
	}
	const messageId = options.messageId ?? event.id;
	const seconds = String(Math.floor(timestamp.getTime() / 1000));
	const signature = createHmac('sha256', key)
		.update(`${messageId}.${seconds}.${body}`)
		.digest('base64');
	return {
		'webhook-id': messageId,
		'webhook-timestamp': seconds,
		'webhook-signature': `v1,${signature}`,
	};
}

/** An event of the given type with the envelope ImageKit sends (API.md §8.1). */
export function webhookEvent(type: string, data: unknown, createdAt = new Date()): WebhookEvent {
	return { id: randomUUID(), type, created_at: createdAt.toISOString(), data };
}

/**
 * POSTs a signed webhook as ImageKit does. The body is serialised with unusual spacing on purpose,
 * so a receiver that re-serialises the JSON before checking the signature fails.
 */
export async function sendWebhook(
	url: string,
	event: WebhookEvent,
	options: SendWebhookOptions,
): Promise<WebhookDelivery> {
	const signedBody = JSON.stringify(event, null, 1);
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		'user-agent': 'ImageKit-Webhook',
		...signatureHeaders(signedBody, event, options),
	};
	const overrides =
		typeof options.headers === 'function' ? options.headers({ ...headers }) : options.headers;
	for (const [name, value] of Object.entries(overrides ?? {})) {
		if (value === undefined) delete headers[name];
		else headers[name] = value;
	}
	const body = options.sentBody ? options.sentBody(signedBody) : signedBody;
	const response = await fetch(url, { method: 'POST', headers, body });
	return { status: response.status, body: await response.text(), sent: { body, headers } };
}
