// The client as n8n's JavaScript task runner runs it in secure mode (its default): the package is
// required first, then every global constructor and its prototype is frozen. The client is built
// as `npm run build` bundles it (esbuild, tsconfig.json), since how class fields compile decides
// whether an error can still be named there; ts-jest's build would hide that.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { buildSync } from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');

// @n8n/task-runner 2.40.3 and 1.59.49 (n8n 2.40.7, 1.123.81), dist/js-task-runner/prototype-hardening.js:
// freezeGlobals(), run by JsTaskRunner.preventPrototypePollution after requiring the allowed modules.
const FREEZE_GLOBALS = `
	for (const name of Object.getOwnPropertyNames(globalThis)) {
		const value = Reflect.get(globalThis, name);
		if (typeof value !== 'function') continue;
		if (typeof value.prototype === 'object' || typeof value.prototype === 'function') Object.freeze(value.prototype);
		Object.freeze(value);
	}
	[Reflect, JSON, Math].forEach(Object.freeze);
`;

/** Runs `script` in a fresh Node with the bundled client as `client`, after n8n's freeze; returns its JSON. */
function underFrozenIntrinsics(script: string): Record<string, unknown> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imagekit-frozen-'));
	try {
		const bundle = path.join(dir, 'client.js');
		buildSync({
			entryPoints: [path.join(ROOT, 'nodes/ImageKit/client/index.ts')],
			bundle: true,
			platform: 'node',
			format: 'cjs',
			target: 'node20',
			tsconfig: path.join(ROOT, 'tsconfig.json'),
			outfile: bundle,
			logLevel: 'warning',
		});
		const main = `
			'use strict';
			const client = require(${JSON.stringify(bundle)});
			${FREEZE_GLOBALS}
			(async () => { ${script} })().then(
				(result) => process.stdout.write(JSON.stringify(result)),
				(error) => { process.stdout.write(JSON.stringify({ crashed: String(error) })); },
			);
		`;
		// A file, not \`node -e\`, which puts Node's modules (events, http…) on globalThis to be frozen too.
		const file = path.join(dir, 'main.js');
		fs.writeFileSync(file, main);
		return JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8' }));
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

const caught = `
	const caught = async (promise) => {
		try {
			await promise;
			return 'no error';
		} catch (error) {
			return { name: error.name, message: error.message, code: error.code, status: error.status };
		}
	};
`;

describe('the client under frozen intrinsics (n8n task runner, secure mode)', () => {
	it('is the same condition: an Error subclass that assigns its name fails there', () => {
		const result = underFrozenIntrinsics(`
			class Assigned extends Error { constructor() { super('x'); this.name = 'Assigned'; } }
			try { new Assigned(); return { thrown: false }; } catch (error) { return { thrown: String(error) }; }
		`);
		expect(result.thrown).toMatch(/Cannot assign to read only property 'name'/);
	});

	it('builds each of its errors, named', () => {
		const result = underFrozenIntrinsics(`
			const response = { status: 404, headers: {}, body: { message: 'gone' } };
			return {
				api: new client.ImageKitApiError(response).name,
				redirect: new client.ImageKitRedirectError({ status: 302, headers: {} }, 'https://a.example').name,
				unreadable: new client.ImageKitUnreadableAnswerError(response).name,
				connection: new client.ImageKitConnectionError('down', 'ECONNRESET').name,
				jobTimeout: new client.ImageKitJobTimeoutError('job1', 1000).name,
				input: new client.ImageKitInputError('fileId', 'bad').name,
			};
		`);
		expect(result).toEqual({
			api: 'ImageKitApiError',
			redirect: 'ImageKitApiError',
			unreadable: 'ImageKitUnreadableAnswerError',
			connection: 'ImageKitConnectionError',
			jobTimeout: 'ImageKitJobTimeoutError',
			input: 'ImageKitInputError',
		});
	});

	it('calls the API through httpRequest, failures caught as its own errors', () => {
		const result = underFrozenIntrinsics(`
			${caught}
			const answers = [
				{ statusCode: 200, headers: {}, body: '[{"fileId":"f1"}]' },
				{ statusCode: 200, headers: {}, body: '{"fileId":"f2","name":"a.txt"}' },
				{ statusCode: 404, headers: {}, body: '{"message":"The requested file does not exist."}' },
				{ message: 'connect ECONNREFUSED 127.0.0.1:9', code: 'ECONNREFUSED' },
			];
			const httpRequest = async () => {
				const answer = answers.shift();
				if (answer.statusCode) return answer;
				throw answer;
			};
			const ik = new client.ImageKit({ privateKey: 'private_frozen', httpRequest, retry: { maxRetries: 0 } });
			return {
				list: await ik.listFiles(),
				upload: await ik.upload({ file: Buffer.from('hello'), fileName: 'a.txt' }),
				missing: await caught(ik.getFileDetails('missing')),
				refused: await caught(ik.getFileDetails('f1')),
			};
		`);
		expect(result).toEqual({
			list: [{ fileId: 'f1' }],
			upload: { fileId: 'f2', name: 'a.txt' },
			missing: {
				name: 'ImageKitApiError',
				message: 'The requested file does not exist.',
				status: 404,
			},
			refused: {
				name: 'ImageKitConnectionError',
				message: 'Could not reach ImageKit: the connection was refused.',
				code: 'ECONNREFUSED',
			},
		});
	});
});
