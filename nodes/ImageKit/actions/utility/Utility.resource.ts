import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../types';
import * as comparePhash from './comparePhash.operation';
import * as getUploadAuthParameters from './getUploadAuthParameters.operation';

/** Operation value → the module that describes and runs it. */
export const operations: OperationTable = { comparePhash, getUploadAuthParameters };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['utility'] } },
		options: [
			{
				name: 'Compare pHash',
				value: 'comparePhash',
				description:
					'Count the differing bits of two perceptual hashes: 0 means the same image, under 10 very similar',
				action: 'Compare two p hash values',
			},
			{
				name: 'Get Upload Auth Parameters',
				value: 'getUploadAuthParameters',
				description:
					'Create the token, expire and signature a browser or app needs to upload directly to ImageKit',
				action: 'Get upload auth parameters',
			},
		],
		default: 'getUploadAuthParameters',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
