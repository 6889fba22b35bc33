// Which n8n to run, and enough of semver to compare versions and check `engines.node` ranges.
import { N8nDevError } from './errors';

// The newest n8n of each line that installs from this registry (checked with `npm view n8n versions`).
// 2.41.x needs @n8n/agents versions the registry does not have.
export const DEFAULT_N8N_2 = '2.40.7';
export const DEFAULT_N8N_1 = '1.123.81';
const KNOWN_LINES: Record<string, string> = {
	2: DEFAULT_N8N_2,
	'2.40': DEFAULT_N8N_2,
	1: DEFAULT_N8N_1,
	1.123: DEFAULT_N8N_1,
};

/** Maps "2", "1", "2.40", "1.123", "latest" or an exact version to the exact n8n version to install. */
export function resolveVersion(spec?: string): string {
	const s = String(spec ?? '')
		.trim()
		.replace(/^v/, '')
		.replace(/\.x$/, '');
	if (s === '' || s === 'latest' || s === 'default') return DEFAULT_N8N_2;
	if (KNOWN_LINES[s]) return KNOWN_LINES[s];
	if (/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(s)) return s;
	throw new N8nDevError(
		`Unknown n8n version "${spec}".`,
		`Use N8N_VERSION=2 (n8n ${DEFAULT_N8N_2}, the default), N8N_VERSION=1 (n8n ${DEFAULT_N8N_1}) or an exact version such as 1.123.5.`,
	);
}

/** [major, minor, patch]; null for a part that is missing or "x"/"*". */
type Version = [number, number | null, number | null];

export function parseVersion(v: string): Version | null {
	const m = /^v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(String(v).trim());
	if (!m) return null;
	const num = (x: string | undefined) =>
		x === undefined || x === 'x' || x === '*' ? null : Number(x);
	return [Number(m[1]), num(m[2]), num(m[3])];
}

export function compareVersions(a: Version, b: Version): number {
	for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
	return 0;
}

/** Enough of semver ranges for `engines.node`: ">=24", ">=20.19 <= 24.x", ">=18 || >=20", "^20.17". */
export function satisfiesRange(version: string, range: string): boolean {
	if (!range || range === '*') return true;
	const v = parseVersion(version) as Version;
	return range.split('||').some((alternative) => {
		const comparators = alternative
			.trim()
			.replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
			.split(/\s+/)
			.filter(Boolean);
		return comparators.every((c) => {
			const m = /^(>=|<=|>|<|=|\^|~)?(.+)$/.exec(c) as RegExpExecArray;
			const op = m[1] || '=';
			const r = parseVersion(m[2]);
			if (!r) return true;
			const lower: Version = [r[0], r[1] ?? 0, r[2] ?? 0];
			// The first version above a partial or x-range ("24.x" -> 25.0.0).
			const upperOf = (p: Version): Version | null =>
				p[1] === null ? [p[0] + 1, 0, 0] : p[2] === null ? [p[0], p[1] + 1, 0] : null;
			const upper = upperOf(r);
			switch (op) {
				case '>=':
					return compareVersions(v, lower) >= 0;
				case '>':
					return upper ? compareVersions(v, upper) >= 0 : compareVersions(v, lower) > 0;
				case '<':
					return compareVersions(v, lower) < 0;
				case '<=':
					return upper ? compareVersions(v, upper) < 0 : compareVersions(v, lower) <= 0;
				case '^':
					return compareVersions(v, lower) >= 0 && v[0] === lower[0];
				case '~':
					return compareVersions(v, lower) >= 0 && v[0] === lower[0] && v[1] === lower[1];
				default:
					return upper
						? compareVersions(v, lower) >= 0 && compareVersions(v, upper) < 0
						: compareVersions(v, lower) === 0;
			}
		});
	});
}
