// What an install shows of npm's output: fetches counted, each kind of warning shown once with its
// text and summarised at the end, compiler chatter reduced to the file being compiled.
import { formatDuration } from './log';

/** A kind of warning and what its occurrences named (packages), for the summary. */
interface WarningKind {
	count: number;
	names: string[];
}

// The detail lines of npm's multi-line warnings (ERESOLVE's peer report).
const WARNING_DETAIL =
	/^(?:$|\s|While resolving:|Found:|Could not resolve dependency:|Conflicting peer dependency:|node_modules\/|peer |peerOptional |optional |dev |\d+ more \()/;
// make's lines from node-gyp: "  CC(target) Release/obj.target/sqlite3/gen/…/sqlite3.o".
const MAKE_COMPILE = /^\s*(?:CC|CXX)\(target\) (\S+\.o)$/;
// A whole compiler command line (node-gyp -v, as isolated-vm's install script runs it).
const COMPILER_COMMAND = /^\s*(?:g\+\+|gcc|c\+\+|cc|clang\+?\+?)\s.*?\s(\S+\.(?:cc|cpp|c))(?:\s|$)/;
// gcc/clang diagnostics: "file.c:95855:50: warning: …", their "In function" headers and source excerpts.
const COMPILER_WARNING = /^(\S+?):\d+(?::\d+)?: warning: /;
const COMPILER_CONTEXT =
	/^(?:\S+: (?:In function|At top level|In member function)|\S+?:\d+(?::\d+)?: note: |\s*\d*\s*\|)/;

const MAX_NAMES = 3;

function listNames(names: string[]): string {
	if (names.length <= MAX_NAMES) return names.join(', ');
	return `${names.slice(0, MAX_NAMES).join(', ')} and ${names.length - MAX_NAMES} more`;
}

export class NpmOutput {
	private readonly seen = new Set<string>();
	private manifests = 0;
	private tarballs = 0;
	private lastFetch = '';
	private lastFetchAt = Date.now();
	private readonly warnings = new Map<string, WarningKind>();
	/** The warning whose detail lines follow, to take the package names from them. */
	private current: WarningKind | null = null;
	private compiles = 0;
	private compiling: { file: string; since: number } | null = null;
	private readonly compilerWarnings = new Map<string, number>();

	constructor(private readonly verbose = false) {}

	/** The text to show for a line npm printed, or null to keep it in the log only. */
	show(line: string, now = Date.now()): string | null {
		// "npm http fetch GET 200 <url> 52ms (cache miss)" and "npm http cache <name>@<url> 1ms (cache hit)"
		const fetch = /^npm http (?:fetch \w+ \d+|cache) (\S+)/.exec(line);
		if (fetch) {
			this.countFetch(fetch[1], now);
			return this.verbose ? line : null;
		}
		const warning = /^npm warn(?: (.*)|\s*)$/i.exec(line);
		if (warning) return this.warning(warning[1] ?? '', line);
		const compilerWarning = COMPILER_WARNING.exec(line);
		if (compilerWarning) {
			const file = compilerWarning[1].split('/').pop() as string;
			this.compilerWarnings.set(file, (this.compilerWarnings.get(file) ?? 0) + 1);
			return this.verbose ? line : null;
		}
		if (!line.trim()) return null;
		if (this.verbose) return line;
		if (/^gyp (verb|sill|info spawn args)/.test(line)) return null;
		if (COMPILER_CONTEXT.test(line)) return null;
		const make = MAKE_COMPILE.exec(line);
		if (make) return this.compileStarted(make[1], now);
		const command = COMPILER_COMMAND.exec(line);
		if (command) return this.compileStarted(command[1], now);
		return line.length > 400 ? `${line.slice(0, 200)} … ${line.slice(-80)}` : line;
	}

	/** The progress of an install: how much npm has fetched, and what it does now. */
	fetchProgress(now = Date.now()): string {
		const quietFor = Math.round((now - this.lastFetchAt) / 1000);
		const phase =
			this.manifests + this.tarballs === 0
				? 'resolving'
				: quietFor > 10
					? `unpacking and linking (last fetch ${quietFor}s ago)`
					: `last: ${this.lastFetch}`;
		return `${this.manifests} manifests + ${this.tarballs} tarballs fetched; ${phase}`;
	}

	/** The progress of a native build: the file being compiled and for how long. */
	compileProgress(now = Date.now()): string {
		if (!this.compiling) return 'preparing the build';
		const { file, since } = this.compiling;
		return `compiling ${file} (file ${this.compiles}) for ${formatDuration(now - since)}`;
	}

	/** Lines that sum up the warnings npm and the compiler printed; none when there were none. */
	summary(): string[] {
		const lines: string[] = [];
		for (const [kind, { count, names }] of this.warnings) {
			const what = kind === 'deprecated' ? 'deprecated packages' : kind;
			lines.push(`${count} × ${what}${names.length ? ` (${listNames(names)})` : ''}`);
		}
		const compilerTotal = [...this.compilerWarnings.values()].reduce((a, b) => a + b, 0);
		if (compilerTotal)
			lines.push(
				`${compilerTotal} × compiler warning in ${listNames([...this.compilerWarnings.keys()])}`,
			);
		return lines;
	}

	private countFetch(target: string, now: number): void {
		// npm can log the same tarball as a cache line and a fetch: count each URL once.
		const url = target.replace(/^.*?@(?=https?:\/\/)/, '');
		if (!this.seen.has(url)) {
			this.seen.add(url);
			if (url.includes('/-/')) this.tarballs++;
			else this.manifests++;
		}
		this.lastFetch = decodeURIComponent(target.split('/').pop() || '');
		this.lastFetchAt = now;
	}

	/** Counts a warning line; shows the first line of each kind with its text. */
	private warning(text: string, line: string): string | null {
		const deprecated = /^deprecated (\S+?):? /.exec(text);
		if (deprecated) {
			this.current = null;
			this.record('deprecated', deprecated[1]);
			return this.verbose ? line : null;
		}
		// "EBADENGINE   package: 'isolated-vm@7.0.1'," and "EBADENGINE }": details of an EBADENGINE warning.
		const coded = /^(E[A-Z0-9]+)(\s{2,}|\s*\}|\s*$)(.*)$/.exec(text);
		if (coded || WARNING_DETAIL.test(text)) {
			const named = /^(?:While resolving: |E[A-Z0-9]+\s+package: ')(@?[^\s'@]+@[^\s',]+)/.exec(
				text,
			);
			if (named && this.current && !this.current.names.includes(named[1]))
				this.current.names.push(named[1]);
			return this.verbose ? line : null;
		}
		// A new warning: "ERESOLVE overriding peer dependency", "Unknown env config …", "rebuild 16 packages …".
		const kind = text.replace(/\s*\{$/, '');
		const first = !this.warnings.has(kind);
		this.current = this.record(kind);
		return first || this.verbose ? line : null;
	}

	private record(kind: string, name?: string): WarningKind {
		let entry = this.warnings.get(kind);
		if (!entry) this.warnings.set(kind, (entry = { count: 0, names: [] }));
		entry.count++;
		if (name && !entry.names.includes(name)) entry.names.push(name);
		return entry;
	}

	private compileStarted(file: string, now: number): string {
		const name = file.split('/').pop() as string;
		this.compiles++;
		this.compiling = { file: name, since: now };
		return `compiling ${name}`;
	}
}
