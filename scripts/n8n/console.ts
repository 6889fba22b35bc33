// What `npm run n8n -- start` and `start:queue` print about the n8n processes they run.
import * as path from 'node:path';

import { packageInfo } from './paths';
import type { RunningN8n } from './start';

/** Which of the package's nodes and credentials the running n8n loaded, as one line. */
export async function describeLoaded(n8n: RunningN8n): Promise<string> {
	const pkg = packageInfo();
	try {
		const { nodes, credentials } = await n8n.types();
		const ours = nodes.filter((n) => n.startsWith(`${pkg.name}.`));
		const ourCreds = ((pkg.n8n && pkg.n8n.credentials) || [])
			.map((f) => path.basename(f, '.credentials.js'))
			.map((c) => c[0].toLowerCase() + c.slice(1));
		const credsLoaded = ourCreds.filter((c) => credentials.includes(c));
		return ours.length
			? `Loaded: ${ours.join(', ')}; credential ${credsLoaded.join(', ') || '(none!)'}`
			: `WARNING: no ${pkg.name}.* node was loaded. Check the n8n log above for load errors (${n8n.logFile}).`;
	} catch (e) {
		return `(could not list node types: ${e.message})`;
	}
}

/** Prints n8n's lines with a prefix, folding the few hundred migration lines of a new database into one. */
export function n8nLinePrinter(): (prefix: string, line: string) => void {
	const migrating = new Set<string>();
	return (prefix, line) => {
		if (/^(Starting|Finished) migration /.test(line)) {
			if (!migrating.has(prefix))
				process.stdout.write(
					`  ${prefix} | Running database migrations (first start with this database or n8n version)…\n`,
				);
			migrating.add(prefix);
			return;
		}
		process.stdout.write(`  ${prefix} | ${line}\n`);
	};
}
