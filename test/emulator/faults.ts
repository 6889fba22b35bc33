import { STATUS_CODES } from 'http';

import { ApiError } from './errors';
import { PathTemplate, type EmulatorResponse } from './router';

export interface FaultMatch {
	/** Case-insensitive; any method when absent. */
	method?: string;
	/** A path (`:name` segments match any value) or a pattern tested on the path; any path when absent. */
	path?: string | RegExp;
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
	| { kind: 'serverError'; status?: 500 | 502 | 503 }
	/** A 400 with ImageKit's error body, for a refusal the emulator would not otherwise give. */
	| { kind: 'badRequest'; message: string }
	| { kind: 'connectionReset' }
);

export type AnsweredFault = Exclude<FaultSpec, { kind: 'connectionReset' }>;

// ImageKit does not publish its limits; these only have to be plausible.
const RATE_LIMIT_REQUESTS = 100;
const RATE_LIMIT_INTERVAL_MS = 1000;

interface ArmedFault {
	spec: FaultSpec;
	remaining: number;
	passesLeft: number;
	matches(method: string, pathname: string): boolean;
}

function matcherFor({ method, path }: FaultMatch = {}): ArmedFault['matches'] {
	const template = typeof path === 'string' ? new PathTemplate(path) : undefined;
	return (requestMethod, pathname) =>
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

	/** The first armed fault that matches the request, counted as used once. */
	take(method: string, pathname: string): FaultSpec | undefined {
		let fault: ArmedFault | undefined;
		for (const candidate of this.armed) {
			if (!candidate.matches(method, pathname)) continue;
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

export function faultResponse(fault: AnsweredFault): EmulatorResponse {
	if (fault.kind === 'badRequest')
		return { status: 400, body: new ApiError(400, fault.message).body };
	if (fault.kind === 'serverError') {
		const status = fault.status ?? 500;
		return { status, body: new ApiError(status, STATUS_CODES[status] ?? 'Server error').body };
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
