import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { N8nExit, N8nProcess } from '../../scripts/n8n/n8n-process';
import { waitUntilReady } from '../../scripts/n8n/ready';

// What a starting n8n answers, measured on 1.123.81 and 2.40.7: its "starting up" page during the
// migrations, then 404 pages until the REST API is mounted, then JSON.
type Phase = 'starting' | 'mounting' | 'up';

function fakeN8n() {
	let phase: Phase = 'starting';
	const server = http.createServer((req, res) => {
		if (req.url === '/healthz/readiness') {
			res.writeHead(phase === 'starting' ? 503 : 200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ status: phase === 'starting' ? 'error' : 'ok' }));
		} else if (phase === 'starting') {
			res.writeHead(200, { 'content-type': 'text/html' });
			res.end('<html>n8n is starting up. Please wait</html>');
		} else if (phase === 'mounting') {
			res.writeHead(404, { 'content-type': 'text/html' });
			res.end('<!DOCTYPE html><html></html>');
		} else {
			res.writeHead(401, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ status: 'error', message: 'Unauthorized' }));
		}
	});
	return {
		server,
		setPhase: (next: Phase) => (phase = next),
	};
}

function fakeProcess(): N8nProcess & { print(line: string): void } {
	const listeners: ((line: string) => void)[] = [];
	return {
		pid: 1,
		exited: new Promise<N8nExit>(() => {}),
		hasExited: () => false,
		onLine: (listener) => listeners.push(listener),
		logTail: () => '',
		printedAnything: () => false,
		terminate: async () => ({ code: 0, signal: null }),
		print: (line) => listeners.forEach((listener) => listener(line)),
	};
}

describe('waitUntilReady', () => {
	const n8n = fakeN8n();
	let url: string;

	beforeAll(async () => {
		await new Promise<void>((resolve) => n8n.server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(n8n.server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise((resolve) => n8n.server.close(resolve)));

	it('waits past /healthz/readiness until the login answers JSON', async () => {
		n8n.setPhase('starting');
		const n8nProcess = fakeProcess();
		let ready = false;
		const waiting = waitUntilReady({
			server: n8nProcess,
			url,
			timeoutMs: 20_000,
			logFile: null,
		}).then(() => (ready = true));
		await new Promise((resolve) => setTimeout(resolve, 1500));
		n8n.setPhase('mounting'); // readiness 200, the login a 404 page: as 1.123.81 for 16 s
		await new Promise((resolve) => setTimeout(resolve, 2500));
		expect(ready).toBe(false);
		n8n.setPhase('up');
		await waiting;
		expect(ready).toBe(true);
	});

	it('does not take the ready line alone for ready', async () => {
		n8n.setPhase('mounting');
		const n8nProcess = fakeProcess();
		let ready = false;
		const waiting = waitUntilReady({
			server: n8nProcess,
			url,
			timeoutMs: 20_000,
			logFile: null,
		}).then(() => (ready = true));
		n8nProcess.print('Editor is now accessible via:');
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(ready).toBe(false);
		n8n.setPhase('up');
		await waiting;
		expect(ready).toBe(true);
	});
});
