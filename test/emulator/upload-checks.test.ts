import type { StoredCustomMetadataField } from './state';
import {
	enforceUploadChecks,
	FAILED_CHECKS,
	INVALID_CHECKS,
	type UploadCheckSubject,
} from './upload-checks';

const SUBJECT: UploadCheckSubject = {
	fields: {
		fileName: 'banner.png',
		folder: 'marketing/summer/',
		tags: 'sale,summer',
		useUniqueFileName: 'false',
	},
	customMetadata: { brand: 'Acme', price: 120, launch: '2024-06-01', colors: ['red', 'blue'] },
	file: { size: 300 * 1024, mime: 'image/png' },
	media: { width: 1200, height: 800 },
};

const FIELDS: StoredCustomMetadataField[] = [
	{ id: '1', name: 'brand', label: 'Brand', schema: { type: 'Text' }, deleted: false },
	{ id: '2', name: 'price', label: 'Price', schema: { type: 'Number' }, deleted: false },
	{ id: '3', name: 'launch', label: 'Launch', schema: { type: 'Date' }, deleted: false },
	{ id: '4', name: 'colors', label: 'Colors', schema: { type: 'MultiSelect' }, deleted: false },
	{ id: '5', name: 'old', label: 'Old', schema: { type: 'Text' }, deleted: true },
];

const run =
	(checks: string, subject = SUBJECT) =>
	() =>
		enforceUploadChecks(checks, subject, FIELDS);

describe('upload checks', () => {
	it.each([
		// The docs' own examples (features/upload-api-checks.md, openapi.yaml).
		['"request.folder" : "marketing/"'],
		['"request.folder" NOT = marketing'],
		['"file.size" <= "50MB" AND "mediaMetadata.height" <= 2000'],
		[
			'"file.mime" : image OR ("mediaMetadata.videoCodec" = hevc AND "mediaMetadata.audioCodec" = aac)',
		],
		["'file.size' < '1mb'"],
		// Every documented field and operator family.
		['"request.fileName" IN ["banner.png", "b.png"] AND "request.fileName" NOT IN ["x.png"]'],
		['"request.useUniqueFileName" = false AND "request.isPrivateFile" NOT = true'],
		['"request.isPublished" = true AND "request.overwriteFile" = true'],
		['"request.overwriteAITags" = true AND "request.overwriteTags" = true'],
		['"request.overwriteCustomMetadata" = true'],
		['"request.tags" IN ["sale"] AND "request.tags" NOT IN ["winter"]'],
		['"file.size" > 1000 AND "file.size" >= "300kb" AND "file.size" < "1MB"'],
		['"file.mime" IN ["image/png", "image/jpeg"] AND "file.mime" NOT = "video/mp4"'],
		['"mediaMetadata.width" = 1200 AND "mediaMetadata.height" > 799'],
		['"request.customMetadata.brand" : "Ac" AND "request.customMetadata.price" >= 100'],
		['"request.customMetadata.launch" > "2024-01-01"'],
		[
			'"request.customMetadata.colors" IN ["red"] AND "request.customMetadata.colors" NOT IN ["green"]',
		],
	])('passes %s', (checks) => {
		expect(run(checks)).not.toThrow();
	});

	it.each([
		['"request.folder" : "products/"'],
		['"file.size" < "100kb"'],
		['"file.mime" : video'],
		['"request.tags" IN ["winter"]'],
		['"mediaMetadata.width" > 2000 OR "mediaMetadata.duration" > 10'],
		['"request.customMetadata.price" < 100'],
		['"request.useUniqueFileName" = true'],
	])("fails %s with ImageKit's message", (checks) => {
		expect(run(checks)).toThrow(FAILED_CHECKS);
	});

	it.each([
		['an unquoted field name', 'file.size < "1mb"'],
		['an unknown field', '"file.name" = "a.png"'],
		['an operator the field does not take', '"file.size" IN ["1mb"]'],
		['NOT before an order', '"file.size" NOT < "1mb"'],
		['NOT : (not documented)', '"request.folder" NOT : "marketing/"'],
		['a size that is not one', '"file.size" < "big"'],
		['a flag that is not true or false', '"request.isPrivateFile" = yes'],
		['a missing value', '"file.size" <'],
		['an unclosed group', '("file.size" < "1mb"'],
		['an unterminated string', '"request.folder" : "marketing/'],
		['a custom metadata field the account lacks', '"request.customMetadata.size" = 1'],
		['a deleted custom metadata field', '"request.customMetadata.old" = "x"'],
		['an operator the custom field type does not take', '"request.customMetadata.colors" = "red"'],
		['nothing at all', ''],
	])('refuses %s as invalid syntax', (_, checks) => {
		expect(run(checks)).toThrow(INVALID_CHECKS);
	});
});
