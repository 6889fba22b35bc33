// Fetching a delivery URL as a browser behind HTTPS_PROXY would, so the emulator's CDN decides
// whether it works: the file must exist and be published, and a signature must verify and not have
// expired.
import { once } from 'events';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import type { Socket } from 'net';
import * as tls from 'tls';

import { EMULATOR_CA_CERT_PATH, type ImageKitEmulator } from '../emulator';

const ca = fs.readFileSync(EMULATOR_CA_CERT_PATH);

export interface Delivery {
	status: number;
	body: Buffer;
}

export async function fetchDelivery(emulator: ImageKitEmulator, url: string): Promise<Delivery> {
	const { hostname, pathname, search } = new URL(url);
	const connect = http.request({
		host: '127.0.0.1',
		port: Number(new URL(emulator.proxyUrl).port),
		method: 'CONNECT',
		path: `${hostname}:443`,
	});
	connect.end();
	const [tunnel, socket] = (await once(connect, 'connect')) as [http.IncomingMessage, Socket];
	if (tunnel.statusCode !== 200)
		throw new Error(`The emulator refused to tunnel to ${hostname}: ${tunnel.statusCode}`);
	const request = https.request({
		host: hostname,
		defaultPort: 443,
		path: `${pathname}${search}`,
		createConnection: () => tls.connect({ socket, servername: hostname, ca }),
	});
	request.end();
	const [response] = (await once(request, 'response')) as [http.IncomingMessage];
	const chunks: Buffer[] = [];
	for await (const chunk of response) chunks.push(chunk as Buffer);
	socket.destroy();
	return { status: response.statusCode ?? 0, body: Buffer.concat(chunks) };
}
