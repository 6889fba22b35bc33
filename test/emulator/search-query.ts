import {
	InvalidValue,
	MATCHED,
	ORDERED,
	parseBoolean,
	parseExpression,
	parseNumber,
	parseSize,
	present,
	type ExpressionLanguage,
	type FieldDefinition,
} from './expression';
import { normalizeFolderPath } from './state';

/**
 * The subset of ImageKit's list `searchQuery` the emulator understands (see expression.ts for the
 * grammar, fieldDefinitions below for the fields). A query it would misread is refused with a
 * SearchQueryError instead.
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

/**
 * How the emulated server reads dates in a query. ImageKit documents `YYYY-MM-DD` (midnight UTC),
 * `YYYY-MM-DDTHH:MM:SS` and relative times such as "7d" (docs.imagekit.io, "List and search files":
 * "Search based on upload date"), and says neither how precisely it compares nor whether it takes
 * anything else (API.md §10). Each plausible answer is a switch:
 * - `precision`: `millisecond` compares whole dates; `second` drops the milliseconds of both sides;
 * - `documentedFormatsOnly`: refuses other forms (milliseconds, a zone) as a syntax error.
 */
export interface SearchDateOptions {
	precision: 'millisecond' | 'second';
	documentedFormatsOnly: boolean;
}

const ANY_SEARCH_DATES: SearchDateOptions = {
	precision: 'millisecond',
	documentedFormatsOnly: false,
};
const DOCUMENTED_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/;

/** ISO dates (a date alone is midnight UTC; no zone means UTC) or a time ago such as "7d". */
function parseDate(raw: string, now: Date, options: SearchDateOptions): number {
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
	if (options.documentedFormatsOnly && !DOCUMENTED_DATE.test(raw.trim()))
		throw new InvalidValue(`"${raw}" is not a date such as 2020-01-01 or 2020-01-01T12:12:12.`);
	const hasZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(raw);
	const time = Date.parse(
		/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : hasZone ? raw : `${raw}Z`,
	);
	if (Number.isNaN(time))
		throw new InvalidValue(
			`"${raw}" is neither an ISO 8601 date nor a relative time such as "7d".`,
		);
	return time;
}

function fieldDefinitions(
	now: Date,
	dates: SearchDateOptions,
): Record<string, FieldDefinition<SearchableAsset>> {
	type Field = FieldDefinition<SearchableAsset>;
	const toPrecision = (time: number) =>
		dates.precision === 'second' ? Math.floor(time / 1000) * 1000 : time;
	const number = (read: (asset: SearchableAsset) => number | undefined): Field => ({
		operators: ORDERED,
		parse: parseNumber,
		values: (asset) => present(read(asset)),
	});
	const date = (read: (asset: SearchableAsset) => Date): Field => ({
		operators: ORDERED,
		parse: (raw) => toPrecision(parseDate(raw, now, dates)),
		values: (asset) => [toPrecision(read(asset).getTime())],
	});
	const flag = (read: (asset: SearchableAsset) => boolean | undefined): Field => ({
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
					throw new InvalidValue(`"${raw}" is not a type.`);
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

function customMetadataField(key: string): FieldDefinition<SearchableAsset> {
	return {
		operators: [...ORDERED, ':'],
		parse: (raw) => raw,
		values: (asset) => present(asset.customMetadata[key]).flat(),
	};
}

function searchLanguage(now: Date, dates: SearchDateOptions): ExpressionLanguage<SearchableAsset> {
	const fields = fieldDefinitions(now, dates);
	return {
		field: ({ value: name }) => {
			const customKey = /^customMetadata\.(.+)$/.exec(name)?.[1];
			const field = customKey !== undefined ? customMetadataField(customKey) : fields[name];
			if (field) return field;
			const supported = [...Object.keys(fields), 'customMetadata.<key>'].join(', ');
			throw new SearchQueryError(
				`The ImageKit emulator does not support the searchQuery field "${name}". Supported fields: ${supported}.`,
			);
		},
		syntaxError: (detail) =>
			new SearchQueryError(
				`Your request contains invalid syntax for the searchQuery parameter: ${detail}`,
			),
		unsupported: (detail) =>
			new SearchQueryError(`The ImageKit emulator does not support ${detail} in searchQuery.`),
	};
}

export function compileSearchQuery(
	query: string,
	now: Date,
	dates: SearchDateOptions = ANY_SEARCH_DATES,
): CompiledSearchQuery {
	const { matches, fieldsUsed } = parseExpression(query, searchLanguage(now, dates));
	return { matches, filtersOnType: fieldsUsed.has('type') };
}
