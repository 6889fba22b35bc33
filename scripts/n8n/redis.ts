// The Redis of the local queue-mode stack (`npm run start:queue`).
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import { freePort } from './ports';
import { assertServicesInstalled, spawnService, type RunningService } from './services';

/** Whether a Redis answers PING on the port. */
function redisAnswers(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ port, host: '127.0.0.1' });
		const done = (answer: boolean) => {
			socket.destroy();
			resolve(answer);
		};
		socket.setTimeout(1000, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
	});
}

/** A Redis on 127.0.0.1 and a free port, keeping nothing on disk (no RDB snapshots, no AOF). */
export async function startRedis({
	workDir,
	port,
}: {
	workDir: string;
	port?: number;
}): Promise<RunningService> {
	const { redisServer } = assertServicesInstalled();
	fs.mkdirSync(workDir, { recursive: true });
	const listenPort = port || (await freePort());
	return spawnService({
		name: 'redis',
		command: redisServer,
		args: [
			'--port',
			String(listenPort),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			workDir,
			'--daemonize',
			'no',
		],
		port: listenPort,
		logFile: path.join(workDir, 'redis.log'),
		ready: () => redisAnswers(listenPort),
	});
}
