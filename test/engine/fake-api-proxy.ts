import { readFileSync } from 'node:fs';
import {
	createServer as createHttpServer,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';

import { IMAGEKIT_API_HOSTS } from './proxy';

const TLS_DIR = join(__dirname, '../emulator/tls');

export interface RecordedRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
}

export interface FakeApiProxy {
	proxyUrl: string;
	/** Requests the fake API answered, in order. */
	requests: RecordedRequest[];
	/** Every CONNECT target the proxy was asked for, e.g. `api.imagekit.io:443`. */
	tunnels: string[];
	close(): Promise<void>;
}

/**
 * A stand-in for the ImageKit emulator, for testing the harness on its own: an HTTP proxy that
 * tunnels CONNECT to the ImageKit hosts into a local HTTPS server presenting the test
 * certificate, where `respond` answers.
 */
export async function startFakeApiProxy(
	respond: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<FakeApiProxy> {
	const requests: RecordedRequest[] = [];
	const tunnels: string[] = [];
	const sockets = new Set<Socket>();
	const track = (socket: Socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	};

	const api = createHttpsServer(
		{ key: readFileSync(join(TLS_DIR, 'server.key')), cert: readFileSync(join(TLS_DIR, 'server.pem')) },
		(request, response) => {
			requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
			respond(request, response);
		},
	);
	const apiPort = await listen(api);

	const proxy = createHttpServer((_request, response) => response.writeHead(405).end());
	proxy.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
		track(client);
		const target = request.url ?? '';
		tunnels.push(target);
		const [host, port] = target.split(':');
		if (!IMAGEKIT_API_HOSTS.includes(host) || port !== '443') {
			client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
			return;
		}
		const upstream = connect(apiPort, '127.0.0.1', () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(client).pipe(upstream);
		});
		track(upstream);
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	});
	const proxyPort = await listen(proxy);

	return {
		proxyUrl: `http://127.0.0.1:${proxyPort}`,
		requests,
		tunnels,
		async close() {
			// n8n's agents keep connections alive; end them so the servers can close.
			for (const socket of sockets) socket.destroy();
			api.closeAllConnections();
			proxy.closeAllConnections();
			await Promise.all([api, proxy].map((server) => new Promise((done) => server.close(done))));
		},
	};
}

async function listen(server: Server): Promise<number> {
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	return (server.address() as AddressInfo).port;
}
