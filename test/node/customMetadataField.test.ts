import type { INodeParameters } from 'n8n-workflow';

import { NODE_TYPE, useNodeFixture } from './fixture';

const fixture = useNodeFixture();

const field = (operation: string, parameters: INodeParameters = {}) =>
	fixture.run({ resource: 'customMetadataField', operation, ...parameters });

const selectOptions = (...values: string[]) => ({ option: values.map((value) => ({ value })) });

function seedFields() {
	return {
		brand: fixture.emulator.seedCustomMetadataField({
			name: 'brand',
			label: 'Brand',
			schema: { type: 'Text' },
		}),
		price: fixture.emulator.seedCustomMetadataField({
			name: 'price',
			label: 'Price',
			schema: { type: 'Number', minValue: 0, maxValue: 1000 },
		}),
		onSale: fixture.emulator.seedCustomMetadataField({
			name: 'onSale',
			schema: { type: 'Boolean' },
		}),
		sizes: fixture.emulator.seedCustomMetadataField({
			name: 'sizes',
			label: 'Sizes',
			schema: { type: 'MultiSelect', selectOptions: ['S', 'M', 'L', 40] },
		}),
	};
}

describe('Custom Metadata Field → Create', () => {
	it('sends only the rules of the chosen type, typed', async () => {
		const result = await field('create', {
			name: 'price',
			label: 'Price',
			fieldType: 'Number',
			schemaOptions: {
				minValue: 10,
				maxValue: 500,
				defaultNumber: 20,
				isValueRequired: true,
				minLength: 3,
			},
		});
		expect(result.error).toBeUndefined();
		const sent = {
			name: 'price',
			label: 'Price',
			schema: {
				type: 'Number',
				minValue: 10,
				maxValue: 500,
				defaultValue: 20,
				isValueRequired: true,
			},
		};
		expect(fixture.emulator.requests[0].json).toEqual(sent);
		expect(result.items[0].json).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), ...sent });
	});

	it.each([
		[
			'SingleSelect',
			{ selectOptions: selectOptions('small', 'large'), schemaOptions: { defaultText: 'large' } },
			{ type: 'SingleSelect', selectOptions: ['small', 'large'], defaultValue: 'large' },
		],
		[
			'MultiSelect',
			{ selectOptions: selectOptions('S', 'M', 'L'), schemaOptions: { defaultValues: 'S, L' } },
			{ type: 'MultiSelect', selectOptions: ['S', 'M', 'L'], defaultValue: ['S', 'L'] },
		],
		[
			'Date',
			{ schemaOptions: { minDate: '2025-01-01T00:00:00', maxDate: '2025-12-31T00:00:00' } },
			{ type: 'Date', minValue: '2025-01-01T00:00:00', maxValue: '2025-12-31T00:00:00' },
		],
		[
			'Textarea',
			{ schemaOptions: { minLength: 2, maxLength: 80 } },
			{ type: 'Textarea', minLength: 2, maxLength: 80 },
		],
		[
			'Boolean',
			{ schemaOptions: { defaultBoolean: false, isValueRequired: true } },
			{ type: 'Boolean', defaultValue: false, isValueRequired: true },
		],
	])('builds a %s schema from its fields', async (fieldType, parameters, schema) => {
		const result = await field('create', { name: 'f', label: 'F', fieldType, ...parameters });
		expect(result.error).toBeUndefined();
		expect(fixture.emulator.requests[0].json).toEqual({ name: 'f', label: 'F', schema });
	});

	it.each([
		[{ fieldType: 'SingleSelect' }, "'Select Options' is empty"],
		[
			{ fieldType: 'MultiSelect', selectOptions: selectOptions('a', 'a') },
			`'Select Options' lists "a" twice`,
		],
		[
			{ fieldType: 'Text', schemaOptions: { isValueRequired: true } },
			"'Default Value' is required when 'Is Value Required' is on",
		],
		[
			{
				fieldType: 'SingleSelect',
				selectOptions: selectOptions('a'),
				schemaOptions: { defaultText: 'b' },
			},
			`'Default Value' "b" is not one of the 'Select Options'`,
		],
		[
			{ fieldType: 'Number', schemaOptions: { minValue: 5, maxValue: 1 } },
			"'Min Value' is greater than 'Max Value'",
		],
		[
			{ fieldType: 'Text', schemaOptions: { minLength: 9, maxLength: 3 } },
			"'Min Length' is greater than 'Max Length'",
		],
		[
			{
				fieldType: 'Date',
				schemaOptions: { minDate: '2025-02-01T00:00:00', maxDate: '2025-01-01T00:00:00' },
			},
			"'Min Value' is greater than 'Max Value'",
		],
	])('names the field to fix in %p before sending anything', async (parameters, message) => {
		const result = await field('create', { name: 'f', label: 'F', ...parameters });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBeProblemWithFix(message);
		expect(fixture.emulator.requests).toEqual([]);
	});

	it('passes on ImageKit’s refusal of a name already taken, even by a deleted field', async () => {
		const { brand } = seedFields();
		await field('delete', { fieldId: brand.id });
		const result = await field('create', {
			name: 'brand',
			label: 'Brand again',
			fieldType: 'Text',
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBeProblemWithFix(
			'A custom metadata field with this name already exists.',
		);
	});
});

