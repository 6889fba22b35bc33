import { allOf, grouped, quote, where, whereIn } from '../../nodes/ImageKit/client';
import { compileSearchQuery, type SearchableAsset } from '../emulator/search-query';

function asset(overrides: Partial<SearchableAsset>): SearchableAsset {
	const now = new Date('2024-06-15T12:00:00.000Z');
	return {
		type: 'file',
		name: 'file.jpg',
		folderPath: '/',
		tags: [],
		customMetadata: {},
		createdAt: now,
		updatedAt: now,
		...overrides,
	};
}

const matches = (query: string, item: SearchableAsset) =>
	compileSearchQuery(query, new Date()).matches(item);

describe('search query builder', () => {
	it.each([
		['plain', 'shoe.jpg', '"shoe.jpg"'],
		['a double quote', 'say "hi"', '"say \\"hi\\""'],
		['a backslash', 'C:\\photos\\', '"C:\\\\photos\\\\"'],
		['a backslash before a quote', '\\"', '"\\\\\\""'],
		['Unicode as it is', 'hindī हिन्दी 😀', '"hindī हिन्दी 😀"'],
		['a single quote and a newline as they are', "it's\nfine", '"it\'s\nfine"'],
		['empty', '', '""'],
	])('quotes %s', (_, value, expected) => {
		expect(quote(value)).toBe(expected);
	});

	it.each([['say "hi"'], ['C:\\photos\\'], ['\\"'], ['हिन्दी 😀'], ['a ] b) OR name = "x']])(
		'keeps %p one value that a Lucene-style parser reads back exactly',
		(value) => {
			expect(matches(where('name', '=', value), asset({ name: value }))).toBe(true);
			expect(matches(where('name', '=', value), asset({ name: `${value}x` }))).toBe(false);
			expect(matches(whereIn('tags', ['other', value]), asset({ tags: [value] }))).toBe(true);
		},
	);

	it('builds conditions and joins the given ones with AND, grouping a caller expression', () => {
		expect(where('createdAt', '>=', '2024-01-01T00:00:00')).toBe(
			'createdAt >= "2024-01-01T00:00:00"',
		);
		expect(whereIn('tags', ['sale', 'summer'])).toBe('tags IN ["sale", "summer"]');
		expect(grouped('  a = "1" OR b = "2" ')).toBe('(a = "1" OR b = "2")');
		expect(grouped('  ')).toBeUndefined();
		expect(allOf(grouped('a = "1" OR b = "2"'), undefined, false, where('name', '=', 'x'))).toBe(
			'(a = "1" OR b = "2") AND name = "x"',
		);
		expect(allOf(undefined, false)).toBeUndefined();
	});
});
