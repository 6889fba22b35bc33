import { normalizeFolderPath } from './state';

/**
 * The subset of ImageKit's Lucene-like `searchQuery` the emulator understands:
 * conditions `field op value` joined by AND / OR and grouped with parentheses, where op is one of
 * `= : < <= > >= IN` (`=`, `:` and `IN` may be negated with NOT; `!=` is NOT =). Values are quoted
 * strings, bare words or `[a, b]` lists. See FIELDS for the fields. Anything else is refused with a
 * SearchQueryError, so a query the emulator would silently misread fails loudly instead.
 */
export class SearchQueryError extends Error {}

export interface SearchableAsset {
	type: 'file' | 'file-version' | 'folder';
	name: string;
	/** The folder holding the asset, with leading and trailing slash. */
	folderPath: string;
	/** The asset's tags and AI tag names: `tags` conditions match both. */
	tags: string[];
	format?: string;
	size?: number;
	width?: number;
	height?: number;
	isPrivateFile?: boolean;
	isPublished?: boolean;
	customMetadata: Record<string, unknown>;
	createdAt: Date;
	updatedAt: Date;
}

export interface CompiledSearchQuery {
	matches(asset: SearchableAsset): boolean;
	/** Without a `type` condition a query only matches files. */
	filtersOnType: boolean;
}

type Operator = '=' | ':' | 'IN' | '<' | '<=' | '>' | '>=';
type Predicate = (asset: SearchableAsset) => boolean;

interface FieldDefinition {
	operators: readonly Operator[];
	/** Turns a query value into what `values` returns. */
	parse(raw: string): unknown;
	/** The asset's values for the field; a condition holds when one of them satisfies it. */
	values(asset: SearchableAsset): unknown[];
}

const OPERATORS: readonly Operator[] = ['=', ':', 'IN', '<', '<=', '>', '>='];
const ORDERED: readonly Operator[] = ['=', 'IN', '<', '<=', '>', '>='];
const MATCHED: readonly Operator[] = ['=', ':', 'IN'];
const NEGATABLE = new Set<Operator>(['=', ':', 'IN']);
const UNSUPPORTED_OPERATORS = new Set(['HAS', 'EXISTS']);

const present = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);

function syntaxError(detail: string): SearchQueryError {
	return new SearchQueryError(
		`Your request contains invalid syntax for the searchQuery parameter: ${detail}`,
	);
}

function parseNumber(raw: string): number {
	const value = Number(raw);
	if (raw.trim() === '' || Number.isNaN(value)) throw syntaxError(`"${raw}" is not a number.`);
	return value;
}

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

function parseSize(raw: string): number {
	const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(raw.trim());
	if (!match) throw syntaxError(`"${raw}" is not a size such as 500, "200kb" or "1mb".`);
	return Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()];
}

/** ISO dates (a date alone is midnight UTC; no zone means UTC) or a time ago such as "7d". */
function parseDate(raw: string, now: Date): number {
	const relative = /^(\d+)\s*([hdwmy])$/i.exec(raw.trim());
	if (relative) {
		const amount = Number(relative[1]);
		const date = new Date(now.getTime());
		const unit = relative[2].toLowerCase();
		if (unit === 'h') date.setUTCHours(date.getUTCHours() - amount);
		if (unit === 'd') date.setUTCDate(date.getUTCDate() - amount);
		if (unit === 'w') date.setUTCDate(date.getUTCDate() - 7 * amount);
		if (unit === 'm') date.setUTCMonth(date.getUTCMonth() - amount);
		if (unit === 'y') date.setUTCFullYear(date.getUTCFullYear() - amount);
		return date.getTime();
	}
	const hasZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(raw);
	const time = Date.parse(
		/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : hasZone ? raw : `${raw}Z`,
	);
	if (Number.isNaN(time))
		throw syntaxError(`"${raw}" is neither an ISO 8601 date nor a relative time such as "7d".`);
	return time;
}

function parseBoolean(raw: string): boolean {
	if (raw !== 'true' && raw !== 'false') throw syntaxError(`"${raw}" is not true or false.`);
	return raw === 'true';
}

