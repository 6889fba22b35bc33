import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo, Socket } from 'net';
import * as path from 'path';
import * as tls from 'tls';

import { loadOpenApi, OpenApiValidator } from '../openapi/validator';
import { readRequestBody, type ParsedBody } from './body';
import { bytesContent, describeContent, placeholderPng } from './content';
import { ApiError, badRequest } from './errors';
import { FaultInjector, faultResponse, type FaultSpec } from './faults';
import { Router, withoutTrailingSlash, type EmulatorResponse } from './router';
import { routes } from './routes';
import { EmulatorState, normalizeFolderPath, type AITag, type StoredFile } from './state';
import { fileDetailsView, type FileDetails } from './views';

const TLS_DIRECTORY = path.join(__dirname, 'tls');
/** The CA that signed the emulator's certificate for *.imagekit.io; trust it via NODE_EXTRA_CA_CERTS. */
export const EMULATOR_CA_CERT_PATH = path.join(TLS_DIRECTORY, 'ca.pem');
const DEFAULT_URL_ENDPOINT = 'https://ik.imagekit.io/emulator';

export interface ImageKitEmulatorOptions {
	privateKey: string;
	/** Default `https://ik.imagekit.io/emulator`. */
	urlEndpoint?: string;
	/**
	 * Validate every request and response against ImageKit's OpenAPI spec, collecting problems in
	 * `openApiViolations`. Default true, which loads the spec when it exists; a validator is used as is.
	 */
	openApi?: boolean | OpenApiValidator;
	/** How many status polls of a purge answer "Pending" before "Completed"; default 1. */
	purgePendingPolls?: number;
}

export interface RecordedFilePart {
	fileName: string;
	contentType: string;
	size: number;
	sha256: string;
	/** The part's bytes, only when smaller than 1 MiB. */
	bytes?: Buffer;
}

export interface RecordedRequest {
	requestId: string;
	method: string;
	/** The Host header: `api.imagekit.io` through the TLS proxy, `127.0.0.1:<port>` directly. */
	host: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	/** The body; for multipart bodies only when smaller than 1 MiB (`bodySize` is always the real size). */
	rawBody: Buffer;
	bodySize: number;
	json?: unknown;
	form?: { fields: Record<string, string>; file?: RecordedFilePart };
	/** The status answered; undefined while in flight or when the connection was reset. */
	status?: number;
	/** The injected fault this request met, if any. */
	fault?: FaultSpec['kind'];
}

export interface SeedFileInput {
	/** Used as given (not sanitised); default `seed-<id>.png`. */
	name?: string;
	/** Default `/`. */
	folder?: string;
	/** Default: a small PNG. Format, dimensions and pHash are derived from it as for uploads. */
	content?: Buffer | string;
	tags?: string[] | null;
	AITags?: AITag[] | null;
	customMetadata?: Record<string, unknown>;
	customCoordinates?: string | null;
	description?: string;
	isPrivateFile?: boolean;
	isPublished?: boolean;
	/** Default: the emulator clock. */
	createdAt?: Date;
	/** Default: `createdAt`. */
	updatedAt?: Date;
}

function isImageKitHost(hostname: string): boolean {
	return /(^|\.)imagekit\.io$/i.test(hostname);
}

function send(response: http.ServerResponse, answer: EmulatorResponse): void {
	for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
	response.statusCode = answer.status;
	if (answer.body === undefined) {
		response.end();
		return;
	}
	const payload = JSON.stringify(answer.body);
	response.setHeader('Content-Type', 'application/json; charset=utf-8');
	response.setHeader('Content-Length', Buffer.byteLength(payload));
	response.end(payload);
}

/**
 * A stateful stand-in for ImageKit's management (`/v1/*`) and upload (`/api/v{1,2}/files/upload`)
 * APIs on one local HTTP server. The same server is an HTTPS proxy for *.imagekit.io: with
 * `HTTPS_PROXY=<proxyUrl>` and the emulator CA trusted, clients reach it at the real hosts.
 */
export class ImageKitEmulator {
	/** The time used for createdAt/updatedAt and relative searchQuery dates; replace it to pin time. */
	clock: () => Date = () => new Date();
	/** Every request received, in order. */
	readonly requests: RecordedRequest[] = [];
	/** Spec violations of requests received and responses sent (injected faults excepted). */
	readonly openApiViolations: string[] = [];
	/** Exceptions thrown while handling a request (emulator bugs), answered with 500. */
	readonly internalErrors: Error[] = [];