describe('Custom Metadata Field → Get Many, Update, Delete', () => {
	it('lists the fields, applying the limit itself, and deleted ones on request', async () => {
		const { price } = seedFields();
		const limited = await field('getAll', { returnAll: false, limit: 2 });
		expect(limited.items.map((item) => item.json.name)).toEqual(['brand', 'price']);
		const deleted = await field('delete', { fieldId: price.id });
		expect(deleted.items[0].json).toEqual({ id: price.id, deleted: true });
		const active = await field('getAll', { returnAll: true });
		expect(active.items.map((item) => item.json.name)).toEqual(['brand', 'onSale', 'sizes']);
		const all = await field('getAll', {
			returnAll: true,
			options: {
				includeDeleted: true,
				folderPath: { __rl: true, mode: 'list', value: '/products/' },
			},
		});
		expect(all.items.map((item) => item.json.name)).toEqual(['brand', 'price', 'onSale', 'sizes']);
		expect(fixture.emulator.requests.at(-1)?.query).toEqual({
			includeDeleted: 'true',
			folderPath: '/products',
		});
	});

	it('changes the label, and replaces the rules without sending the type', async () => {
		const { price } = seedFields();
		const relabelled = await field('update', {
			fieldId: price.id,
			updateFields: { label: 'Price (EUR)' },
		});
		expect(relabelled.items[0].json).toMatchObject({
			label: 'Price (EUR)',
			schema: { type: 'Number', minValue: 0 },
		});
		const ruled = await field('update', {
			fieldId: price.id,
			replaceRules: true,
			fieldType: 'Number',
			schemaOptions: { maxValue: 50, defaultNumber: 5, isValueRequired: true },
		});
		expect(ruled.error).toBeUndefined();
		const patch = fixture.emulator.requests.filter((request) => request.method === 'PATCH')[1];
		expect(patch.json).toEqual({
			schema: { maxValue: 50, defaultValue: 5, isValueRequired: true },
		});
		expect(ruled.items[0].json).toEqual({
			id: price.id,
			name: 'price',
			label: 'Price (EUR)',
			schema: { type: 'Number', maxValue: 50, defaultValue: 5, isValueRequired: true },
		});
	});

	it('refuses a type other than the field’s own, and an update with nothing in it', async () => {
		const { price } = seedFields();
		const retyped = await field('update', {
			fieldId: price.id,
			replaceRules: true,
			fieldType: 'Text',
		});
		expect(retyped.error?.message).toBeProblemWithFix(
			`'Type' is Text, but the field "price" is a Number field`,
		);
		const empty = await field('update', { fieldId: price.id });
		expect(empty.error?.message).toBeProblemWithFix('Nothing to update');
		expect(fixture.emulator.requests.filter((request) => request.method === 'PATCH')).toEqual([]);
	});

	it('passes on ImageKit’s refusals: a taken label, a deleted or unknown field', async () => {
		const { price, brand } = seedFields();
		const taken = await field('update', { fieldId: price.id, updateFields: { label: 'Brand' } });
		expect(taken.error?.message).toBeProblemWithFix(
			'A custom metadata field with this label already exists.',
		);
		await field('delete', { fieldId: brand.id });
		const deleted = await field('update', { fieldId: brand.id, updateFields: { label: 'Maker' } });
		expect(deleted.error?.message).toBeProblemWithFix(
			'Cannot update a deleted custom metadata fields.',
		);
		const unknown = await field('delete', { fieldId: '0123456789abcdef01234567' });
		expect(unknown.error?.message).toBeProblemWithFix('No such custom metadata field exists.');
	});
});

