import type { Resource } from '../types';
import * as generate from './generate.operation';
import * as getResponsiveAttributes from './getResponsiveAttributes.operation';

export const imageUrl: Resource = {
	option: {
		name: 'Image URL',
		value: 'imageUrl',
		description: 'Build delivery URLs with transformations and signatures',
	},
	operations: { generate, getResponsiveAttributes },
	defaultOperation: 'generate',
};
