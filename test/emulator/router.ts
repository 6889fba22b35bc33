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

/** `/v1/files/` and `/v1/files` are the same resource (old SDKs send the trailing slash). */
export function withoutTrailingSlash(pathname: string): string {
	return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

export class PathTemplate {
	private readonly segments: string[];

	constructor(template: string) {
		this.segments = template.split('/');
	}

	/** The decoded parameters when `pathname` fits the template. */
	match(pathname: string): Record<string, string> | undefined {
		const parts = withoutTrailingSlash(pathname).split('/');
		if (parts.length !== this.segments.length) return undefined;
		const params: Record<string, string> = {};
		for (const [index, segment] of this.segments.entries()) {
			if (segment.startsWith(':')) {
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
