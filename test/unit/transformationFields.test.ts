import type {
	IDataObject,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeParameters,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { titleCase } from 'title-case';

import {
	buildTransformationString,
	LAYER_TYPES,
	TRANSFORMATIONS,
} from '../../nodes/ImageKit/client/transformations';
import {
	stepsFromParameters,
	transformationStepsProperties,
} from '../../nodes/ImageKit/helpers/transformationFields';
import { VALID_SAMPLE } from './transformationSamples';

type Option = INodeProperties | INodePropertyCollection | INodePropertyOptions;

const [property, propertyV2] = transformationStepsProperties;
const stepSection = property.options![0] as INodePropertyCollection;
const parametersField = stepSection.values.find((field) => field.name === 'parameters')!;
const overlayField = stepSection.values.find((field) => field.name === 'overlay')!;
const stepFields = parametersField.options as INodeProperties[];

const trFromUi = (value: IDataObject) => buildTransformationString(stepsFromParameters(value));

/** Every property, section and option under `root`, as n8n's lint visits them. */
function walk(root: Option, visit: (option: Option) => void): void {
	visit(root);
	const children = [
		...(('options' in root && root.options) || []),
		...(('values' in root && root.values) || []),
	] as Option[];
	for (const child of children) walk(child, visit);
}

describe('transformationStepsProperties', () => {
	it('is a sortable, repeatable fixed collection of steps', () => {
		expect(property).toMatchObject({
			displayName: 'Transformation Steps',
			name: 'steps',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
		});
		expect(property.options).toHaveLength(1);
		expect(stepSection.name).toBe('step');
		expect(parametersField).toMatchObject({
			type: 'collection',
			placeholder: 'Add Transformation',
			default: {},
		});
		expect(overlayField).toMatchObject({
			displayName: 'Overlay',
			type: 'fixedCollection',
			default: {},
		});
	});

	it('offers exactly the table entries that are not hidden, sorted by display name', () => {
		const shown = TRANSFORMATIONS.filter((spec) => !spec.hidden).map((spec) => spec.key);
		expect(stepFields.map((field) => field.name).sort()).toEqual([...shown].sort());
		expect(stepFields.map((field) => field.name)).not.toEqual(
			expect.arrayContaining(['overlayImage']),
		);
		expect(stepFields.map((field) => field.name)).not.toEqual(expect.arrayContaining(['fontSize']));
		const names = stepFields.map((field) => field.displayName);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});

	it('derives field types from the table', () => {
		const field = (name: string) => stepFields.find((candidate) => candidate.name === name)!;
		expect(field('width')).toMatchObject({ type: 'string', default: '' });
		expect(field('quality')).toMatchObject({
			type: 'number',
			default: 80,
			typeOptions: { minValue: 1, maxValue: 100 },
		});
		expect(field('grayscale')).toMatchObject({ type: 'boolean', default: true });
		expect(field('crop')).toMatchObject({ type: 'options', default: 'maintain_ratio' });
		expect(field('streamingResolutions')).toMatchObject({ type: 'multiOptions', default: [] });
	});

	it('offers one overlay section per layer type', () => {
		const sections = overlayField.options as INodePropertyCollection[];
		expect(sections.map((section) => section.name).sort()).toEqual(
			LAYER_TYPES.map((layer) => layer.type).sort(),
		);
		const text = sections.find((section) => section.name === 'text')!;
		const textOptions = (
			text.values.find((field) => field.name === 'options')!.options as INodeProperties[]
		).map((field) => field.name);
		expect(textOptions).toEqual(
			expect.arrayContaining([
				'x',
				'y',
				'xCenter',
				'yCenter',
				'focus',
				'anchorPoint',
				'start',
				'end',
				'duration',
			]),
		);
		expect(textOptions).toEqual(
			expect.arrayContaining(['encoding', 'layerMode', 'transformation']),
		);
		const solidColor = sections.find((section) => section.name === 'solidColor')!;
		expect(solidColor.values.map((field) => field.name)).toEqual(['color', 'options']);
	});

	it('follows n8n conventions everywhere: title case, sorted lists, descriptions', () => {
		const problems: string[] = [];
		walk({ ...propertyV2, options: [...property.options!, ...propertyV2.options!] }, (option) => {
			const label = 'displayName' in option ? option.displayName : option.name;
			if (label !== titleCase(label)) problems.push(`not title case: ${label}`);
			if ('description' in option && option.description) {
				const description = option.description;
				if (description.endsWith('.')) problems.push(`final period: ${description}`);
				if (description[0] !== description[0].toUpperCase())
					problems.push(`lowercase start: ${description}`);
				if ('type' in option && option.type === 'boolean' && !description.startsWith('Whether')) {
					problems.push(`boolean without "Whether": ${description}`);
				}
			}
			if ('type' in option && option.type === 'collection') {
				const names = (option.options as INodeProperties[]).map((field) => field.displayName);
				if (names.join() !== [...names].sort((a, b) => a.localeCompare(b)).join())
					problems.push(`unsorted: ${label}`);
			}
			if ('type' in option && (option.type === 'options' || option.type === 'multiOptions')) {
				const choices = option.options as INodePropertyOptions[];
				const names = choices.map((choice) => choice.name);
				if (names.join() !== [...names].sort((a, b) => a.localeCompare(b)).join())
					problems.push(`unsorted: ${label}`);
				const values = choices.map((choice) => choice.value);
				const defaults = Array.isArray(option.default) ? option.default : [option.default];
				if (!defaults.every((value) => values.includes(value as string)))
					problems.push(`bad default: ${label}`);
			}
		});
		expect(problems).toEqual([]);
	});
});

describe('stepsFromParameters', () => {
	it('turns a UI step with width 300 and grayscale into w-300,e-grayscale', () => {
		const steps = stepsFromParameters({ step: [{ parameters: { width: 300, grayscale: true } }] });
		expect(steps).toEqual([{ width: 300, grayscale: true }]);
		expect(buildTransformationString(steps)).toBe('w-300,e-grayscale');
	});

	it('chains steps in order and skips empty fields and empty steps', () => {
		const value = {
			step: [
				{ parameters: { width: ' 300 ', height: '', named: '   ' } },
				{ parameters: { focus: '' } },
				{ parameters: { rotation: '90', streamingResolutions: [] } },
			],
		};
		expect(stepsFromParameters(value)).toEqual([{ width: '300' }, { rotation: '90' }]);
		expect(trFromUi(value)).toBe('w-300:rt-90');
	});

	it('treats an empty optional-value effect or trim as the default strength', () => {
		expect(trFromUi({ step: [{ parameters: { sharpen: '', trim: '', shadow: 'bl-15' } }] })).toBe(
			'e-shadow-bl-15,e-sharpen,t-true',
		);
	});

	it('keeps booleans, numbers and lists with their table rules', () => {
		const value = {
			step: [
				{
					parameters: {
						progressive: false,
						contrastStretch: false,
						quality: 70,
						streamingResolutions: ['360', '720'],
					},
				},
			],
		};
		expect(trFromUi(value)).toBe('q-70,sr-360_720,pr-false');
	});

	it('builds an overlay with its options', () => {
		const value = {
			step: [
				{
					parameters: { width: 400 },
					overlay: {
						text: {
							text: 'Every thing',
							options: {
								x: '10',
								y: '',
								focus: 'center',
								start: '5',
								layerMode: 'multiply',
								transformation: 'fs-20',
							},
						},
					},
				},
			],
		};
		expect(stepsFromParameters(value)).toEqual([
			{
				width: 400,
				overlay: {
					type: 'text',
					text: 'Every thing',
					position: { x: '10', focus: 'center' },
					timing: { start: '5' },
					layerMode: 'multiply',
					transformation: [{ raw: 'fs-20' }],
				},
			},
		]);
		expect(trFromUi(value)).toBe(
			'w-400,l-text,i-Every%20thing,lm-multiply,lx-10,lfo-center,lso-5,fs-20,l-end',
		);
	});

	it('reads the colour picker value and honours the encoding option', () => {
		expect(trFromUi({ step: [{ overlay: { solidColor: { color: '#FF0000' } } }] })).toBe(
			'l-image,i-ik_canvas,bg-FF0000,l-end',
		);
		expect(
			trFromUi({
				step: [{ overlay: { image: { input: '/a/b.png', options: { encoding: 'base64' } } } }],
			}),
		).toBe('l-image,ie-YS9iLnBuZw%3D%3D,l-end');
	});

	it('gives a second layer type a step of its own', () => {
		const value = {
			step: [{ overlay: { image: { input: 'logo.png' }, text: { text: 'Hi' } } }],
		};
		expect(trFromUi(value)).toBe('l-image,i-logo.png,l-end:l-text,i-Hi,l-end');
	});

	it('keeps a layer left without its input, for the client to refuse by name', () => {
		const value = { step: [{ overlay: { image: { input: 'logo.png' }, video: { input: '' } } }] };
		expect(() => trFromUi(value)).toThrow("'transformation' has a video overlay without its input");
		expect(() => trFromUi({ step: [{ overlay: { text: { options: { x: '5' } } } }] })).toThrow(
			"'transformation' has a text overlay without its text",
		);
	});

	// Issue 9 point 3: n8n hands the fields over in the order of the description (sorted by label,
	// Grayscale, Height, Width); the URL gets them in the table's order, as ImageKit's SDKs write them.
	it('converts the value as n8n resolves it from a saved node, in the table order', () => {
		const saved = {
			steps: {
				step: [
					{
						parameters: { width: '300', height: '300', grayscale: true },
						overlay: { text: { text: 'Hi', options: { x: '5' } } },
					},
					{ parameters: { rotation: '90' } },
				],
			},
		};
		const resolved = NodeHelpers.getNodeParameters(
			[property],
			saved,
			true,
			false,
			{ typeVersion: 1 },
			null,
		);
		const resolvedStep = (resolved!.steps as { step: IDataObject[] }).step[0];
		expect(Object.keys(resolvedStep.parameters as IDataObject)).toEqual([
			'grayscale',
			'height',
			'width',
		]);
		expect(trFromUi(resolved!.steps as IDataObject)).toBe(
			'w-300,h-300,e-grayscale,l-text,i-Hi,lx-5,l-end:rt-90',
		);
	});

	it('returns no steps for an unset field', () => {
		expect(stepsFromParameters({ step: [{ type: 'transformations', parameters: {} }] })).toEqual(
			[],
		);
		expect(stepsFromParameters({})).toEqual([]);
		expect(stepsFromParameters({ step: [{}] })).toEqual([]);
	});

	it('round-trips every UI field to its table code', () => {
		const sampleByType: Record<string, unknown> = { boolean: true, number: 7, string: 'v' };
		for (const field of stepFields) {
			const firstChoice = (field.options as INodePropertyOptions[] | undefined)?.[0]?.value;
			const value =
				field.type === 'options'
					? firstChoice
					: field.type === 'multiOptions'
						? [firstChoice]
						: field.type === 'string'
							? (VALID_SAMPLE[field.name] ?? 'v')
							: sampleByType[field.type];
			const spec = TRANSFORMATIONS.find((entry) => entry.key === field.name)!;
			const text = trFromUi({ step: [{ parameters: { [field.name]: value } }] });
			if (spec.type === 'raw') expect(text).toBe('v');
			else expect(text).toMatch(new RegExp(`^${spec.code}(-|$)`));
		}
	});
});

describe('version 2 steps', () => {
	const resolve = (step: IDataObject, typeVersion = 2) =>
		(
			NodeHelpers.getNodeParameters(
				transformationStepsProperties,
				{ steps: { step: [step] } } as INodeParameters,
				false,
				false,
				{ typeVersion },
				null,
			)!.steps as { step: IDataObject[] }
		).step[0];

	it('give each node version its own steps field', () => {
		expect(property.displayOptions).toEqual({ show: { '@version': [1] } });
		expect(propertyV2.displayOptions).toEqual({ show: { '@version': [2] } });
		expect(propertyV2.description).toMatch(
			/steps are joined by colons: w-300,h-300:rt-90 is two steps/,
		);
	});

	it('hold only what their Type shows, as n8n resolves a saved node', () => {
		const text = {
			type: 'text',
			text: 'Sale',
			layerOptions: { x: '5' },
			parameters: { width: '1' },
		};
		expect(resolve(text)).toEqual({ type: 'text', text: 'Sale', layerOptions: { x: '5' } });
		const transformations = { type: 'transformations', parameters: { width: '300' }, text: 'x' };
		// The default Type is not stored; a step without one reads as transformations.
		expect(resolve(transformations)).toEqual({ parameters: { width: '300' } });
		// A solid colour has no encoding; an image has no text.
		expect(resolve({ type: 'image', input: '/a.png', text: 'x' })).toEqual({
			type: 'image',
			input: '/a.png',
		});
	});

	it('offer every layer type as a Type of its own, with Transformations the default', () => {
		const values = (propertyV2.options![0] as INodePropertyCollection).values;
		const type = values.find((field) => field.name === 'type')!;
		expect(type.default).toBe('transformations');
		expect((type.options as INodePropertyOptions[]).map((option) => option.name)).toEqual([
			'Image Overlay',
			'Solid Color Overlay',
			'Subtitle Overlay',
			'Text Overlay',
			'Transformations',
			'Video Overlay',
		]);
		const solidColorOptions = values.find(
			(field) =>
				field.name === 'layerOptions' && field.displayOptions?.show?.type?.includes('solidColor'),
		)!;
		expect(
			(solidColorOptions.options as INodeProperties[]).map((field) => field.name),
		).not.toContain('encoding');
	});

	it('build the chain step by step', () => {
		expect(
			trFromUi({
				step: [
					{ type: 'transformations', parameters: { width: '300', height: '300' } },
					{ type: 'image', input: '/logo.png', layerOptions: { encoding: 'plain', y: 'N10' } },
					{ type: 'subtitle', input: 'subs/en.srt' },
					{ type: 'video', input: 'clip.mp4', layerOptions: { start: '2' } },
				],
			}),
		).toBe(
			'w-300,h-300:l-image,i-logo.png,ly-N10,l-end:l-subtitles,i-subs@@en.srt,l-end:l-video,i-clip.mp4,lso-2,l-end',
		);
	});
});
