/**
 * The shapes and limits of one extension (API.md §3.1.2), shared by upload, update details and
 * saved extensions. Each check returns what is wrong, or undefined; callers answer with their own
 * ImageKit message.
 */

const MAX_TASKS = 10;
const MAX_INSTRUCTION_LENGTH = 2000;
const MAX_VOCABULARY_ITEMS = 30;
const MAX_VOCABULARY_LENGTH = 500;
const TASK_ACTIONS = ['on_yes', 'on_no', 'on_unknown'];
const ACTION_KEYS = ['add_tags', 'remove_tags', 'set_metadata', 'unset_metadata'];

type Problem = string | undefined;

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isStringList = (value: unknown) =>
	Array.isArray(value) && value.every((entry) => typeof entry === 'string');
const isCount = (value: unknown, minimum: number) =>
	Number.isInteger(value) && (value as number) >= minimum;

function removeBgProblem(options: unknown): Problem {
	if (options === undefined) return undefined;
	if (!isObject(options)) return 'remove-bg options must be an object';
	for (const flag of ['add_shadow', 'semitransparency']) {
		if (options[flag] !== undefined && typeof options[flag] !== 'boolean')
			return `remove-bg ${flag} must be a boolean`;
	}
	if (options.bg_color && options.bg_image_url)
		return 'remove-bg takes bg_color or bg_image_url, not both';
	return undefined;
}

function vocabularyProblem(vocabulary: unknown, tags: boolean): Problem {
	if (vocabulary === undefined) return undefined;
	const allowed = (entry: unknown) =>
		typeof entry === 'string' ||
		(!tags && (typeof entry === 'number' || typeof entry === 'boolean'));
	if (
		!Array.isArray(vocabulary) ||
		vocabulary.length < 1 ||
		vocabulary.length > MAX_VOCABULARY_ITEMS
	) {
		return `vocabulary must hold 1 to ${MAX_VOCABULARY_ITEMS} values`;
	}
	if (!vocabulary.every(allowed)) return 'vocabulary holds a value of the wrong type';
	if (tags && vocabulary.join('').length > MAX_VOCABULARY_LENGTH)
		return 'vocabulary is longer than 500 characters';
	if (tags && vocabulary.some((entry: string) => entry.includes('%')))
		return 'vocabulary must not contain %';
	return undefined;
}

function actionProblem(action: unknown): Problem {
	if (!isObject(action) || Object.keys(action).some((key) => !ACTION_KEYS.includes(key))) {
		return `an action may only hold ${ACTION_KEYS.join(', ')}`;
	}
	if (action.add_tags !== undefined && !isStringList(action.add_tags))
		return 'add_tags must be a list of strings';
	if (action.remove_tags !== undefined && !isStringList(action.remove_tags))
		return 'remove_tags must be a list of strings';
	const fieldsNamed = (list: unknown, withValue: boolean) =>
		Array.isArray(list) &&
		list.every(
			(entry) =>
				isObject(entry) && typeof entry.field === 'string' && (!withValue || 'value' in entry),
		);
	if (action.set_metadata !== undefined && !fieldsNamed(action.set_metadata, true)) {
		return 'set_metadata must be a list of {field, value}';
	}
	if (action.unset_metadata !== undefined && !fieldsNamed(action.unset_metadata, false)) {
		return 'unset_metadata must be a list of {field}';
	}
	return undefined;
}

function taskProblem(task: unknown): Problem {
	if (!isObject(task)) return 'a task must be an object';
	const { instruction } = task;
	if (
		typeof instruction !== 'string' ||
		instruction.length < 1 ||
		instruction.length > MAX_INSTRUCTION_LENGTH
	) {
		return `instruction must be 1 to ${MAX_INSTRUCTION_LENGTH} characters`;
	}
	const selectionProblem = () =>
		(task.min_selections !== undefined && !isCount(task.min_selections, 0)) ||
		(task.max_selections !== undefined && !isCount(task.max_selections, 1))
			? 'min_selections must be an integer from 0 and max_selections from 1'
			: undefined;
	switch (task.type) {
		case 'select_tags':
			return vocabularyProblem(task.vocabulary, true) ?? selectionProblem();
		case 'select_metadata':
			if (typeof task.field !== 'string' || task.field === '')
				return 'select_metadata needs a field';
			return vocabularyProblem(task.vocabulary, false) ?? selectionProblem();
		case 'yes_no':
			for (const key of TASK_ACTIONS) {
				const problem = task[key] === undefined ? undefined : actionProblem(task[key]);
				if (problem) return problem;
			}
			return undefined;
		default:
			return 'a task type must be select_tags, select_metadata or yes_no';
	}
}

/** What is wrong with one extension; a saved-extension reference is allowed only where files are processed. */
export function extensionProblem(extension: unknown, allowSavedReference: boolean): Problem {
	if (!isObject(extension)) return 'an extension must be an object';
	switch (extension.name) {
		case 'remove-bg':
			return removeBgProblem(extension.options);
		case 'google-auto-tagging':
		case 'aws-auto-tagging':
			return isCount(extension.minConfidence, 0) && isCount(extension.maxTags, 1)
				? undefined
				: 'auto-tagging needs integer minConfidence and maxTags';
		case 'ai-auto-description':
			return undefined;
		case 'ai-tasks': {
			const { tasks } = extension;
			if (!Array.isArray(tasks) || tasks.length < 1 || tasks.length > MAX_TASKS) {
				return `ai-tasks needs 1 to ${MAX_TASKS} tasks`;
			}
			for (const task of tasks) {
				const problem = taskProblem(task);
				if (problem) return problem;
			}
			return undefined;
		}
		case 'saved-extension':
			if (!allowSavedReference) return 'a saved extension cannot reference another';
			return typeof extension.id === 'string' && extension.id !== ''
				? undefined
				: 'saved-extension needs an id';
		default:
			return `unknown extension ${JSON.stringify(extension.name)}`;
	}
}
