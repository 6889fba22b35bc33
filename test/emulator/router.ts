import type { ParsedBody } from './body';
import type { EmulatorState } from './state';

export interface RouteContext {
	params: Record<string, string>;
	query: URLSearchParams;
	body: ParsedBody;
	state: EmulatorState;
}

export interface EmulatorResponse {
	status: number;
	/** Sent as JSON; undefined sends an empty body (204). */
	body?: unknown;
	headers?: Record<string, string>;
}

export interface Route {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Segments starting with `:` are parameters, as in `/v1/files/:fileId/details`. */
	path: string;
	handle(context: RouteContext): EmulatorResponse;
}

/**
 * `.`/`..` segments (also percent-encoded) and `\` in the path as sent. WHATWG URL parsing would
 * collapse the dots or turn `\` into `/` and so reach another route: such a path is refused.
 */
export function hasAmbiguousSegment(rawPath: string): boolean {
	return (
		rawPath.includes('\\') || rawPath.split('/').some((segment) => /^(\.|%2e){1,2}$/i.test(segment))
	);
}

/**
 * One route's path. A request path must match it exactly: same number of segments, no trailing
 * slash, and no empty parameter, so a path that lost or gained a segment never reaches a route.
 */
export class PathTemplate {
	private readonly segments: string[];

	constructor(template: string) {
		this.segments = template.split('/');
	}

	/** The decoded parameters when `pathname` fits the template. */
	match(pathname: string): Record<string, string> | undefined {
		const parts = pathname.split('/');
		if (parts.length !== this.segments.length) return undefined;
		const params: Record<string, string> = {};
		for (const [index, segment] of this.segments.entries()) {
			if (segment.startsWith(':')) {
				if (parts[index] === '') return undefined;
				try {
					params[segment.slice(1)] = decodeURIComponent(parts[index]);
				} catch {
					return undefined;
				}
			} else if (segment !== parts[index]) {
				return undefined;
			}
		}
		return params;
	}
}

/** Routes are tried in order, so a literal path must come before a template that would also fit it. */
export class Router {
	private readonly entries: Array<{ route: Route; template: PathTemplate }>;

	constructor(routes: Route[]) {
		this.entries = routes.map((route) => ({ route, template: new PathTemplate(route.path) }));
	}

	find(
		method: string,
		pathname: string,
	): { route: Route; params: Record<string, string> } | undefined {
		for (const { route, template } of this.entries) {
			if (route.method !== method) continue;
			const params = template.match(pathname);
			if (params) return { route, params };
		}
		return undefined;
	}
}