	private readonly privateKey: string;
	private readonly state: EmulatorState;
	private readonly openApi: OpenApiValidator | undefined;
	private readonly router = new Router(routes);
	private readonly faults = new FaultInjector();
	private readonly sockets = new Set<Socket>();
	/** The proxied TCP socket under each TLS socket, needed to reset the connection for real. */
	private readonly tunnelSockets = new WeakMap<Socket, Socket>();
	/** Serves requests decrypted from CONNECT tunnels; it never listens itself. */
	private readonly tunnelEndpoint = http.createServer((request, response) => void this.handle(request, response));
	private server: http.Server | undefined;
	private secureContext: tls.SecureContext | undefined;

	constructor(options: ImageKitEmulatorOptions) {
		this.privateKey = options.privateKey;
		this.state = new EmulatorState(
			{
				urlEndpoint: (options.urlEndpoint ?? DEFAULT_URL_ENDPOINT).replace(/\/+$/, ''),
				purgePendingPolls: options.purgePendingPolls ?? 1,
			},
			() => this.clock(),
		);
		const { openApi = true } = options;
		this.openApi = openApi instanceof OpenApiValidator ? openApi : openApi ? loadOpenApi() : undefined;
		this.tunnelEndpoint.on('clientError', (_error, socket) => socket.destroy());
	}

	/** `http://127.0.0.1:<port>`, for clients that take a base URL. */
	get baseUrl(): string {
		const address = this.server?.address() as AddressInfo | null | undefined;
		if (!address) throw new Error('The ImageKit emulator is not started.');
		return `http://127.0.0.1:${address.port}`;
	}

	/** The same origin as `baseUrl`, for HTTPS_PROXY. */
	get proxyUrl(): string {
		return this.baseUrl;
	}

	/** The delivery URL prefix of the emulated account, without trailing slash. */
	get urlEndpoint(): string {
		return this.state.config.urlEndpoint;
	}

	/** A snapshot of the stored files, in creation order. */
	get files(): StoredFile[] {
		return structuredClone(Array.from(this.state.files.values()));
	}

	async start(): Promise<void> {
		if (this.server) throw new Error('The ImageKit emulator is already started.');
		this.secureContext = tls.createSecureContext({
			key: fs.readFileSync(path.join(TLS_DIRECTORY, 'server.key')),
			cert: fs.readFileSync(path.join(TLS_DIRECTORY, 'server.pem')),
		});
		const server = http.createServer((request, response) => void this.handle(request, response));
		server.on('connect', (request: http.IncomingMessage, socket: Socket, head: Buffer) =>
			this.tunnel(request, socket, head),
		);
		server.on('connection', (socket: Socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		server.on('clientError', (_error, socket) => socket.destroy());
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', resolve);
		});
		this.server = server;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		const closed = new Promise<void>((resolve) => server.close(() => resolve()));
		for (const socket of this.sockets) socket.destroy();
		await closed;
	}

	/** Makes the next matching request(s) fail; see FaultSpec. Faults apply before authentication. */
	injectFault(fault: FaultSpec): void {
		this.faults.add(fault);
	}

	/** Forgets all files, folders, purges, recorded requests, violations, errors and pending faults. */
	reset(): void {
		this.state.clear();
		this.faults.clear();
		this.requests.length = 0;
		this.openApiViolations.length = 0;
		this.internalErrors.length = 0;
	}

	/** Stores a file directly, as if uploaded (without a unique-name suffix), and returns its details. */
	seedFile(input: SeedFileInput = {}): FileDetails {
		const createdAt = input.createdAt ?? this.clock();
		const fileId = this.state.nextId();
		const name = input.name ?? `seed-${fileId}.png`;
		const folderPath = normalizeFolderPath(input.folder ?? '/');
		const bytes =
			typeof input.content === 'string' ? Buffer.from(input.content) : (input.content ?? placeholderPng(16, 16, name));
		const file: StoredFile = {
			fileId,
			version: { id: this.state.nextId(), number: 1 },
			name,
			folderPath,
			filePath: `${folderPath}${name}`,
			tags: input.tags ?? null,
			AITags: input.AITags ?? null,
			isPrivateFile: input.isPrivateFile ?? false,
			isPublished: input.isPublished ?? true,
			customCoordinates: input.customCoordinates ?? null,
			customMetadata: { ...input.customMetadata },
			description: input.description,
			content: describeContent(bytesContent(bytes), name),
			extensions: [],
			createdAt,
			updatedAt: input.updatedAt ?? createdAt,
		};
		this.state.ensureFolder(folderPath);
		this.state.files.set(fileId, file);
		return structuredClone(fileDetailsView(file, this.urlEndpoint));
	}

