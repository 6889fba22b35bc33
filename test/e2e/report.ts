// The version × check table the e2e run prints at the end: each check records whether it passed.

const results = new Map<string, Map<string, boolean>>();

/** Runs a check, records pass/fail for the table under (version, name), and rethrows its failure. */
export async function recorded<T>(
	version: string,
	name: string,
	check: () => Promise<T>,
): Promise<T> {
	const row = results.get(name) ?? new Map<string, boolean>();
	results.set(name, row);
	try {
		const value = await check();
		row.set(version, true);
		return value;
	} catch (error) {
		row.set(version, false);
		throw error;
	}
}

/** The table as text, one row per check and one column per version; "-" where a check did not run. */
export function resultTable(): string {
	const versions = [...new Set([...results.values()].flatMap((row) => [...row.keys()]))];
	const width = Math.max(5, ...[...results.keys()].map((name) => name.length));
	const cell = (row: Map<string, boolean>, version: string) => {
		const passed = row.get(version);
		return (passed === undefined ? '-' : passed ? 'pass' : 'FAIL').padEnd(version.length);
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
