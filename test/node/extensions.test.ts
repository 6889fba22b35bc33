import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { itWithSpec } from '../openapi/spec';
import { PRIVATE_KEY, useNodeFixture } from './fixture';

const fixture = useNodeFixture();

/** Requests the node cannot send are posted on purpose; their spec violations are expected, then dropped. */
function dropExpectedRequestViolations(request: string) {
	const violations = fixture.emulator.openApiViolations.splice(0);
	expect(violations.length).toBeGreaterThan(0);
	for (const violation of violations)
		expect(violation.startsWith(`${request} request:`)).toBe(true);
}

const PNG_BASE64 =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const upload = (options: INodeParameters) =>
	fixture.run({
		resource: 'file',
		operation: 'upload',
		inputSource: 'base64',
		base64Content: PNG_BASE64,
		fileName: 'shoe.png',
		options,
	});

const sentUploadExtensions = () => {
	const request = fixture.emulator.requests.find((entry) => entry.path === '/api/v1/files/upload');
	return request?.form?.fields.extensions === undefined
		? undefined
		: JSON.parse(request.form.fields.extensions);
};

const everyExtensionForm = {
	removeBg: [{ addShadow: true, semitransparency: false, background: 'color', bgColor: '#81d4fa' }],
	autoTagging: [{ provider: 'google-auto-tagging', minConfidence: 80, maxTags: 10 }],
	aiAutoDescription: [{}],
	aiTasks: [
		{
			tasks: {
				task: [
					{
						type: 'select_tags',
						instruction: 'What clothing is visible?',
						vocabulary: 'shirt, dress, jacket',
						minSelections: 1,
						maxSelections: 2,
					},
					{
						type: 'select_metadata',
						instruction: 'Main colour?',
						field: 'color',
						vocabulary: '',
						minSelections: 0,
						maxSelections: 0,
					},
					{
						type: 'yes_no',
						instruction: 'Is this a luxury item?',
						actions: {
							action: [
								{
									answer: 'on_yes',
									addTags: 'luxury, premium',
									setMetadata: '{"price_range": "premium"}',
								},
								{ answer: 'on_no', removeTags: 'luxury', unsetMetadata: 'price_range' },
								{ answer: 'on_yes', removeTags: 'budget' },
							],
						},
					},
				],
			},
		},
	],
};

const everyExtension = [
	{ name: 'remove-bg', options: { add_shadow: true, semitransparency: false, bg_color: '81d4fa' } },
	{ name: 'google-auto-tagging', minConfidence: 80, maxTags: 10 },
	{ name: 'ai-auto-description' },
	{
		name: 'ai-tasks',
		tasks: [
			{
				type: 'select_tags',
				instruction: 'What clothing is visible?',
				vocabulary: ['shirt', 'dress', 'jacket'],
				min_selections: 1,
				max_selections: 2,
			},
			{ type: 'select_metadata', instruction: 'Main colour?', field: 'color' },
			{
				type: 'yes_no',
				instruction: 'Is this a luxury item?',
				on_yes: {
					add_tags: ['luxury', 'premium'],
					set_metadata: [{ field: 'price_range', value: 'premium' }],
					remove_tags: ['budget'],
				},
				on_no: { remove_tags: ['luxury'], unset_metadata: [{ field: 'price_range' }] },
			},
		],
	},
];

