// Builds ImageKit `searchQuery` expressions (GET /v1/files). The one place that quotes a value.
//
// Grammar: docs.imagekit.io "List and search files" → Advanced search queries: conditions
// `field op value`, joined by AND / OR and grouped with parentheses; string values in double
// quotes (imagekit-developer/skills skills/search-assets/SKILL.md: "string values in
// "double quotes""). Neither source says how a `"` inside a value is written. The API calls its
// language "Lucene-like", and Lucene's query syntax escapes a character by a preceding backslash
// (Lucene "Query Parser Syntax" → Escaping Special Characters), so `"` and `\` are backslashed and
// everything else, Unicode included, is sent as it is.

/** Operators that compare a field with one value. */
export type SearchOperator = '=' | ':' | '<' | '<=' | '>' | '>=';

/** A string value for a search query, e.g. `say "hi"` → `"say \"hi\""`. */
export function quote(value: string): string {
	return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** One condition, e.g. `where('name', '=', 'shoe.jpg')` → `name = "shoe.jpg"`. */
export function where(field: string, operator: SearchOperator, value: string): string {
	return `${field} ${operator} ${quote(value)}`;
}

/** Any of the values, e.g. `whereIn('tags', ['a', 'b'])` → `tags IN ["a", "b"]`. */
export function whereIn(field: string, values: readonly string[]): string {
	return `${field} IN [${values.map(quote).join(', ')}]`;
}

/** A caller's own expression, parenthesised so that ANDing it keeps its meaning; blank → undefined. */
export function grouped(expression: string | undefined): string | undefined {
	const trimmed = expression?.trim();
	return trimmed ? `(${trimmed})` : undefined;
}

/** The conditions that are given, joined by AND; undefined when none is. */
export function allOf(...conditions: Array<string | undefined | false>): string | undefined {
	const given = conditions.filter((condition): condition is string => Boolean(condition));
	return given.length ? given.join(' AND ') : undefined;
}
