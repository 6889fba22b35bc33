// The version × check table the e2e run prints at the end: each check records whether it passed.

/** A check's outcome per version: passed, failed, or skipped with a reason shown in the table. */
type Outcome = boolean | { skipped: string };

const results = new Map<string, Map<string, Outcome>>();

/** Runs a check, records pass/fail for the table under (version, name), and rethrows its failure. */
export async function recorded<T>(
	version: string,
	name: string,
	check: () => Promise<T>,
): Promise<T> {
	const row = rowOf(name);
	try {
		const value = await check();
		row.set(version, true);
		return value;
	} catch (error) {
		row.set(version, false);
		throw error;
	}
}

function rowOf(name: string): Map<string, Outcome> {
	const row = results.get(name) ?? new Map<string, Outcome>();
	results.set(name, row);
	return row;
}

/** Records a check that could not run here, e.g. `skipped (no spec)`. */
export function recordSkipped(version: string, name: string, reason: string): void {
	rowOf(name).set(version, { skipped: reason });
}

/** The table as text, one row per check and one column per version; "-" where a check did not run. */
export function resultTable(): string {
	const versions = [...new Set([...results.values()].flatMap((row) => [...row.keys()]))];
	const width = Math.max(5, ...[...results.keys()].map((name) => name.length));
	const cell = (row: Map<string, Outcome>, version: string) => {
		const outcome = row.get(version);
		const text =
			outcome === undefined
				? '-'
				: typeof outcome === 'object'
					? `skipped (${outcome.skipped})`
					: outcome
						? 'pass'
						: 'FAIL';
		return text.padEnd(version.length);
	};
	const lines = [
		`${'check'.padEnd(width)} | ${versions.join(' | ')}`,
		`${'-'.repeat(width)}-|-${versions.map((version) => '-'.repeat(version.length)).join('-|-')}`,
		...[...results].map(
			([name, row]) =>
				`${name.padEnd(width)} | ${versions.map((version) => cell(row, version)).join(' | ')}`,
		),
	];
	return lines.join('\n');
}