function fieldDefinitions(now: Date): Record<string, FieldDefinition> {
	const number = (read: (asset: SearchableAsset) => number | undefined): FieldDefinition => ({
		operators: ORDERED,
		parse: parseNumber,
		values: (asset) => present(read(asset)),
	});
	const date = (read: (asset: SearchableAsset) => Date): FieldDefinition => ({
		operators: ORDERED,
		parse: (raw) => parseDate(raw, now),
		values: (asset) => [read(asset).getTime()],
	});
	const flag = (read: (asset: SearchableAsset) => boolean | undefined): FieldDefinition => ({
		operators: ['='],
		parse: parseBoolean,
		values: (asset) => present(read(asset)),
	});
	return {
		name: { operators: MATCHED, parse: (raw) => raw, values: (asset) => [asset.name] },
		tags: { operators: MATCHED, parse: (raw) => raw, values: (asset) => asset.tags },
		type: {
			operators: ['=', 'IN'],
			parse: (raw) => {
				if (!['file', 'file-version', 'folder'].includes(raw))
					throw syntaxError(`"${raw}" is not a type.`);
				return raw;
			},
			values: (asset) => [asset.type],
		},
		format: {
			operators: ['=', 'IN'],
			parse: (raw) => raw.toLowerCase(),
			values: (asset) => present(asset.format?.toLowerCase()),
		},
		size: { operators: ORDERED, parse: parseSize, values: (asset) => present(asset.size) },
		width: number((asset) => asset.width),
		height: number((asset) => asset.height),
		createdAt: date((asset) => asset.createdAt),
		updatedAt: date((asset) => asset.updatedAt),
		private: flag((asset) => asset.isPrivateFile),
		published: flag((asset) => asset.isPublished),
		// `=` is the folder itself, `:` the folder and its subfolders.
		path: {
			operators: ['=', ':'],
			parse: normalizeFolderPath,
			values: (asset) => [asset.folderPath],
		},
	};
}

function customMetadataField(key: string): FieldDefinition {
	return {
		operators: [...ORDERED, ':'],
		parse: (raw) => raw,
		values: (asset) => present(asset.customMetadata[key]).flat(),
	};
}

/** Query values arrive as text; custom metadata may hold numbers or booleans. */
function isEqual(actual: unknown, expected: unknown): boolean {
	if (actual === expected) return true;
	return typeof expected === 'string' && typeof actual !== 'object' && String(actual) === expected;
}

function compare(actual: unknown, expected: unknown): number | undefined {
	if (typeof actual === 'number') {
		const target = Number(expected);
		return Number.isNaN(target) ? undefined : actual - target;
	}
	if (typeof actual !== 'string' || typeof expected !== 'string') return undefined;
	return actual < expected ? -1 : actual > expected ? 1 : 0;
}

function test(operator: Operator, actual: unknown, expected: unknown): boolean {
	switch (operator) {
		case '=':
			return isEqual(actual, expected);
		case 'IN':
			return (expected as unknown[]).some((candidate) => isEqual(actual, candidate));
		case ':':
			return typeof actual === 'string' && actual.startsWith(String(expected));
		default: {
			const order = compare(actual, expected);
			if (order === undefined) return false;
			return { '<': order < 0, '<=': order <= 0, '>': order > 0, '>=': order >= 0 }[operator];
		}
	}
}

type Token = { kind: 'text' | 'word' | 'symbol'; value: string };

const SYMBOLS = ['<=', '>=', '!=', '(', ')', '[', ']', ',', '<', '>', '=', ':'];

