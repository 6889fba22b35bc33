// Ports: a clear refusal when the editor's port is taken, and free ports for tests and task brokers.
import * as net from 'node:net';

import { N8nDevError } from './errors';

function portInUse(port: number, host: string): Promise<string | false> {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', (e: NodeJS.ErrnoException) =>
			resolve(e.code === 'EADDRINUSE' || e.code === 'EACCES' ? e.code : false),
		);
		srv.once('listening', () => srv.close(() => resolve(false)));
		srv.listen({ port, host, exclusive: true });
	});
}

function portAnswers(port: number, host: string): Promise<boolean> {
	return new Promise((resolve) => {
		const sock = net.connect({ port, host });
		const done = (v: boolean) => {
			sock.destroy();
			resolve(v);
		};
		sock.setTimeout(1000, () => done(false));
		sock.once('connect', () => done(true));
		sock.once('error', () => done(false));
	});
}

/** Rejects with a clear message when something already listens on the port. */
export async function assertPortFree(port: number, envName = 'N8N_PORT'): Promise<void> {
	const ipv6 = await portInUse(port, '::').catch(() => false);
	const bound = ipv6 === 'EACCES' ? 'EACCES' : ipv6 || (await portInUse(port, '0.0.0.0'));
	const answers = (await portAnswers(port, '127.0.0.1')) || (await portAnswers(port, '::1'));
	if (bound === 'EACCES') {
		throw new N8nDevError(
			`Port ${port} cannot be used here (permission denied).`,
			`Choose a port above 1023: ${envName}=5680 npm start`,
		);
	}
	if (bound || answers) {
		throw new N8nDevError(
			`Port ${port} is already in use${answers ? ` (something answers on http://localhost:${port})` : ''}.`,
			`Stop what listens there (see \`ss -ltnp 'sport = :${port}'\`; an earlier \`npm start\` still running?), or use another port: ${envName}=${port + 2} npm start`,
		);
	}
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen({ port: 0, host: '127.0.0.1' }, () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}
