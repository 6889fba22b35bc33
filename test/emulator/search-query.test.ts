import { compileSearchQuery, SearchQueryError, type SearchableAsset } from './search-query';

const NOW = new Date('2024-06-15T12:00:00.000Z');

function asset(overrides: Partial<SearchableAsset>): SearchableAsset {
	return {
		type: 'file',
		name: 'file.jpg',
		folderPath: '/',
		tags: [],
		format: 'jpg',
		size: 1000,
		width: 100,
		height: 100,
		isPrivateFile: false,
		isPublished: true,
		customMetadata: {},
		createdAt: NOW,
		updatedAt: NOW,
		...overrides,
	};
}

const matches = (query: string, item: SearchableAsset) =>
	compileSearchQuery(query, NOW).matches(item);

describe('searchQuery', () => {
	const recent = asset({
		name: 'red-dress-summer.jpg',
		createdAt: new Date('2024-06-14T00:00:00Z'),
		tags: ['sale', 'summer'],
	});
	const old = asset({
		name: 'red-dress-winter.png',
		format: 'png',
		createdAt: new Date('2023-01-01T00:00:00Z'),
		size: 3 * 1024 * 1024,
	});

	it('compares dates with ISO values and relative times', () => {
		expect(matches('createdAt > "7d"', recent)).toBe(true);
		expect(matches('createdAt > "7d"', old)).toBe(false);
		expect(matches('createdAt < 2w', old)).toBe(true);
		expect(matches("createdAt >= '2024-06-14'", recent)).toBe(true);
		expect(matches('createdAt <= "2024-06-13T23:59:59"', recent)).toBe(false);
		expect(matches('createdAt = "2024-06-14T00:00:00Z"', recent)).toBe(true);
		expect(matches('updatedAt > 1h', recent)).toBe(true);
		expect(matches('createdAt > 2y', old)).toBe(true);
	});

	it('compares dates to the second when switched to, dropping the milliseconds of both sides', () => {
		const item = asset({ createdAt: new Date('2024-06-14T10:00:00.100Z') });
		const toTheSecond = { precision: 'second', documentedFormatsOnly: false } as const;
		const query = 'createdAt >= "2024-06-14T10:00:00.600Z"';
		expect(compileSearchQuery(query, NOW).matches(item)).toBe(false);
		expect(compileSearchQuery(query, NOW, toTheSecond).matches(item)).toBe(true);
		expect(
			compileSearchQuery('createdAt > "2024-06-14T10:00:00"', NOW, toTheSecond).matches(item),
		).toBe(false);
	});

	it.each(['2024-06-14T10:00:00.000Z', '2024-06-14T10:00:00Z', '2024-06-14T10:00:00+02:00'])(
		'refuses %s when only the documented date forms are taken',
		(date) => {
			const documented = { precision: 'millisecond', documentedFormatsOnly: true } as const;
			expect(() => compileSearchQuery(`createdAt >= "${date}"`, NOW, documented)).toThrow(
				'is not a date such as 2020-01-01 or 2020-01-01T12:12:12',
			);
			for (const allowed of ['2024-06-14', '2024-06-14T10:00:00', '7d'])
				expect(() =>
					compileSearchQuery(`createdAt >= "${allowed}"`, NOW, documented),
				).not.toThrow();
		},
	);

	it('matches names exactly or by prefix, tags, type, format and size', () => {
		expect(matches('name = "red-dress-summer.jpg"', recent)).toBe(true);
		expect(matches('name : "red-dress"', old)).toBe(true);
		expect(matches('name NOT = "red-dress-summer.jpg"', recent)).toBe(false);
		expect(matches('name != "other.jpg"', recent)).toBe(true);
		expect(matches('tags IN ["winter", "summer"]', recent)).toBe(true);
		expect(matches('tags NOT IN ["summer"]', recent)).toBe(false);
		expect(matches('tags = "sale"', old)).toBe(false);
		expect(matches('type = "folder"', recent)).toBe(false);
		expect(matches('format IN ["PNG", "webp"]', old)).toBe(true);
		expect(matches('size > "2mb"', old)).toBe(true);
		expect(matches('size < 500kb', old)).toBe(false);
	});

	it('combines conditions with AND, OR and parentheses (AND binds tighter)', () => {
		const query = '(size < "1mb" AND width > 50) OR tags IN ["winter"]';
		expect(matches(query, recent)).toBe(true);
		expect(matches(query, old)).toBe(false);
		expect(matches('name = "x" AND name = "y" OR format = "jpg"', recent)).toBe(true);
		expect(matches('format = "png" OR name = "y" and size > 1', recent)).toBe(false);
	});

	it('reads folders, flags and custom metadata', () => {
		const nested = asset({
			folderPath: '/products/shoes/',
			customMetadata: { brand: 'Nike', price: 120, colors: ['red'] },
		});
		expect(matches('path = "/products/shoes"', nested)).toBe(true);
		expect(matches('path = "/products/"', nested)).toBe(false);
		expect(matches('path : "/products"', nested)).toBe(true);
		expect(matches('"customMetadata.brand" = "Nike"', nested)).toBe(true);
		expect(matches('customMetadata.price >= 100', nested)).toBe(true);
		expect(matches('customMetadata.colors IN ["red"]', nested)).toBe(true);
		expect(matches('private = false AND published = true', nested)).toBe(true);
	});

	it('reports whether the query filters on type', () => {
		expect(compileSearchQuery('type = "folder"', NOW).filtersOnType).toBe(true);
		expect(compileSearchQuery('name = "a"', NOW).filtersOnType).toBe(false);
	});

	it.each([
		['createdAt >', 'ends where a value was expected'],
		['name = "unterminated', 'unterminated string'],
		['(name = "a"', 'ends where ")" was expected'],
		['name = "a" name = "b"', 'unexpected "name"'],
		['createdAt > "yesterday"', 'neither an ISO 8601 date nor a relative time'],
		['size > "big"', 'not a size'],
		['name LIKE "a"', '"LIKE" is not an operator'],
		['createdAt NOT < "1d"', 'NOT cannot precede <'],
		['tags IN "a"', 'IN expects a list'],
		['', 'the query is empty'],
	])('refuses malformed %j', (query, message) => {
		expect(() => compileSearchQuery(query, NOW)).toThrow(SearchQueryError);
		expect(() => compileSearchQuery(query, NOW)).toThrow(message);
	});

	it.each([
		['AITags = "car"', 'does not support the searchQuery field "AITags"'],
		['name > "a"', 'does not support the operator > for the field "name" in searchQuery'],
		['tags HAS "a"', 'does not support the operator HAS in searchQuery'],
		['"customMetadata.brand" EXISTS', 'does not support the operator EXISTS in searchQuery'],
	])('names what the emulator does not support in %j', (query, message) => {
		expect(() => compileSearchQuery(query, NOW)).toThrow(message);
	});
});
