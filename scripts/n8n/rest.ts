// HTTP calls to a running n8n's REST API.

// n8n ties a session to the browser ID it was created with.
const BROWSER_ID = 'n8n-nodes-imagekit-dev';

export interface RestResponse {
	status: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever the endpoint answers
	json: any;
	text: string;
	headers: Headers;
}

export async function request(
	baseUrl: string,
	method: string,
	urlPath: string,
	{
		body,
		cookie,
		timeoutMs = 15000,
	}: { body?: unknown; cookie?: string | null; timeoutMs?: number } = {},
): Promise<RestResponse> {
	const headers: Record<string, string> = { accept: 'application/json', 'browser-id': BROWSER_ID };
	if (body !== undefined) headers['content-type'] = 'application/json';
	if (cookie) headers.cookie = cookie;
	const res = await fetch(new URL(urlPath, baseUrl), {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
		redirect: 'manual',
		signal: AbortSignal.timeout(timeoutMs),
	});
	const text = await res.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, json, text, headers: res.headers };
}
