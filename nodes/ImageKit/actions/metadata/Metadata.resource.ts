import type { Resource } from '../types';
import * as getFromUrl from './getFromUrl.operation';

export const metadata: Resource = {
	option: {
		name: 'Metadata',
		value: 'metadata',
		description: 'Read image and video metadata by URL',
	},
	operations: { getFromUrl },
	defaultOperation: 'getFromUrl',
};