describe('Extensions form on File → Upload', () => {
	it('turns every form entry into ImageKit’s extension objects', async () => {
		const result = await upload({ extensionsUi: everyExtensionForm });
		expect(result.error).toBeUndefined();
		expect(sentUploadExtensions()).toEqual(everyExtension);
		expect(result.items[0].json.extensionStatus).toEqual({
			'remove-bg': 'pending',
			'google-auto-tagging': 'pending',
			'ai-auto-description': 'pending',
			'ai-tasks': 'pending',
		});
	});

	it('sends the raw JSON extensions after the form’s', async () => {
		const result = await upload({
			extensionsUi: { aiAutoDescription: [{}] },
			extensions: '[{"name": "aws-auto-tagging", "minConfidence": 50, "maxTags": 3}]',
		});
		expect(result.error).toBeUndefined();
		expect(sentUploadExtensions()).toEqual([
			{ name: 'ai-auto-description' },
			{ name: 'aws-auto-tagging', minConfidence: 50, maxTags: 3 },
		]);
	});

	it('references a saved extension by its ID', async () => {
		const saved = await fixture.run({
			resource: 'savedExtension',
			operation: 'create',
			name: 'Describe',
			description: 'AI description',
			config: { aiAutoDescription: {} },
		});
		const id = saved.items[0].json.id as string;
		const result = await upload({ extensionsUi: { savedExtension: [{ id }] } });
		expect(result.error).toBeUndefined();
		expect(sentUploadExtensions()).toEqual([{ name: 'saved-extension', id }]);
	});

	it('sends a background image URL alone', async () => {
		await upload({
			extensionsUi: {
				removeBg: [{ background: 'imageUrl', bgImageUrl: 'https://example.com/bg.jpg' }],
			},
		});
		expect(sentUploadExtensions()).toEqual([
			{
				name: 'remove-bg',
				options: {
					add_shadow: false,
					semitransparency: true,
					bg_image_url: 'https://example.com/bg.jpg',
				},
			},
		]);
	});

	it.each([
		['no tasks', { aiTasks: [{ tasks: {} }] }, "'Extensions' → AI Tasks: 0 tasks"],
		[
			'eleven tasks',
			{
				aiTasks: [
					{
						tasks: {
							task: Array.from({ length: 11 }, () => ({ type: 'select_tags', instruction: 'Q?' })),
						},
					},
				],
			},
			"'Extensions' → AI Tasks: 11 tasks",
		],
		[
			'an empty instruction',
			{
				aiTasks: [
					{
						tasks: {
							task: [
								{ type: 'select_tags', instruction: 'Q?' },
								{ type: 'yes_no', instruction: ' ' },
							],
						},
					},
				],
			},
			"'Extensions' → AI Tasks, task 2: 'Instruction' is empty",
		],
		[
			'a 2001-character instruction',
			{ aiTasks: [{ tasks: { task: [{ type: 'yes_no', instruction: 'x'.repeat(2001) }] } }] },
			"'Extensions' → AI Tasks, task 1: 'Instruction' has 2001 characters",
		],
		[
			'31 vocabulary values',
			{
				aiTasks: [
					{
						tasks: {
							task: [
								{
									type: 'select_tags',
									instruction: 'Q?',
									vocabulary: Array.from({ length: 31 }, (_, i) => `v${i}`).join(','),
								},
							],
						},
					},
				],
			},
			"'Extensions' → AI Tasks, task 1: 'Vocabulary' has 31 values",
		],
		[
			'a metadata task without its field',
			{
				aiTasks: [{ tasks: { task: [{ type: 'select_metadata', instruction: 'Q?', field: '' }] } }],
			},
			"'Extensions' → AI Tasks, task 1: 'Metadata Field' is empty",
		],
		[
			'min above max selections',
			{
				aiTasks: [
					{
						tasks: {
							task: [
								{ type: 'select_tags', instruction: 'Q?', minSelections: 3, maxSelections: 2 },
							],
						},
					},
				],
			},
			"'Extensions' → AI Tasks, task 1: 'Min Selections' (3) is above 'Max Selections' (2)",
		],
		[
			'a colour background without a colour',
			{ removeBg: [{ background: 'color', bgColor: '' }] },
			"'Extensions' → Remove Background: 'Background Color' is empty",
		],
		[
			'no saved extension chosen',
			{ savedExtension: [{ id: '' }] },
			"'Extensions' → Saved Extension: no saved extension chosen",
		],
	])('rejects %s before uploading', async (_case, form, message) => {
		const result = await upload({ extensionsUi: form });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBeProblemWithFix(message);
		expect(fixture.emulator.requests).toEqual([]);
	});

	itWithSpec('gets ImageKit’s 400 for invalid raw JSON extensions', async () => {
		const result = await upload({ extensions: '[{"name": "ai-tasks", "tasks": []}]' });
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '400' });
		expect(result.error?.message).toBeProblemWithFix(
			'Your request contains invalid value for extensions parameter.',
		);
		dropExpectedRequestViolations('POST /api/v1/files/upload');
	});
});

describe('Extensions form on File → Update', () => {
	it('sends the form’s extensions in the update body', async () => {
		const file = fixture.emulator.seedFile({ name: 'shoe.png' });
		const result = await fixture.run({
			resource: 'file',
			operation: 'update',
			fileId: file.fileId,
			updateFields: { extensionsUi: everyExtensionForm },
		});
		expect(result.error).toBeUndefined();
		const request = fixture.emulator.requests.find((entry) => entry.method === 'PATCH');
		expect((request?.json as IDataObject).extensions).toEqual(everyExtension);
		expect(fixture.emulator.files[0].extensions).toEqual(everyExtension);
	});
});

describe('Emulator validation of saved extension configs', () => {
	// The node cannot send these (the form and the client check first), so they are posted directly.
	const post = async (config: unknown) =>
		await fetch(`${fixture.emulator.baseUrl}/v1/saved-extensions`, {
			method: 'POST',
			headers: {
				authorization: `Basic ${Buffer.from(`${PRIVATE_KEY}:`).toString('base64')}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify({ name: 'N', description: 'D', config }),
		});

	itWithSpec.each([
		['ai-tasks without tasks', { name: 'ai-tasks', tasks: [] }],
		['a saved-extension reference', { name: 'saved-extension', id: 'ext_1' }],
	])('answers 400 "Invalid extension configuration." for %s', async (_case, config) => {
		const response = await post(config);
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ message: 'Invalid extension configuration.' });
		dropExpectedRequestViolations('POST /v1/saved-extensions');
	});

	it('answers 400 for remove-bg with two backgrounds, which the spec alone allows', async () => {
		const response = await post({
			name: 'remove-bg',
			options: { bg_color: 'fff', bg_image_url: 'https://x.io/a.jpg' },
		});
		expect(response.status).toBe(400);
	});
});
