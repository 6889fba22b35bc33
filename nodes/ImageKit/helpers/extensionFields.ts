import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyCollection,
} from 'n8n-workflow';

import type { Extension } from '../client';
import { parseJsonField, toList } from './parameters';
import { inputError } from './errors';

// The extensions ImageKit runs on a file (API.md §3.1.2) as a form: upload, update and saved
// extensions share these fields and their conversion to the API's objects.

const MAX_TASKS = 10;
const MAX_INSTRUCTION_LENGTH = 2000;
const MAX_VOCABULARY_ITEMS = 30;

const removeBg: INodePropertyCollection = {
	displayName: 'Remove Background',
	name: 'removeBg',
	values: [
		{
			displayName: 'Add Shadow',
			name: 'addShadow',
			type: 'boolean',
			default: false,
			description: 'Whether to add an artificial shadow (car photos only)',
		},
		{
			displayName: 'Background',
			name: 'background',
			type: 'options',
			options: [
				{ name: 'Color', value: 'color' },
				{ name: 'Image URL', value: 'imageUrl' },
				{ name: 'Transparent', value: 'transparent' },
			],
			default: 'transparent',
			description: 'What replaces the removed background',
		},
		{
			displayName: 'Background Color',
			name: 'bgColor',
			type: 'color',
			default: '',
			displayOptions: { show: { background: ['color'] } },
			description: 'Solid colour behind the subject',
		},
		{
			displayName: 'Background Image URL',
			name: 'bgImageUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/backdrop.jpg',
			displayOptions: { show: { background: ['imageUrl'] } },
		},
		{
			displayName: 'Semitransparency',
			name: 'semitransparency',
			type: 'boolean',
			default: true,
			description: 'Whether to keep semi-transparent regions such as car windows',
		},
	],
};

const autoTagging: INodePropertyCollection = {
	displayName: 'Auto Tagging',
	name: 'autoTagging',
	values: [
		{
			displayName: 'Provider',
			name: 'provider',
			type: 'options',
			options: [
				{ name: 'AWS Rekognition', value: 'aws-auto-tagging' },
				{ name: 'Google Cloud Vision', value: 'google-auto-tagging' },
			],
			default: 'google-auto-tagging',
		},
		{
			displayName: 'Min Confidence',
			name: 'minConfidence',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 100 },
			default: 80,
			description: 'Lowest confidence (0–100) of a tag to keep',
		},
		{
			displayName: 'Max Tags',
			name: 'maxTags',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10,
			description: 'Most tags to add',
		},
	],
};

const aiAutoDescription: INodePropertyCollection = {
	displayName: 'AI Auto Description',
	name: 'aiAutoDescription',
	values: [
		{
			displayName: 'ImageKit writes a description of the file into its description field',
			name: 'notice',
			type: 'notice',
			default: '',
		},
	],
};

const TASK_ANSWERS = [
	{ name: 'No', value: 'on_no' },
	{ name: 'Unknown', value: 'on_unknown' },
	{ name: 'Yes', value: 'on_yes' },
];

const SELECTING = { show: { type: ['select_tags', 'select_metadata'] } };

// n8n's lint wants fixed-collection fields alphabetical, so Type is not first.
const aiTasks: INodePropertyCollection = {
	displayName: 'AI Tasks',
	name: 'aiTasks',
	values: [
		{
			displayName: 'Tasks',
			name: 'tasks',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
			placeholder: 'Add Task',
			description: 'One to ten questions the AI answers about the file',
			options: [
				{
					displayName: 'Task',
					name: 'task',
					values: [
						{
							displayName: 'Actions',
							name: 'actions',
							type: 'fixedCollection',
							typeOptions: { multipleValues: true },
							default: {},
							placeholder: 'Add Action',
							displayOptions: { show: { type: ['yes_no'] } },
							description: 'What to change on the file for each answer',
							options: [
								{
									displayName: 'Action',
									name: 'action',
									values: [
										{
											displayName: 'Add Tags',
											name: 'addTags',
											type: 'string',
											default: '',
											placeholder: 'luxury, premium',
											description: 'Comma-separated tags to add',
										},
										{
											displayName: 'Remove Tags',
											name: 'removeTags',
											type: 'string',
											default: '',
											description: 'Comma-separated tags to remove',
										},
										{
											displayName: 'Set Metadata (JSON)',
											name: 'setMetadata',
											type: 'json',
											default: '{}',
											description: 'Custom metadata values to set, e.g. {"price_range": "premium"}',
										},
										{
											displayName: 'Unset Metadata Fields',
											name: 'unsetMetadata',
											type: 'string',
											default: '',
											placeholder: 'price_range',
											description: 'Comma-separated custom metadata fields to clear',
										},
										{
											displayName: 'When the Answer Is',
											name: 'answer',
											type: 'options',
											options: TASK_ANSWERS,
											default: 'on_yes',
										},
									],
								},
							],
						},
						{
							displayName: 'Instruction',
							name: 'instruction',
							type: 'string',
							typeOptions: { rows: 2 },
							default: '',
							placeholder: 'What types of clothing items are visible in this image?',
							description: 'The question for the AI, up to 2,000 characters',
						},
						{
							displayName: 'Max Selections',
							name: 'maxSelections',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 0,
							displayOptions: SELECTING,
							description: 'Most values to select; 0 sets no maximum',
						},
						{
							displayName: 'Metadata Field',
							name: 'field',
							type: 'string',
							default: '',
							placeholder: 'primary_color',
							displayOptions: { show: { type: ['select_metadata'] } },
							description: 'Name of the custom metadata field to set',
						},
						{
							displayName: 'Min Selections',
							name: 'minSelections',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 0,
							displayOptions: SELECTING,
							description: 'Fewest values to select; 0 sets no minimum',
						},
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							options: [
								{
									name: 'Select Metadata',
									value: 'select_metadata',
									description: 'Set a custom metadata field',
								},
								{ name: 'Select Tags', value: 'select_tags', description: 'Add matching tags' },
								{
									name: 'Yes or No',
									value: 'yes_no',
									description: 'Act on the answer to a question',
								},
							],
							default: 'select_tags',
						},
						{
							displayName: 'Vocabulary',
							name: 'vocabulary',
							type: 'string',
							default: '',
							placeholder: 'shirt, dress, jacket',
							displayOptions: SELECTING,
							description:
								'Comma-separated values to choose from (1–30); empty uses the field’s own options for Select Metadata',
						},
					],
				},
			],
		},
	],
};

