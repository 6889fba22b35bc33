import { NpmOutput } from '../../scripts/n8n/npm-output';

// npm 11's output while installing n8n, in its own format (--loglevel=http), shortened.
const INSTALL = [
	'npm http fetch GET 200 https://registry.npmjs.org/n8n 120ms (cache miss)',
	'npm http fetch GET 200 https://registry.npmjs.org/n8n/-/n8n-2.40.7.tgz 300ms (cache miss)',
	'npm http cache n8n@https://registry.npmjs.org/n8n/-/n8n-2.40.7.tgz 1ms (cache hit)',
	'npm warn ERESOLVE overriding peer dependency',
	'npm warn While resolving: @getzep/zep-cloud@1.0.6',
	'npm warn Found: @langchain/core@1.2.8',
	'npm warn node_modules/@langchain/core',
	'npm warn   @langchain/core@"1.2.8" from n8n@2.40.7',
	'npm warn',
	'npm warn Could not resolve dependency:',
	'npm warn peerOptional @langchain/core@"~0.1.29" from @getzep/zep-cloud@1.0.6',
	'npm warn',
	'npm warn Conflicting peer dependency: @langchain/core@0.1.63',
	'npm warn ERESOLVE overriding peer dependency',
	'npm warn While resolving: @tiptap/extension-bubble-menu@3.35.0',
	'npm warn Found: @tiptap/core@3.27.0',
	'npm warn',
	'npm warn EBADENGINE Unsupported engine {',
	"npm warn EBADENGINE   package: 'isolated-vm@6.2.0',",
	"npm warn EBADENGINE   required: { node: '>=22.0.0' },",
	"npm warn EBADENGINE   current: { node: 'v20.20.2', npm: '11.19.1' }",
	'npm warn EBADENGINE }',
	'npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory.',
	'added 2353 packages in 5m',
];

// `npm rebuild sqlite3 --foreground-scripts`: node-gyp, make and gcc.
const REBUILD = [
	'> sqlite3@5.1.7 install',
	'gyp info spawn args [',
	"make: Entering directory '/cache/n8n-2.40.7/node_modules/sqlite3/build'",
	'  CC(target) Release/obj.target/sqlite3/gen/sqlite-autoconf-3440200/sqlite3.o',
	"Release/obj/gen/sqlite-autoconf-3440200/sqlite3.c: In function 'sqlite3VdbeExec':",
	'Release/obj/gen/sqlite-autoconf-3440200/sqlite3.c:95855:50: warning: this statement may fall through [-Wimplicit-fallthrough=]',
	'95855 |                    zPayload[6] = (u8)(v&0xff); v >>= 8;',
	'      |                                                ~~^~~~~',
	'Release/obj/gen/sqlite-autoconf-3440200/sqlite3.c:95856:11: note: here',
	'Release/obj/gen/sqlite-autoconf-3440200/sqlite3.c:95857:50: warning: this statement may fall through [-Wimplicit-fallthrough=]',
	'  CXX(target) Release/obj.target/node_sqlite3/src/backup.o',
	'../src/backup.cc:10:1: error: expected declaration',
	'gyp info ok ',
];

function shown(output: NpmOutput, lines: string[], now = 0): string[] {
	return lines.map((line) => output.show(line, now)).filter((s): s is string => s !== null);
}

describe('NpmOutput: what an n8n install shows of npm', () => {
	it('shows each kind of warning once with its text, and none of the detail or empty warning lines', () => {
		const output = new NpmOutput();
		expect(shown(output, INSTALL)).toEqual([
			'npm warn ERESOLVE overriding peer dependency',
			'npm warn EBADENGINE Unsupported engine {',
			'added 2353 packages in 5m',
		]);
	});

	it('sums the warnings up by kind, naming the packages they concern', () => {
		const output = new NpmOutput();
		shown(output, INSTALL);
		expect(output.summary()).toEqual([
			'2 × ERESOLVE overriding peer dependency (@getzep/zep-cloud@1.0.6, @tiptap/extension-bubble-menu@3.35.0)',
			'1 × EBADENGINE Unsupported engine (isolated-vm@6.2.0)',
			'1 × deprecated packages (inflight@1.0.6)',
		]);
	});

	it('names three packages and counts the rest', () => {
		const output = new NpmOutput();
		shown(
			output,
			['a@1', 'b@1', 'c@1', 'd@1', 'e@1'].flatMap((name) => [
				'npm warn ERESOLVE overriding peer dependency',
				`npm warn While resolving: ${name}`,
			]),
		);
		expect(output.summary()).toEqual([
			'5 × ERESOLVE overriding peer dependency (a@1, b@1, c@1 and 2 more)',
		]);
	});

	it('counts each fetched URL once and reports the phase', () => {
		const output = new NpmOutput();
		expect(output.fetchProgress(0)).toBe('0 manifests + 0 tarballs fetched; resolving');
		shown(output, INSTALL, 1000);
		expect(output.fetchProgress(2000)).toBe(
			'1 manifests + 1 tarballs fetched; last: n8n-2.40.7.tgz',
		);
		expect(output.fetchProgress(30_000)).toBe(
			'1 manifests + 1 tarballs fetched; unpacking and linking (last fetch 29s ago)',
		);
	});

	it('names the file being compiled and for how long, instead of compiler diagnostics', () => {
		const output = new NpmOutput();
		expect(output.compileProgress(0)).toBe('preparing the build');
		expect(shown(output, REBUILD.slice(0, 10), 5_000)).toEqual([
			'> sqlite3@5.1.7 install',
			"make: Entering directory '/cache/n8n-2.40.7/node_modules/sqlite3/build'",
			'compiling sqlite3.o',
		]);
		expect(output.compileProgress(130_000)).toBe('compiling sqlite3.o (file 1) for 2m05s');
	});

	it('keeps compiler errors on screen and sums up the warnings', () => {
		const output = new NpmOutput();
		expect(shown(output, REBUILD.slice(10), 200_000)).toEqual([
			'compiling backup.o',
			'../src/backup.cc:10:1: error: expected declaration',
			'gyp info ok ',
		]);
		shown(output, REBUILD.slice(0, 10));
		expect(output.compileProgress(200_000)).toMatch(/^compiling sqlite3\.o \(file 2\)/);
		expect(output.summary()).toEqual(['2 × compiler warning in sqlite3.c']);
	});

	it('shows every line with N8N_IMAGEKIT_VERBOSE (verbose)', () => {
		const output = new NpmOutput(true);
		expect(shown(output, [...INSTALL, ...REBUILD])).toHaveLength(INSTALL.length + REBUILD.length);
	});
});