function tokenize(query: string): Token[] {
	const tokens: Token[] = [];
	let index = 0;
	while (index < query.length) {
		const char = query[index];
		if (/\s/.test(char)) {
			index += 1;
		} else if (char === '"' || char === "'") {
			let value = '';
			index += 1;
			while (index < query.length && query[index] !== char) {
				if (query[index] === '\\') index += 1;
				value += query[index] ?? '';
				index += 1;
			}
			if (index >= query.length) throw syntaxError(`unterminated string starting ${char}${value}.`);
			index += 1;
			tokens.push({ kind: 'text', value });
		} else {
			const symbol = SYMBOLS.find((candidate) => query.startsWith(candidate, index));
			if (symbol) {
				tokens.push({ kind: 'symbol', value: symbol });
				index += symbol.length;
			} else {
				const word = /^[^\s()[\],<>=:!"']+/.exec(query.slice(index));
				if (!word) throw syntaxError(`unexpected character "${char}".`);
				tokens.push({ kind: 'word', value: word[0] });
				index += word[0].length;
			}
		}
	}
	return tokens;
}

class QueryParser {
	private position = 0;
	filtersOnType = false;
	private readonly fields: Record<string, FieldDefinition>;

	constructor(
		private readonly tokens: Token[],
		now: Date,
	) {
		this.fields = fieldDefinitions(now);
	}

	parse(): Predicate {
		if (this.tokens.length === 0) throw syntaxError('the query is empty.');
		const predicate = this.parseOr();
		const extra = this.peek();
		if (extra) throw syntaxError(`unexpected "${extra.value}".`);
		return predicate;
	}

	private peek(): Token | undefined {
		return this.tokens[this.position];
	}

	private next(expectation: string): Token {
		const token = this.tokens[this.position];
		if (!token) throw syntaxError(`the query ends where ${expectation} was expected.`);
		this.position += 1;
		return token;
	}

	private isKeyword(token: Token | undefined, keyword: string): boolean {
		return token?.kind === 'word' && token.value.toUpperCase() === keyword;
	}

	private parseOr(): Predicate {
		let predicate = this.parseAnd();
		while (this.isKeyword(this.peek(), 'OR')) {
			this.position += 1;
			const [left, right] = [predicate, this.parseAnd()];
			predicate = (asset) => left(asset) || right(asset);
		}
		return predicate;
	}

	private parseAnd(): Predicate {
		let predicate = this.parseGroupOrCondition();
		while (this.isKeyword(this.peek(), 'AND')) {
			this.position += 1;
			const [left, right] = [predicate, this.parseGroupOrCondition()];
			predicate = (asset) => left(asset) && right(asset);
		}
		return predicate;
	}

	private parseGroupOrCondition(): Predicate {
		const token = this.peek();
		if (token?.kind === 'symbol' && token.value === '(') {
			this.position += 1;
			const predicate = this.parseOr();
			const closing = this.next('")"');
			if (closing.value !== ')') throw syntaxError(`expected ")" but found "${closing.value}".`);
			return predicate;
		}
		return this.parseCondition();
	}

	private parseCondition(): Predicate {
		const fieldToken = this.next('a field name');
		if (fieldToken.kind === 'symbol')
			throw syntaxError(`expected a field name but found "${fieldToken.value}".`);
		const fieldName = fieldToken.value;
		const field = this.fieldNamed(fieldName);
		const { operator, negated } = this.parseOperator(fieldName);
		if (!field.operators.includes(operator)) {
			throw new SearchQueryError(
				`The ImageKit emulator does not support the operator ${operator} for the searchQuery field "${fieldName}".`,
			);
		}
		const expected =
			operator === 'IN'
				? this.parseList().map((raw) => field.parse(raw))
				: field.parse(this.parseValue());
		if (fieldName === 'type') this.filtersOnType = true;
		return (asset) =>
			field.values(asset).some((actual) => test(operator, actual, expected)) !== negated;
	}

	private fieldNamed(name: string): FieldDefinition {
		const customKey = /^customMetadata\.(.+)$/.exec(name)?.[1];
		const field = customKey !== undefined ? customMetadataField(customKey) : this.fields[name];
		if (!field) {
			const supported = [...Object.keys(this.fields), 'customMetadata.<key>'].join(', ');
			throw new SearchQueryError(
				`The ImageKit emulator does not support the searchQuery field "${name}". Supported fields: ${supported}.`,
			);
		}
		return field;
	}

	private parseOperator(fieldName: string): { operator: Operator; negated: boolean } {
		let token = this.next(`an operator after "${fieldName}"`);
		const negated = this.isKeyword(token, 'NOT');
		if (negated) token = this.next('an operator after NOT');
		if (token.kind === 'word' && UNSUPPORTED_OPERATORS.has(token.value.toUpperCase())) {
			const operator = token.value.toUpperCase();
			throw new SearchQueryError(
				`The ImageKit emulator does not support the searchQuery operator ${operator}.`,
			);
		}
		if (token.kind === 'symbol' && token.value === '!=' && !negated)
			return { operator: '=', negated: true };
		const operator = this.isKeyword(token, 'IN')
			? 'IN'
			: token.kind === 'symbol'
				? token.value
				: undefined;
		if (!OPERATORS.includes(operator as Operator))
			throw syntaxError(`"${token.value}" is not an operator.`);
		if (negated && !NEGATABLE.has(operator as Operator))
			throw syntaxError(`NOT cannot precede ${operator}.`);
		return { operator: operator as Operator, negated };
	}

	private parseValue(): string {
		const token = this.next('a value');
		if (token.kind === 'symbol') throw syntaxError(`expected a value but found "${token.value}".`);
		return token.value;
	}

	private parseList(): string[] {
		const opening = this.next('"["');
		if (opening.value !== '[') {
			throw syntaxError(`IN expects a list such as ["a", "b"] but found "${opening.value}".`);
		}
		const values: string[] = [];
		for (;;) {
			values.push(this.parseValue());
			const separator = this.next('"," or "]"');
			if (separator.value === ']') return values;
			if (separator.value !== ',')
				throw syntaxError(`expected "," or "]" but found "${separator.value}".`);
		}
	}
}

export function compileSearchQuery(query: string, now: Date): CompiledSearchQuery {
	const parser = new QueryParser(tokenize(query), now);
	const matches = parser.parse();
	return { matches, filtersOnType: parser.filtersOnType };
}
