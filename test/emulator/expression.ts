/**
 * The Lucene-like expressions ImageKit reads in list `searchQuery` and upload `checks`: conditions
 * `field op value` joined by AND / OR and grouped with parentheses, where op is one of
 * `= : < <= > >= IN`, some negatable with NOT (`!=` is NOT =). Values are quoted strings (a
 * backslash escapes the next character), bare words or `[a, b]` lists. Each language supplies its
 * fields and its errors; anything else is refused, so an expression the emulator would silently
 * misread fails loudly instead.
 */

export type Operator = '=' | ':' | 'IN' | '<' | '<=' | '>' | '>=';

export interface FieldDefinition<T> {
	operators: readonly Operator[];
	/** Operators that NOT may precede; default `=`, `:` and `IN`. */
	negatable?: readonly Operator[];
	/** Turns a value into what `values` returns; throws InvalidValue when it cannot. */
	parse(raw: string): unknown;
	/** The subject's values for the field; a condition holds when one of them satisfies it. */
	values(subject: T): unknown[];
}

export type Token = { kind: 'text' | 'word' | 'symbol'; value: string };

export interface ExpressionLanguage<T> {
	/** The field a token names; throws (`unsupported` or `syntaxError`) when there is none. */
	field(token: Token): FieldDefinition<T>;
	/** A malformed expression, e.g. a missing value. */
	syntaxError(detail: string): Error;
	/** Well-formed, but beyond what the emulator models (e.g. `HAS`). */
	unsupported(detail: string): Error;
}

/** A value a field cannot take, e.g. "big" for a size. */
export class InvalidValue extends Error {}

export const ORDERED: readonly Operator[] = ['=', 'IN', '<', '<=', '>', '>='];
export const MATCHED: readonly Operator[] = ['=', ':', 'IN'];
const OPERATORS: readonly Operator[] = ['=', ':', 'IN', '<', '<=', '>', '>='];
const NEGATABLE: readonly Operator[] = ['=', ':', 'IN'];
const UNSUPPORTED_OPERATORS = new Set(['HAS', 'EXISTS']);

export const present = <V>(value: V | undefined): V[] => (value === undefined ? [] : [value]);

export function parseNumber(raw: string): number {
	const value = Number(raw);
	if (raw.trim() === '' || Number.isNaN(value)) throw new InvalidValue(`"${raw}" is not a number.`);
	return value;
}

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

export function parseSize(raw: string): number {
	const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(raw.trim());
	if (!match) throw new InvalidValue(`"${raw}" is not a size such as 500, "200kb" or "1mb".`);
	return Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()];
}

export function parseBoolean(raw: string): boolean {
	if (raw !== 'true' && raw !== 'false') throw new InvalidValue(`"${raw}" is not true or false.`);
	return raw === 'true';
}

/** Values arrive as text; the subject may hold numbers or booleans. */
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

const SYMBOLS = ['<=', '>=', '!=', '(', ')', '[', ']', ',', '<', '>', '=', ':'];

