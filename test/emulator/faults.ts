import { STATUS_CODES } from 'http';

import { ApiError } from './errors';
import { PathTemplate, type EmulatorResponse } from './router';

export interface FaultMatch {
	/** Case-insensitive; any method when absent. */
	method?: string;
	/** A path (`:name` segments match any value) or a pattern tested on the path; any path when absent. */
	path?: string | RegExp;
	/**
	 * Only requests to this host, e.g. `ik.imagekit.io` for the URL endpoint (the CDN, where only
	 * `redirect` and `hang` apply). Without it a fault matches API requests only (`api.imagekit.io`,
	 * `upload.imagekit.io`, …), never the CDN.
	 */
	host?: string;
}

export type FaultSpec = {
	match?: FaultMatch;
	/** How many matching requests get the fault; default 1. `Infinity` keeps it armed. */
	times?: number;
	/** How many matching requests pass untouched first, e.g. 2 to fail the third chunk; default 0. */
	after?: number;
} & (
	| {
			kind: 'rateLimit';
			/** Sent as X-RateLimit-Reset, the milliseconds to wait; default 1000. */
			resetMs?: number;
			/** Sent as Retry-After when given. */
			retryAfterSeconds?: number;
	  }
	| {
			kind: 'serverError';
			status?: 500 | 502 | 503 | 504;
			/** Carry the request out first, as when a gateway fails after ImageKit did the work. */
			takesEffect?: boolean;
	  }
	/** A 400 with ImageKit's error body, for a refusal the emulator would not otherwise give. */
	| { kind: 'badRequest'; message: string }
	| {
			kind: 'connectionReset';
			/** Carry the request out first, then drop the connection instead of answering. */
			takesEffect?: boolean;
	  }
	| {
			/** Read the whole request, then never answer (the connection stays open). */
			kind: 'hang';
			/** Carry the request out first, as when ImageKit did the work but its answer got stuck. */
			takesEffect?: boolean;
	  }
	| {
			/** Answer with a redirect instead of handling the request; only `location` is followed. */
			kind: 'redirect';
			status?: 301 | 302 | 303 | 307 | 308;
			location: string;
	  }
	| {
			/**
			 * Carry the request out and answer its status, but cut the JSON body in half (with a
			 * Content-Length that fits what is sent), as a broken proxy or an interrupted gzip would.
			 */
			kind: 'truncatedJson';
	  }
	| {
			/** Carry the request out and answer its status with an HTML page instead of JSON. */
			kind: 'invalidJson';
	  }
);

export type FaultKind = FaultSpec['kind'];

/** Faults answered in place of handling the request. */
export type AnsweredFault = Extract<
	FaultSpec,
	{ kind: 'rateLimit' | 'serverError' | 'redirect' | 'badRequest' }
>;

// ImageKit does not publish its limits; these only have to be plausible.
const RATE_LIMIT_REQUESTS = 100;
const RATE_LIMIT_INTERVAL_MS = 1000;

interface ArmedFault {
	spec: FaultSpec;
	remaining: number;
	passesLeft: number;
	matches(method: string, host: string, pathname: string, isApi: boolean): boolean;
}

function matcherFor({ method, path, host }: FaultMatch = {}): ArmedFault['matches'] {
	const template = typeof path === 'string' ? new PathTemplate(path) : undefined;
	return (requestMethod, requestHost, pathname, isApi) =>
		(host === undefined ? isApi : host.toLowerCase() === requestHost.toLowerCase()) &&
		(method === undefined || method.toUpperCase() === requestMethod) &&
		(path === undefined ||
			(template ? template.match(pathname) !== undefined : (path as RegExp).test(pathname)));
}

export class FaultInjector {
	private armed: ArmedFault[] = [];

	add(spec: FaultSpec): void {
		this.armed.push({
			spec,
			remaining: spec.times ?? 1,
			passesLeft: spec.after ?? 0,
			matches: matcherFor(spec.match),
		});
	}

	/**
	 * The first armed fault that matches the request, counted as used once. `isApi` says whether the
	 * request went to the API rather than the CDN, for faults that name no host.
	 */
	take(method: string, host: string, pathname: string, isApi: boolean): FaultSpec | undefined {
		let fault: ArmedFault | undefined;
		for (const candidate of this.armed) {
			if (!candidate.matches(method, host, pathname, isApi)) continue;
			if (candidate.passesLeft > 0) {
				candidate.passesLeft -= 1;
				continue;
			}
			fault = candidate;
			break;
		}
		if (!fault) return undefined;
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.armed = this.armed.filter((candidate) => candidate !== fault);
		return fault.spec;
	}

	clear(): void {
		this.armed = [];
	}
}

/** Whether the fault is answered in place of the request (see `faultResponse`). */
export function isAnsweredFault(fault: FaultSpec): boolean {
	return (
		fault.kind === 'rateLimit' ||
		fault.kind === 'redirect' ||
		fault.kind === 'badRequest' ||
		(fault.kind === 'serverError' && !fault.takesEffect)
	);
}

export function faultResponse(fault: AnsweredFault): EmulatorResponse {
	if (fault.kind === 'serverError') return serverErrorResponse(fault.status);
	if (fault.kind === 'badRequest')
		return { status: 400, body: new ApiError(400, fault.message).body };
	if (fault.kind === 'redirect') {
		const status = fault.status ?? 302;
		return {
			status,
			body: { message: STATUS_CODES[status] },
			headers: { Location: fault.location },
		};
	}
	return {
		status: 429,
		// The spec's 429 body carries only a message.
		body: { message: 'You have sent too many requests. Please wait before sending more.' },
		headers: {
			'X-RateLimit-Limit': String(RATE_LIMIT_REQUESTS),
			'X-RateLimit-Reset': String(fault.resetMs ?? 1000),
			'X-RateLimit-Interval': String(RATE_LIMIT_INTERVAL_MS),
			...(fault.retryAfterSeconds !== undefined && {
				'Retry-After': String(fault.retryAfterSeconds),
			}),
		},
	};
}

export function serverErrorResponse(status = 500): EmulatorResponse {
	return { status, body: new ApiError(status, STATUS_CODES[status] ?? 'Server error').body };
}

/** The bytes of an answer spoiled by a `truncatedJson` or `invalidJson` fault. */
export function unreadableBody(
	kind: 'truncatedJson' | 'invalidJson',
	answer: EmulatorResponse,
): { contentType: string; payload: string } {
	if (kind === 'invalidJson') {
		return {
			contentType: 'text/html; charset=utf-8',
			payload: '<html><body><h1>Service temporarily unavailable</h1></body></html>',
		};
	}
	const json = JSON.stringify(answer.body ?? {});
	return {
		contentType: 'application/json; charset=utf-8',
		payload: json.slice(0, Math.max(1, Math.floor(json.length / 2))),
	};
}
