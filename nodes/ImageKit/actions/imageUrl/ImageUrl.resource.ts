import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../types';
import * as generate from './generate.operation';
import * as getResponsiveAttributes from './getResponsiveAttributes.operation';

/** Operation value → the module that describes and runs it. */
export const operations: OperationTable = { generate, getResponsiveAttributes };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['imageUrl'] } },
		options: [
			{
				name: 'Generate',
				value: 'generate',
				description: 'Build an image or video URL with transformations, optionally signed',
				action: 'Generate an image URL',
			},
			{
				name: 'Get Responsive Attributes',
				value: 'getResponsiveAttributes',
				description: 'Build src, srcset, sizes and width for a responsive HTML img tag',
				action: 'Get responsive image attributes',
			},
		],
		default: 'generate',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