describe('Custom metadata on File → Upload and Update', () => {
	const upload = (options: INodeParameters) =>
		fixture.run({
			resource: 'file',
			operation: 'upload',
			inputSource: 'url',
			fileUrl: 'https://example.com/shoe.jpg',
			fileName: 'shoe.jpg',
			options: { responseFields: ['customMetadata'], ...options },
		});

	it('offers the account’s fields by label in the Field dropdown', async () => {
		seedFields();
		const options = await fixture.engine.loadOptions(NODE_TYPE, 'getCustomMetadataFields', {
			resource: 'file',
			operation: 'upload',
		});
		expect(options).toEqual([
			{ name: 'Brand (brand)', value: 'brand', description: 'Text field' },
			{ name: 'onSale', value: 'onSale', description: 'Boolean field' },
			{ name: 'Price (price)', value: 'price', description: 'Number field' },
			{ name: 'Sizes (sizes)', value: 'sizes', description: 'MultiSelect field' },
		]);
		expect(fixture.emulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual(
			['GET /v1/customMetadataFields'],
		);
	});

	it('types the listed values by field, merges the JSON (which wins), and lists fields once per run', async () => {
		seedFields();
		const result = await fixture.run(
			{
				resource: 'file',
				operation: 'upload',
				inputSource: 'url',
				fileUrl: 'https://example.com/shoe.jpg',
				fileName: 'shoe.jpg',
				options: {
					responseFields: ['customMetadata'],
					customMetadataValues: {
						field: [
							{ name: 'price', value: '42.5' },
							{ name: 'onSale', value: 'TRUE' },
							{ name: 'sizes', value: 'S, 40' },
							{ name: 'brand', value: 'Listed' },
						],
					},
					customMetadata: '{"brand": "Acme"}',
				},
			},
			{ inputItems: [{ json: {} }, { json: {} }] },
		);
		expect(result.error).toBeUndefined();
		const expected = { price: 42.5, onSale: true, sizes: ['S', 40], brand: 'Acme' };
		expect(result.items.map((item) => item.json.customMetadata)).toEqual([expected, expected]);
		const uploads = fixture.emulator.requests.filter((request) => request.form);
		expect(uploads.map((request) => JSON.parse(request.form!.fields.customMetadata))).toEqual([
			expected,
			expected,
		]);
		expect(
			fixture.emulator.requests.filter((request) => request.path === '/v1/customMetadataFields'),
		).toHaveLength(1);
	});

	it.each([
		[
			{ name: 'price', value: 'cheap' },
			`Custom metadata "price" cannot be "cheap"`,
			'it is a Number field, so enter a number',
		],
		[
			{ name: 'onSale', value: 'yes' },
			`Custom metadata "onSale" cannot be "yes"`,
			'it is a Boolean field, so enter true or false',
		],
		[
			{ name: 'sizes', value: 'S, XL' },
			`Custom metadata "sizes" cannot be "S, XL"`,
			'comma-separated values from: S, M, L, 40',
		],
		[
			{ name: 'colour', value: 'red' },
			'Custom metadata field "colour" does not exist',
			'Custom Metadata Field → Create',
		],
	])(
		'names the field and what it takes for %p, before uploading',
		async (entry, message, description) => {
			seedFields();
			const result = await upload({ customMetadataValues: { field: [entry] } });
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toBeProblemWithFix(message);
			expect(result.error?.message).toContain(description);
			expect(fixture.emulator.requests.filter((request) => request.form)).toEqual([]);
		},
	);

	it('passes on ImageKit’s refusal of values that break a field’s rules or name no field', async () => {
		seedFields();
		const outOfRange = await upload({ customMetadata: '{"price": 5000}' });
		expect(outOfRange.error?.message).toBeProblemWithFix('Invalid custom metadata.');
		const unknown = await upload({ customMetadata: '{"colour": "red"}' });
		expect(unknown.error?.message).toBeProblemWithFix('Invalid custom metadata.');
		expect(fixture.emulator.requests.map((request) => request.status)).toEqual([400, 400]);
	});

	it('on Update, sets typed values and removes those left empty', async () => {
		seedFields();
		const file = fixture.emulator.seedFile({
			name: 'shoe.png',
			customMetadata: { brand: 'Acme', price: 10 },
		});
		const result = await fixture.run({
			resource: 'file',
			operation: 'update',
			fileId: file.fileId,
			updateFields: {
				customMetadataValues: {
					field: [
						{ name: 'price', value: '12' },
						{ name: 'brand', value: '' },
					],
				},
			},
		});
		expect(result.error).toBeUndefined();
		const patch = fixture.emulator.requests.find((request) => request.method === 'PATCH');
		expect(patch?.json).toEqual({ customMetadata: { price: 12, brand: null } });
		expect(result.items[0].json.customMetadata).toEqual({ price: 12 });
	});
});
