// n8n fields for transformation steps, generated from the client's transformation table, and the
// conversion of what those fields return into the client's `transformation` array.
import type {
	IDataObject,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
} from 'n8n-workflow';

import type {
	LayerEncoding,
	LayerMode,
	Overlay,
	ShownTransformation,
	TransformationSpec,
	TransformationStep,
	TransformationValue,
} from '../client/transformations';
import {
	LAYER_POSITION,
	LAYER_TIMING,
	LAYER_TYPES,
	TRANSFORMATIONS,
} from '../client/transformations';
import { sortedByDisplayName, sortedByName } from './sorting';
import type { FieldText } from './transformationText';
import {
	LAYER_ENCODING_LABELS,
	LAYER_MODE_LABELS,
	LAYER_PLACEMENT_TEXT,
	LAYER_TYPE_LABELS,
	TRANSFORMATION_TEXT,
} from './transformationText';

type LayerTypeSpec = (typeof LAYER_TYPES)[number];
type LayerFieldSpec = (typeof LAYER_POSITION)[number] | (typeof LAYER_TIMING)[number];
/** A table entry with the node's words for it. */
type LabelledText = FieldText & { options?: Readonly<Record<string, string>>; default?: number };

/** n8n options from a value → label map, sorted by label as n8n's lint asks. */
function optionList(labels: Readonly<Record<string, string>>): INodePropertyOptions[] {
	return sortedByName(Object.entries(labels).map(([value, name]) => ({ name, value })));
}

/** A dropdown whose default is the first value of the table's map. */
function optionsField(
	field: Pick<INodeProperties, 'displayName' | 'name' | 'description'>,
	labels: Readonly<Record<string, string>>,
): INodeProperties {
	return {
		...field,
		type: 'options',
		options: optionList(labels),
		default: Object.keys(labels)[0],
	};
}

function isShown(spec: TransformationSpec): spec is ShownTransformation {
	return spec.hidden === undefined;
}

function transformationField(spec: ShownTransformation): INodeProperties {
	const text: LabelledText = TRANSFORMATION_TEXT[spec.key];
	const field = { displayName: text.displayName, name: spec.key, description: text.description };
	switch (spec.type) {
		// Adding a boolean to the step means switching it on.
		case 'boolean':
		case 'flag':
			return { ...field, type: 'boolean', default: true };
		case 'number':
			return {
				...field,
				type: 'number',
				default: text.default,
				typeOptions: { minValue: spec.min, maxValue: spec.max },
			};
		case 'options':
			return optionsField(field, text.options!);
		case 'list':
			return { ...field, type: 'multiOptions', options: optionList(text.options!), default: [] };
		default:
			return { ...field, type: 'string', default: '' };
	}
}

const SHOWN_SPECS = TRANSFORMATIONS.filter(isShown);
const STEP_FIELDS = sortedByDisplayName(SHOWN_SPECS.map(transformationField));

/** The field naming what the layer shows; its `name` is the overlay property it fills. */
const LAYER_SOURCE_FIELDS: Record<LayerTypeSpec['source'], INodeProperties> = {
	text: {
		displayName: 'Text',
		name: 'text',
		type: 'string',
		default: '',
		required: true,
		description: 'Text to write on the base',
	},
	input: {
		displayName: 'Input Path',
		name: 'input',
		type: 'string',
		default: '',
		required: true,
		placeholder: '/logos/brand.png',
		description: 'Media library path of the file to place on the base',
	},
	color: {
		displayName: 'Color',
		name: 'color',
		type: 'color',
		default: '',
		required: true,
		description:
			'Pick a colour, or type RGBA such as FFAABB50 (the last two digits are opacity) or a colour name',
	},
};

function layerPlacementField(spec: LayerFieldSpec): INodeProperties {
	const text: LabelledText = LAYER_PLACEMENT_TEXT[spec.key];
	const field = { displayName: text.displayName, name: spec.key, description: text.description };
	return text.options
		? optionsField(field, text.options)
		: { ...field, type: 'string', default: '' };
}

const LAYER_COMMON_OPTIONS: INodeProperties[] = [
	...LAYER_POSITION.map(layerPlacementField),
	...LAYER_TIMING.map(layerPlacementField),
	optionsField(
		{
			displayName: 'Layer Mode',
			name: 'layerMode',
			description: 'How the layer blends with the base',
		},
		LAYER_MODE_LABELS,
	),
	{
		displayName: 'Layer Transformation',
		name: 'transformation',
		type: 'string',
		default: '',
		placeholder: 'w-200,fs-32,co-FFFFFF',
		description: 'Transformations of the layer itself in URL syntax; chain steps with a colon',
	},
];

