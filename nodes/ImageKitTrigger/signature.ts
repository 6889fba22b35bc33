import { createHmac, timingSafeEqual } from 'crypto';

/** How a webhook was signed (API.md §8.2 and §8.3). */
export type SignatureScheme = 'x-ik-signature' | 'standard-webhooks';

export type SignatureCheck =
	| {
			valid: true;
			scheme: SignatureScheme;
			/** The message id the sender signed (`webhook-id`); the legacy scheme signs none. */
			messageId?: string;
	  }
	| { valid: false; reason: string };

export interface SignatureCheckOptions {
	secret: string;
	/** Accepted distance between the signed timestamp and now, in seconds, both ways. */
	toleranceSeconds: number;
	nowMs: number;
}

/** Request headers, names in lower case as Node.js gives them. */
export type WebhookHeaders = Record<string, string | string[] | undefined>;

const STANDARD_SECRET_PREFIX = 'whsec_';

function firstHeader(headers: WebhookHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

function hmacSha256(key: Buffer, ...parts: Buffer[]): Buffer {
	const hmac = createHmac('sha256', key);
	for (const part of parts) hmac.update(part);
	return hmac.digest();
}

/** Constant-time equality; the length check first, as timingSafeEqual throws on unequal lengths. */
function sameBytes(expected: Buffer, received: Buffer): boolean {
	return expected.length === received.length && timingSafeEqual(expected, received);
}

function timestampProblem(
	signedAtMs: number,
	{ toleranceSeconds, nowMs }: SignatureCheckOptions,
): string | undefined {
	if (nowMs - signedAtMs > toleranceSeconds * 1000) return 'Timestamp too old';
	if (signedAtMs - nowMs > toleranceSeconds * 1000) return 'Timestamp too new';
	return undefined;
}

/**
 * The keys a Standard Webhooks signature may use: the secret's UTF-8 bytes, which ImageKit's v7
 * SDKs verify with, and the vanilla Standard Webhooks key, base64 of what follows `whsec_`.
 */
function standardWebhooksKeys(secret: string): Buffer[] {
	const keys = [Buffer.from(secret, 'utf8')];
	const encoded = secret.startsWith(STANDARD_SECRET_PREFIX)
		? secret.slice(STANDARD_SECRET_PREFIX.length)
		: '';
	if (/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) keys.push(Buffer.from(encoded, 'base64'));
	return keys;
}

/** `x-ik-signature: t=<ms>,v1=<hex>` over `t + "." + rawBody`, keyed with the secret's UTF-8 bytes. */
function checkLegacySignature(
	header: string,
	rawBody: Buffer,
	options: SignatureCheckOptions,
): SignatureCheck {
	const fields = header.split(',').map((field) => field.trim().split('='));
	const timestamp = fields.find(([name]) => name === 't')?.[1];
	const signatures = fields
		.filter(([name, value]) => name === 'v1' && value)
		.map(([, value]) => value);
	if (!timestamp || !/^\d+$/.test(timestamp) || signatures.length === 0) {
		return { valid: false, reason: 'Malformed x-ik-signature header' };
	}
	const problem = timestampProblem(Number(timestamp), options);
	if (problem) return { valid: false, reason: problem };
	const expected = hmacSha256(
		Buffer.from(options.secret, 'utf8'),
		Buffer.from(`${timestamp}.`),
		rawBody,
	);
	const matches = signatures.some(
		(signature) =>
			/^[0-9a-f]+$/i.test(signature) && sameBytes(expected, Buffer.from(signature, 'hex')),
	);
	return matches
		? { valid: true, scheme: 'x-ik-signature' }
		: { valid: false, reason: 'Invalid signature' };
}

/** Standard Webhooks: `v1,<base64>` entries over `id.timestamp.rawBody`, timestamp in seconds. */
function checkStandardSignature(
	headers: WebhookHeaders,
	rawBody: Buffer,
	options: SignatureCheckOptions,
): SignatureCheck {
	const messageId = firstHeader(headers, 'webhook-id');
	const timestamp = firstHeader(headers, 'webhook-timestamp');
	const signatureHeader = firstHeader(headers, 'webhook-signature') ?? '';
	if (!messageId || !timestamp)
		return { valid: false, reason: 'Missing webhook-id or webhook-timestamp header' };
	const signatures = signatureHeader
		.split(' ')
		.map((entry) => entry.split(','))
		.filter(([version, value]) => version === 'v1' && value && /^[A-Za-z0-9+/]+={0,2}$/.test(value))
		.map(([, value]) => Buffer.from(value, 'base64'));
	if (!/^\d+$/.test(timestamp) || signatures.length === 0) {
		return { valid: false, reason: 'Malformed webhook-signature or webhook-timestamp header' };
	}
	const problem = timestampProblem(Number(timestamp) * 1000, options);
	if (problem) return { valid: false, reason: problem };
	const signedPrefix = Buffer.from(`${messageId}.${timestamp}.`);
	const matches = standardWebhooksKeys(options.secret)
		.map((key) => hmacSha256(key, signedPrefix, rawBody))
		.some((expected) => signatures.some((signature) => sameBytes(expected, signature)));
	return matches
		? { valid: true, scheme: 'standard-webhooks', messageId }
		: { valid: false, reason: 'Invalid signature' };
}

/** Checks a webhook's signature over the exact bytes received, with the scheme its headers name. */
export function checkSignature(
	headers: WebhookHeaders,
	rawBody: Buffer,
	options: SignatureCheckOptions,
): SignatureCheck {
	if (firstHeader(headers, 'webhook-signature') !== undefined) {
		return checkStandardSignature(headers, rawBody, options);
	}
	const legacyHeader = firstHeader(headers, 'x-ik-signature');
	if (legacyHeader !== undefined) return checkLegacySignature(legacyHeader, rawBody, options);
	return { valid: false, reason: 'Missing signature header (x-ik-signature or webhook-signature)' };
}