function tokenize(expression: string, syntaxError: (detail: string) => Error): Token[] {
	const tokens: Token[] = [];
	let index = 0;
	while (index < expression.length) {
		const char = expression[index];
		if (/\s/.test(char)) {
			index += 1;
		} else if (char === '"' || char === "'") {
			let value = '';
			index += 1;
			while (index < expression.length && expression[index] !== char) {
				if (expression[index] === '\\') index += 1;
				value += expression[index] ?? '';
				index += 1;
			}
			if (index >= expression.length)
				throw syntaxError(`unterminated string starting ${char}${value}.`);
			index += 1;
			tokens.push({ kind: 'text', value });
		} else {
			const symbol = SYMBOLS.find((candidate) => expression.startsWith(candidate, index));
			if (symbol) {
				tokens.push({ kind: 'symbol', value: symbol });
				index += symbol.length;
			} else {
				const word = /^[^\s()[\],<>=:!"']+/.exec(expression.slice(index));
				if (!word) throw syntaxError(`unexpected character "${char}".`);
				tokens.push({ kind: 'word', value: word[0] });
				index += word[0].length;
			}
		}
	}
	return tokens;
}

type Predicate<T> = (subject: T) => boolean;

class Parser<T> {
	private position = 0;
	/** The names of the fields the expression uses. */
	readonly fieldsUsed = new Set<string>();

	constructor(
		private readonly tokens: Token[],
		private readonly language: ExpressionLanguage<T>,
	) {}

	parse(): Predicate<T> {
		if (this.tokens.length === 0) throw this.language.syntaxError('the query is empty.');
		const predicate = this.parseOr();
		const extra = this.peek();
		if (extra) throw this.language.syntaxError(`unexpected "${extra.value}".`);
		return predicate;
	}

	private peek(): Token | undefined {
		return this.tokens[this.position];
	}

	private next(expectation: string): Token {
		const token = this.tokens[this.position];
		if (!token)
			throw this.language.syntaxError(`the query ends where ${expectation} was expected.`);
		this.position += 1;
		return token;
	}

	private isKeyword(token: Token | undefined, keyword: string): boolean {
		return token?.kind === 'word' && token.value.toUpperCase() === keyword;
	}

	private parseOr(): Predicate<T> {
		let predicate = this.parseAnd();
		while (this.isKeyword(this.peek(), 'OR')) {
			this.position += 1;
			const [left, right] = [predicate, this.parseAnd()];
			predicate = (subject) => left(subject) || right(subject);
		}
		return predicate;
	}

	private parseAnd(): Predicate<T> {
		let predicate = this.parseGroupOrCondition();
		while (this.isKeyword(this.peek(), 'AND')) {
			this.position += 1;
			const [left, right] = [predicate, this.parseGroupOrCondition()];
			predicate = (subject) => left(subject) && right(subject);
		}
		return predicate;
	}

	private parseGroupOrCondition(): Predicate<T> {
		const token = this.peek();
		if (token?.kind === 'symbol' && token.value === '(') {
			this.position += 1;
			const predicate = this.parseOr();
			const closing = this.next('")"');
			if (closing.value !== ')')
				throw this.language.syntaxError(`expected ")" but found "${closing.value}".`);
			return predicate;
		}
		return this.parseCondition();
	}

	private parseCondition(): Predicate<T> {
		const fieldToken = this.next('a field name');
		if (fieldToken.kind === 'symbol')
			throw this.language.syntaxError(`expected a field name but found "${fieldToken.value}".`);
		const fieldName = fieldToken.value;
		const field = this.language.field(fieldToken);
		const { operator, negated } = this.parseOperator(fieldName);
		if (!field.operators.includes(operator)) {
			throw this.language.unsupported(`the operator ${operator} for the field "${fieldName}"`);
		}
		if (negated && !(field.negatable ?? NEGATABLE).includes(operator))
			throw this.language.syntaxError(`NOT cannot precede ${operator} for "${fieldName}".`);
		let expected: unknown;
		try {
			expected =
				operator === 'IN'
					? this.parseList().map((raw) => field.parse(raw))
					: field.parse(this.parseValue());
		} catch (error) {
			if (error instanceof InvalidValue) throw this.language.syntaxError(error.message);
			throw error;
		}
		this.fieldsUsed.add(fieldName);
		return (subject) =>
			field.values(subject).some((actual) => test(operator, actual, expected)) !== negated;
	}

	private parseOperator(fieldName: string): { operator: Operator; negated: boolean } {
		let token = this.next(`an operator after "${fieldName}"`);
		const negated = this.isKeyword(token, 'NOT');
		if (negated) token = this.next('an operator after NOT');
		if (token.kind === 'word' && UNSUPPORTED_OPERATORS.has(token.value.toUpperCase()))
			throw this.language.unsupported(`the operator ${token.value.toUpperCase()}`);
		if (token.kind === 'symbol' && token.value === '!=' && !negated)
			return { operator: '=', negated: true };
		const operator = this.isKeyword(token, 'IN')
			? 'IN'
			: token.kind === 'symbol'
				? token.value
				: undefined;
		if (!OPERATORS.includes(operator as Operator))
			throw this.language.syntaxError(`"${token.value}" is not an operator.`);
		if (negated && !NEGATABLE.includes(operator as Operator))
			throw this.language.syntaxError(`NOT cannot precede ${operator}.`);
		return { operator: operator as Operator, negated };
	}

	private parseValue(): string {
		const token = this.next('a value');
		if (token.kind === 'symbol')
			throw this.language.syntaxError(`expected a value but found "${token.value}".`);
		return token.value;
	}

	private parseList(): string[] {
		const opening = this.next('"["');
		if (opening.value !== '[') {
			throw this.language.syntaxError(
				`IN expects a list such as ["a", "b"] but found "${opening.value}".`,
			);
		}
		const values: string[] = [];
		for (;;) {
			values.push(this.parseValue());
			const separator = this.next('"," or "]"');
			if (separator.value === ']') return values;
			if (separator.value !== ',')
				throw this.language.syntaxError(`expected "," or "]" but found "${separator.value}".`);
		}
	}
}

/** Parses `expression` in `language` into a test of subjects, and the fields it names. */
export function parseExpression<T>(
	expression: string,
	language: ExpressionLanguage<T>,
): { matches: Predicate<T>; fieldsUsed: Set<string> } {
	const parser = new Parser(tokenize(expression, language.syntaxError), language);
	const matches = parser.parse();
	return { matches, fieldsUsed: parser.fieldsUsed };
}
