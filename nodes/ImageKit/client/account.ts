import { ImageKitInputError } from './errors';
import { requiredText } from './checks';
import type { OriginRequest, OriginType, SavedExtensionInput, UrlEndpointRequest } from './types';

// Checks of the account endpoints' inputs, made before anything is sent (API.md §3.16, §3.18, §3.20).

/** ImageKit answers usage only for ranges shorter than this (API.md §3.16). */
export const MAX_USAGE_RANGE_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface UsageRange {
	/** `YYYY-MM-DD`, included. */
	startDate: string;
	/** `YYYY-MM-DD`, excluded. */
	endDate: string;
}

/** The calendar day of a Date (in UTC) or of text starting with `YYYY-MM-DD`, such as an ISO timestamp. */
function calendarDay(value: unknown, field: keyof UsageRange): { text: string; time: number } {
	let text: string | undefined;
	if (value instanceof Date && !Number.isNaN(value.getTime()))
		text = value.toISOString().slice(0, 10);
	// Other date objects (e.g. Luxon's) print themselves as ISO text.
	else if (typeof value === 'string' || (typeof value === 'object' && value !== null)) {
		text = /^\s*(\d{4}-\d{2}-\d{2})/.exec(String(value))?.[1];
	}
	const time = text === undefined ? NaN : Date.parse(`${text}T00:00:00Z`);
	// Date.parse rolls 2024-02-30 over to March, so a real day must survive the round trip.
	if (
		text === undefined ||
		Number.isNaN(time) ||
		new Date(time).toISOString().slice(0, 10) !== text
	) {
		throw new ImageKitInputError(
			field,
			`${field} must be a date such as 2024-01-31, got ${JSON.stringify(value)}`,
		);
	}
	return { text, time };
}

/**
 * The range as ImageKit's usage endpoint takes it, checked first: start before end (the end date is
 * excluded) and fewer than 90 days apart.
 */
export function usageRange(startDate: unknown, endDate: unknown): UsageRange {
	const start = calendarDay(startDate, 'startDate');
	const end = calendarDay(endDate, 'endDate');
	const days = (end.time - start.time) / DAY_MS;
	if (days <= 0) {
		throw new ImageKitInputError(
			'endDate',
			`endDate (${end.text}) must be after startDate (${start.text}); ` +
				'the end date itself is excluded, so for one day pick the next day as the end',
		);
	}
	if (days >= MAX_USAGE_RANGE_DAYS) {
		throw new ImageKitInputError(
			'endDate',
			`startDate (${start.text}) and endDate (${end.text}) are ${days} days apart; ` +
				`ImageKit allows fewer than ${MAX_USAGE_RANGE_DAYS}, so split the period into shorter ranges`,
		);
	}
	return { startDate: start.text, endDate: end.text };
}

export const ORIGIN_TYPES: readonly OriginType[] = [
	'S3',
	'S3_COMPATIBLE',
	'CLOUDINARY_BACKUP',
	'WEB_FOLDER',
	'WEB_PROXY',
	'GCS',
	'AZURE_BLOB',
	'AKENEO_PIM',
];
/** ImageKit tries at most this many origins per URL endpoint. */
export const MAX_URL_ENDPOINT_ORIGINS = 10;

export function checkedOrigin(origin: OriginRequest): OriginRequest {
	if (!origin || !ORIGIN_TYPES.includes(origin.type)) {
		throw new ImageKitInputError('type', `type must be one of ${ORIGIN_TYPES.join(', ')}`);
	}
	requiredText('name', origin.name);
	return origin;
}

export function checkedUrlEndpoint(endpoint: UrlEndpointRequest): UrlEndpointRequest {
	requiredText('description', endpoint?.description);
	const { origins } = endpoint;
	if (
		origins !== undefined &&
		(!Array.isArray(origins) || origins.length > MAX_URL_ENDPOINT_ORIGINS)
	) {
		throw new ImageKitInputError(
			'origins',
			`origins must be a list of at most ${MAX_URL_ENDPOINT_ORIGINS} origin ids`,
		);
	}
	return endpoint;
}

export function checkedSavedExtension<T extends Partial<SavedExtensionInput>>(
	input: T,
	complete: boolean,
): T {
	for (const field of ['name', 'description'] as const) {
		if (complete || input?.[field] !== undefined) requiredText(field, input?.[field]);
	}
	if (complete || input.config !== undefined) {
		const name = input.config?.name;
		if (typeof name !== 'string' || name === 'saved-extension') {
			throw new ImageKitInputError(
				'config',
				'config must be one extension, e.g. { name: "ai-auto-description" }, not a saved-extension reference',
			);
		}
	}
	return input;
}