const ENCODING_FIELD = optionsField(
	{
		displayName: 'Encoding',
		name: 'encoding',
		description:
			'How the input is written into the URL; Auto uses base64 unless it holds only letters, digits, spaces, ' +
			'dots, dashes, underscores and, in paths, slashes',
	},
	LAYER_ENCODING_LABELS,
);

function layerSection(layer: LayerTypeSpec): INodePropertyCollection {
	// A colour needs no encoding.
	const options =
		layer.source === 'color'
			? [...LAYER_COMMON_OPTIONS]
			: [...LAYER_COMMON_OPTIONS, ENCODING_FIELD];
	return {
		displayName: LAYER_TYPE_LABELS[layer.type],
		name: layer.type,
		values: [
			LAYER_SOURCE_FIELDS[layer.source],
			{
				displayName: 'Layer Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: sortedByDisplayName(options),
			},
		],
	};
}

const OVERLAY_SECTIONS = sortedByDisplayName(LAYER_TYPES.map(layerSection));

const STEPS_DESCRIPTION =
	'Each step is one part of the transformation chain, applied to the result of the steps before it; ' +
	'in the URL, steps are joined by colons: w-300,h-300:rt-90 is two steps';

/** A step's transformations (one `:`-separated part of the chain), in either builder version. */
const STEP_TRANSFORMATIONS: INodeProperties = {
	displayName: 'Transformations',
	name: 'parameters',
	type: 'collection',
	placeholder: 'Add Transformation',
	default: {},
	options: STEP_FIELDS,
};

/**
 * Version 1's steps: each step holds a Transformations box and an Overlay box. Kept so saved
 * workflows open and run as they were; new nodes get version 2's typed steps.
 */
const STEPS_V1: INodeProperties = {
	displayName: 'Transformation Steps',
	name: 'steps',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Step',
	default: {},
	displayOptions: { show: { '@version': [1] } },
	description: STEPS_DESCRIPTION,
	options: [
		{
			displayName: 'Step',
			name: 'step',
			values: [
				STEP_TRANSFORMATIONS,
				{
					displayName: 'Overlay',
					name: 'overlay',
					type: 'fixedCollection',
					placeholder: 'Add Overlay',
					default: {},
					description:
						'A layer drawn on the result of this step; a second layer type becomes a step of its own',
					options: OVERLAY_SECTIONS,
				},
			],
		},
	],
};

/** The Type of a version 2 step: transformations, or one overlay of a kind. */
const TRANSFORMATIONS_STEP = 'transformations';

const STEP_TYPE_FIELD: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: sortedByName([
		{
			name: 'Transformations',
			value: TRANSFORMATIONS_STEP,
			description: 'Resize, crop, effects and more, applied together',
		},
		...LAYER_TYPES.map((layer) => ({
			name: `${LAYER_TYPE_LABELS[layer.type]} Overlay`,
			value: layer.type,
			description: `${LAYER_TYPE_LABELS[layer.type]} layer drawn on the result of the steps before`,
		})),
	]),
	default: TRANSFORMATIONS_STEP,
	description: 'What this step does',
};

/** The fields of one overlay kind, shown when the step's Type is that kind. */
function overlayStepFields(layer: LayerTypeSpec): INodeProperties[] {
	const [source, options] = layerSection(layer).values;
	const show = { displayOptions: { show: { type: [layer.type] } } };
	return [
		{ ...source, ...show },
		{ ...options, name: 'layerOptions', ...show },
	];
}

/** Version 2's steps: each step has a Type and shows only the fields of that type. */
const STEPS_V2: INodeProperties = {
	...STEPS_V1,
	displayOptions: { show: { '@version': [2] } },
	options: [
		{
			displayName: 'Step',
			name: 'step',
			values: [
				STEP_TYPE_FIELD,
				{
					...STEP_TRANSFORMATIONS,
					displayOptions: { show: { type: [TRANSFORMATIONS_STEP] } },
				},
				...LAYER_TYPES.flatMap(overlayStepFields),
			],
		},
	],
};

/**
 * "Transformation Steps", in the shape of each node version. `stepsFromParameters` reads both:
 * version 1's `{ parameters, overlay }` and version 2's `{ type, … }`.
 */
export const transformationStepsProperties: INodeProperties[] = [STEPS_V1, STEPS_V2];

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

