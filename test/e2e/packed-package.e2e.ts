// The package as a script's author gets it, outside n8n: `npm pack` of this build, installed from
// the tarball in a scratch folder. The README's script example (examples/client-script.js) runs
// against the emulator with the default requester (fetch), and TypeScript sees the client's types.
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

import pkg from '../../package.json';
import { ensureN8n } from '../../scripts/n8n';
import { EMULATOR_CA_CERT_PATH, ImageKitEmulator } from '../emulator';
import { recorded, resultTable } from './report';

const REPO_ROOT = path.resolve(__dirname, '../..');
const PRIVATE_KEY = 'private_e2ePackedScript0123456789=';
const COLUMN = 'tarball';
const SCRIPT = path.join(REPO_ROOT, 'examples/client-script.js');
const TSC = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');

// What a TypeScript user writes; the misspelt option proves the types are more than `any`.
const TYPED_USE = `
import { ImageKit, ImageKitApiError } from 'n8n-nodes-imagekit';
import type { FileDetails, HttpRequestHelper } from 'n8n-nodes-imagekit';

const imagekit = new ImageKit({ privateKey: 'private_…', urlEndpoint: 'https://ik.imagekit.io/your_id' });
export const url: string = imagekit.url({ path: '/shoe.jpg', transformation: [{ width: 300 }] });
export async function names(): Promise<string[]> {
	try {
		const files: FileDetails[] = await imagekit.listFiles({ limit: 10 });
		return files.map((file) => file.name);
	} catch (error) {
		if (error instanceof ImageKitApiError) return [String(error.status)];
		throw error;
	}
}
export const inCodeNode = (httpRequest: HttpRequestHelper) =>
	new ImageKit({ privateKey: 'private_…', httpRequest });
// @ts-expect-error: urlEndpont is no option
new ImageKit({ privateKey: 'private_…', urlEndpont: 'https://ik.imagekit.io/your_id' });
`;

afterAll(() => {
	process.stdout.write(`\nPacked package results\n${resultTable()}\n\n`);
});

describe('the packed package, installed from its tarball outside n8n', () => {
	let scratch: string;
	let emulator: ImageKitEmulator;
	/** Node 24 from the e2e cache: its fetch can go through HTTPS_PROXY to the emulator. */
	let node24: string;

	beforeAll(async () => {
		node24 = (await ensureN8n('2', { log: () => undefined })).nodeBin;
		emulator = new ImageKitEmulator({ privateKey: PRIVATE_KEY });
		await emulator.start();
		scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'imagekit-packed-'));
		const npm = (args: string[], cwd: string) =>
			execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', scratch], REPO_ROOT));
		fs.writeFileSync(path.join(scratch, 'package.json'), '{ "private": true }\n');
		// --omit=peer: n8n-workflow, the peer n8n provides, pulls a native module a script does not need.
		npm(
			['install', `./${packed.filename}`, '--omit=peer', '--no-audit', '--no-fund', '--offline'],
			scratch,
		);
	}, 300_000);

	afterAll(async () => {
		await emulator?.stop();
		if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
	});

	it('holds only what n8n and a script need, and no dependency', () => {
		const installed = path.join(scratch, 'node_modules', pkg.name);
		const packages = fs.readdirSync(path.join(scratch, 'node_modules'));
		expect(packages.filter((name) => !name.startsWith('.'))).toEqual([pkg.name]);
		expect(fs.existsSync(path.join(installed, 'dist/nodes/ImageKit/client/index.d.ts'))).toBe(true);
	});

	it("runs the README's script example against ImageKit (the emulator)", async () => {
		await recorded(COLUMN, 'Script: README example from the tarball', async () => {
			fs.copyFileSync(SCRIPT, path.join(scratch, 'client-script.js'));
			// Not execFileSync: the emulator answers from this process, which must not be blocked.
			const { stdout } = await promisify(execFile)(node24, ['client-script.js'], {
				cwd: scratch,
				encoding: 'utf8',
				env: {
					PATH: process.env.PATH,
					IMAGEKIT_PRIVATE_KEY: PRIVATE_KEY,
					IMAGEKIT_URL_ENDPOINT: emulator.urlEndpoint,
					// The emulator stands in for ImageKit's hosts; Node 24's fetch honours the proxy so.
					NODE_USE_ENV_PROXY: '1',
					HTTPS_PROXY: emulator.proxyUrl,
					NODE_EXTRA_CA_CERTS: EMULATOR_CA_CERT_PATH,
				},
			});
			expect(JSON.parse(stdout)).toEqual({
				url: expect.stringMatching(/^https:\/\/ik\.imagekit\.io\/.*ik-s=/),
				uploaded: expect.stringMatching(/^\/scripts\/hello\w*\.txt$/),
				files: 1,
				missing: { status: 404, message: expect.stringMatching(/does not exist/) },
			});
			expect(emulator.files.map((file) => file.filePath)).toEqual([
				expect.stringMatching(/^\/scripts\/hello/),
			]);
		});
	});

	it('gives TypeScript users the types: import { ImageKit } type-checks, a misspelt option does not', async () => {
		await recorded(COLUMN, 'Script: TypeScript sees the types', async () => {
			fs.writeFileSync(path.join(scratch, 'use.ts'), TYPED_USE);
			// Node's own resolution (nodenext), the strictest; lib check on, as a user's default.
			await promisify(execFile)(
				process.execPath,
				[
					TSC,
					'--noEmit',
					'--strict',
					'--target',
					'es2022',
					'--module',
					'nodenext',
					'--moduleResolution',
					'nodenext',
					'--types',
					'node',
					'--typeRoots',
					path.join(REPO_ROOT, 'node_modules/@types'),
					'use.ts',
				],
				{ cwd: scratch, encoding: 'utf8' },
			);
		});
	});
});