const savedExtension: INodePropertyCollection = {
	displayName: 'Saved Extension',
	name: 'savedExtension',
	values: [
		{
			displayName: 'Saved Extension Name or ID',
			name: 'id',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSavedExtensions' },
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
	],
};

/** The extensions to run on a file, for the Options or Update Fields of upload and update. */
export const extensionsFormProperty: INodeProperties = {
	displayName: 'Extensions',
	name: 'extensionsUi',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Extension',
	description: 'Background removal, auto tagging, AI description or AI tasks to run on the file',
	options: [aiAutoDescription, aiTasks, autoTagging, removeBg, savedExtension],
};

/** Raw extensions, sent after those of the form; for shapes the form does not offer. */
export const extensionsJsonProperty: INodeProperties = {
	displayName: 'Extensions (JSON)',
	name: 'extensions',
	type: 'json',
	default: '[]',
	description:
		'More extensions as a JSON array, sent after those of the Extensions form, e.g. [{"name": "ai-auto-description"}]',
};

/** The one extension a saved extension holds: the same form, without saved-extension references. */
export const extensionConfigProperty: INodeProperties = {
	displayName: 'Extension',
	name: 'config',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Choose Extension',
	description: 'The extension to save; add exactly one',
	options: [aiAutoDescription, aiTasks, autoTagging, removeBg],
};

type Entries = IDataObject | IDataObject[] | undefined;

const asList = (entries: Entries): IDataObject[] =>
	entries === undefined ? [] : Array.isArray(entries) ? entries : [entries];

interface Where {
	context: IExecuteFunctions;
	itemIndex: number;
	/** How the user finds the entry at fault, e.g. `'Extensions' → AI Tasks, task 2`. */
	label: string;
}

function fail({ context, itemIndex, label }: Where, problem: string, fix: string): never {
	throw inputError(context.getNode(), itemIndex, `${label}: ${problem}`, fix);
}

function removeBgExtension(where: Where, entry: IDataObject): Extension {
	const options: IDataObject = {
		add_shadow: entry.addShadow ?? false,
		semitransparency: entry.semitransparency ?? true,
	};
	// The API takes at most one background; the form offers one at a time.
	if (entry.background === 'color') {
		// ImageKit takes the hex code without the picker's leading #.
		options.bg_color = String(entry.bgColor ?? '')
			.trim()
			.replace(/^#/, '');
		if (!options.bg_color)
			fail(
				where,
				"'Background Color' is empty",
				'enter a hex code such as 81d4fa or a colour name',
			);
	}
	if (entry.background === 'imageUrl') {
		options.bg_image_url = String(entry.bgImageUrl ?? '').trim();
		if (!options.bg_image_url)
			fail(where, "'Background Image URL' is empty", 'enter the URL of the background image');
	}
	return { name: 'remove-bg', options };
}

function taskAction(where: Where, entry: IDataObject): IDataObject {
	const action: IDataObject = {};
	const addTags = toList(entry.addTags);
	if (addTags.length) action.add_tags = addTags;
	const removeTags = toList(entry.removeTags);
	if (removeTags.length) action.remove_tags = removeTags;
	const setMetadata = parseJsonField(
		where.context,
		entry.setMetadata,
		where.itemIndex,
		`${where.label} 'Set Metadata (JSON)'`,
		'object',
	);
	if (setMetadata && Object.keys(setMetadata).length) {
		action.set_metadata = Object.entries(setMetadata).map(([field, value]) => ({ field, value }));
	}
	const unset = toList(entry.unsetMetadata);
	if (unset.length) action.unset_metadata = unset.map((field) => ({ field }));
	return action;
}

function aiTask(where: Where, entry: IDataObject): IDataObject {
	const instruction = String(entry.instruction ?? '').trim();
	if (!instruction) fail(where, "'Instruction' is empty", 'enter the question for the AI');
	if (instruction.length > MAX_INSTRUCTION_LENGTH) {
		fail(
			where,
			`'Instruction' has ${instruction.length} characters`,
			`shorten it to ${MAX_INSTRUCTION_LENGTH} characters`,
		);
	}
	const task: IDataObject = { type: entry.type, instruction };
	if (entry.type === 'yes_no') {
		for (const action of asList((entry.actions as IDataObject | undefined)?.action as Entries)) {
			const answer = action.answer as string;
			task[answer] = { ...(task[answer] as IDataObject | undefined), ...taskAction(where, action) };
		}
		return task;
	}
	if (entry.type === 'select_metadata') {
		task.field = String(entry.field ?? '').trim();
		if (!task.field)
			fail(
				where,
				"'Metadata Field' is empty",
				'enter the name of the custom metadata field to set',
			);
	}
	const vocabulary = toList(entry.vocabulary);
	if (vocabulary.length > MAX_VOCABULARY_ITEMS) {
		fail(
			where,
			`'Vocabulary' has ${vocabulary.length} values`,
			`keep at most ${MAX_VOCABULARY_ITEMS} values`,
		);
	}
	if (vocabulary.length) task.vocabulary = vocabulary;
	const min = Number(entry.minSelections ?? 0);
	const max = Number(entry.maxSelections ?? 0);
	if (min > 0) task.min_selections = min;
	if (max > 0) task.max_selections = max;
	if (max > 0 && min > max) {
		fail(
			where,
			`'Min Selections' (${min}) is above 'Max Selections' (${max})`,
			'lower the minimum or raise the maximum',
		);
	}
	return task;
}

function aiTasksExtension(where: Where, entry: IDataObject): Extension {
	const tasks = asList((entry.tasks as IDataObject | undefined)?.task as Entries);
	if (tasks.length < 1 || tasks.length > MAX_TASKS) {
		fail(where, `${tasks.length} tasks`, `add between 1 and ${MAX_TASKS} tasks`);
	}
	return {
		name: 'ai-tasks',
		tasks: tasks.map((task, index) =>
			aiTask({ ...where, label: `${where.label}, task ${index + 1}` }, task),
		),
	};
}

/** Converts the Extensions form (and, after it, the Extensions (JSON) text) to the API's list. */
export function extensionsFromParameters(
	context: IExecuteFunctions,
	itemIndex: number,
	form: unknown,
	json?: unknown,
	formLabel = 'Extensions',
): Extension[] {
	const groups = (form ?? {}) as Record<string, Entries>;
	const where = (group: string): Where => ({
		context,
		itemIndex,
		label: `'${formLabel}' → ${group}`,
	});
	const extensions: Extension[] = [
		...asList(groups.removeBg).map((entry) => removeBgExtension(where('Remove Background'), entry)),
		...asList(groups.autoTagging).map((entry): Extension => ({
			name: entry.provider as string,
			minConfidence: entry.minConfidence,
			maxTags: entry.maxTags,
		})),
		...asList(groups.aiAutoDescription).map((): Extension => ({ name: 'ai-auto-description' })),
		...asList(groups.aiTasks).map((entry) => aiTasksExtension(where('AI Tasks'), entry)),
		...asList(groups.savedExtension).map((entry): Extension => {
			const id = String(entry.id ?? '').trim();
			if (!id)
				fail(
					where('Saved Extension'),
					'no saved extension chosen',
					'pick a saved extension from the list',
				);
			return { name: 'saved-extension', id };
		}),
	];
	const raw =
		parseJsonField<Extension[]>(context, json, itemIndex, 'Extensions (JSON)', 'array') ?? [];
	return [...extensions, ...raw];
}

/** The single extension of a saved extension's Extension field. */
export function extensionConfigFromParameters(
	context: IExecuteFunctions,
	itemIndex: number,
	form: unknown,
): Extension {
	const extensions = extensionsFromParameters(context, itemIndex, form, undefined, 'Extension');
	if (extensions.length !== 1) {
		throw inputError(
			context.getNode(),
			itemIndex,
			`'Extension' holds ${extensions.length} extensions`,
			'a saved extension holds exactly one, so keep one of Remove Background, Auto Tagging, AI Auto Description or AI Tasks',
		);
	}
	return extensions[0];
}