/**
 * One step from the UI's fields, in the table's order: n8n returns a collection in the order of its
 * fields (sorted by label), which would give `h-300,w-300` where ImageKit's SDKs and docs write
 * `w-300,h-300`, a different URL and a different CDN cache entry.
 */
function transformationsFromUi(parameters: unknown): TransformationStep {
	const step: TransformationStep = {};
	if (!isObject(parameters)) return step;
	for (const spec of SHOWN_SPECS) {
		const value = parameters[spec.key];
		if (isEmpty(value)) {
			// An empty sharpen, shadow or trim asks for ImageKit's default strength.
			if (typeof value === 'string' && (spec.type === 'optionalValue' || spec.type === 'trim'))
				step[spec.key] = true;
			continue;
		}
		step[spec.key] = (typeof value === 'string' ? value.trim() : value) as TransformationValue;
	}
	return step;
}

function pickLayerFields(
	options: IDataObject,
	specs: readonly LayerFieldSpec[],
): Record<string, string> | undefined {
	let picked: Record<string, string> | undefined;
	for (const spec of specs) {
		const value = options[spec.key];
		if (!isEmpty(value)) (picked ??= {})[spec.key] = String(value).trim();
	}
	return picked;
}

/** A layer from its fields: the source (text, input or colour) and its options. */
function overlayFrom(layer: LayerTypeSpec, fields: IDataObject, options: unknown): Overlay {
	// A layer left without its text, input or colour is kept: the client refuses it by name.
	const source = String(fields[layer.source] ?? '');
	const chosen = isObject(options) ? options : {};
	const overlay: Overlay = { type: layer.type };
	// The colour picker writes `#RRGGBB`; ImageKit takes the hex digits alone.
	overlay[layer.source] = layer.source === 'color' ? source.replace(/^#/, '') : source;
	const position = pickLayerFields(chosen, LAYER_POSITION);
	if (position) overlay.position = position;
	const timing = pickLayerFields(chosen, LAYER_TIMING);
	if (timing) overlay.timing = timing;
	if (!isEmpty(chosen.encoding)) overlay.encoding = chosen.encoding as LayerEncoding;
	if (!isEmpty(chosen.layerMode)) overlay.layerMode = chosen.layerMode as LayerMode;
	if (!isEmpty(chosen.transformation))
		overlay.transformation = [{ raw: String(chosen.transformation).trim() }];
	return overlay;
}

const LAYER_BY_TYPE = new Map<string, LayerTypeSpec>(
	LAYER_TYPES.map((layer) => [layer.type, layer]),
);

/** Version 1's Overlay box: one section per layer type. */
function overlaysFromUi(sections: unknown): Overlay[] {
	const overlays: Overlay[] = [];
	if (!isObject(sections)) return overlays;
	for (const [type, section] of Object.entries(sections)) {
		const layer = LAYER_BY_TYPE.get(type);
		if (layer && isObject(section)) overlays.push(overlayFrom(layer, section, section.options));
	}
	return overlays;
}

/** One version 2 step: its Type says which fields it holds. */
function typedStep(uiStep: IDataObject): TransformationStep {
	const layer = LAYER_BY_TYPE.get(String(uiStep.type));
	if (!layer) return transformationsFromUi(uiStep.parameters);
	return { overlay: overlayFrom(layer, uiStep, uiStep.layerOptions) };
}

/**
 * The client's `transformation` array from the value of Transformation Steps: version 2's
 * `{ step: [{ type, … }] }` or version 1's `{ step: [{ parameters, overlay }] }`. Empty fields are
 * skipped; a version 1 step's second and later layers become steps of their own, since one step
 * carries one overlay. Parameters come out in the transformation table's order.
 */
export function stepsFromParameters(value: IDataObject): TransformationStep[] {
	const steps: TransformationStep[] = [];
	const uiSteps = Array.isArray(value?.step) ? (value.step as unknown[]) : [];
	for (const uiStep of uiSteps) {
		if (!isObject(uiStep)) continue;
		if (uiStep.type !== undefined) {
			const step = typedStep(uiStep);
			if (Object.keys(step).length > 0) steps.push(step);
			continue;
		}
		const step = transformationsFromUi(uiStep.parameters);
		const [firstOverlay, ...laterOverlays] = overlaysFromUi(uiStep.overlay);
		if (firstOverlay) step.overlay = firstOverlay;
		if (Object.keys(step).length > 0) steps.push(step);
		for (const overlay of laterOverlays) steps.push({ overlay });
	}
	return steps;
}