	/** Answers CONNECT like an HTTPS proxy, but terminates TLS itself for *.imagekit.io:443 only. */
	private tunnel(request: http.IncomingMessage, socket: Socket, head: Buffer): void {
		socket.on('error', () => socket.destroy());
		const target = URL.canParse(`http://${request.url}`) ? new URL(`http://${request.url}`) : undefined;
		if (!target || !isImageKitHost(target.hostname) || target.port !== '443') {
			socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
			return;
		}
		socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
		if (head.length > 0) socket.unshift(head);
		const tlsSocket = new tls.TLSSocket(socket, { isServer: true, secureContext: this.secureContext });
		this.tunnelSockets.set(tlsSocket, socket);
		tlsSocket.on('error', () => socket.destroy());
		this.tunnelEndpoint.emit('connection', tlsSocket);
	}

	private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
		try {
			await this.handleRequest(request, response);
		} catch (error) {
			this.internalErrors.push(error as Error);
			request.socket.destroy();
		}
	}

	private async handleRequest(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
		const requestId = randomUUID();
		response.setHeader('x-ik-requestId', requestId);
		const method = request.method ?? 'GET';
		// Plain-HTTP proxy requests carry an absolute URL; only ImageKit hosts are served that way.
		const url = new URL(request.url ?? '/', 'http://emulator.invalid');
		if (/^https?:\/\//i.test(request.url ?? '') && !isImageKitHost(url.hostname)) {
			response.writeHead(403, { 'Content-Length': 0, Connection: 'close' }).end();
			return;
		}
		let body: ParsedBody;
		try {
			body = await readRequestBody(request);
		} catch {
			request.socket.destroy(); // the client went away mid-body
			return;
		}
		const record = this.record(request, requestId, url, body);
		this.openApiViolations.push(
			...(this.openApi?.validateRequest({
				method,
				path: record.path,
				host: record.host,
				query: record.query,
				json: body.json,
				form: body.form && { fields: body.form.fields, fileFields: body.form.file ? ['file'] : [] },
			}) ?? []),
		);

		const fault = this.faults.take(method, record.path);
		record.fault = fault?.kind;
		if (fault?.kind === 'connectionReset') {
			this.resetConnection(request.socket);
			return;
		}
		const answer = fault ? faultResponse(fault) : this.answer(method, url, body, request.headers.authorization);
		if (!fault) {
			const { status, body: answerBody } = answer;
			this.openApiViolations.push(
				...(this.openApi?.validateResponse({ method, path: record.path, status, body: answerBody }) ?? []),
			);
		}
		record.status = answer.status;
		send(response, answer);
	}

	private record(request: http.IncomingMessage, requestId: string, url: URL, body: ParsedBody): RecordedRequest {
		const file = body.form?.file;
		const record: RecordedRequest = {
			requestId,
			method: request.method ?? 'GET',
			host: request.headers.host ?? '',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: request.headers,
			rawBody: body.raw,
			bodySize: body.size,
			json: body.json,
			form: body.form && {
				fields: body.form.fields,
				file: file && {
					fileName: file.fileName,
					contentType: file.contentType,
					size: file.size,
					sha256: file.sha256,
					bytes: file.bytes,
				},
			},
		};
		this.requests.push(record);
		return record;
	}

	private answer(method: string, url: URL, body: ParsedBody, authorization: string | undefined): EmulatorResponse {
		try {
			this.authenticate(authorization);
			const pathname = withoutTrailingSlash(url.pathname);
			const found = this.router.find(method, pathname);
			if (!found) throw new ApiError(404, `The ImageKit emulator has no route for ${method} ${pathname}.`);
			if (body.problem) throw badRequest(body.problem);
			return found.route.handle({ params: found.params, query: url.searchParams, body, state: this.state });
		} catch (error) {
			if (error instanceof ApiError) return { status: error.status, body: error.body };
			this.internalErrors.push(error as Error);
			const message = `ImageKit emulator error: ${(error as Error).message}`;
			return { status: 500, body: new ApiError(500, message).body };
		}
	}

	/** Basic auth with the private key as user name. The password is ignored: SDKs send "do_not_set". */
	private authenticate(authorization: string | undefined): void {
		const credentials = /^Basic\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
		if (!credentials) throw new ApiError(401, 'Your request does not contain private API key.');
		const decoded = Buffer.from(credentials, 'base64').toString('utf8');
		// The spec also allows the raw key in place of base64("key:").
		const key = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : credentials;
		if (key === '') throw new ApiError(401, 'Your request does not contain private API key.');
		if (key !== this.privateKey) throw new ApiError(403, 'Your account cannot be authenticated.');
	}

	/** Drops the connection with a TCP reset, without answering. */
	private resetConnection(socket: Socket): void {
		(this.tunnelSockets.get(socket) ?? socket).resetAndDestroy();
		socket.destroy();
	}
}
