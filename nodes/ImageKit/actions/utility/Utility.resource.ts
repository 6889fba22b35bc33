import type { Resource } from '../types';
import * as comparePhash from './comparePhash.operation';
import * as getUploadAuthParameters from './getUploadAuthParameters.operation';

export const utility: Resource = {
	option: {
		name: 'Upload Auth & pHash',
		value: 'utility',
		description: 'Signatures for client-side uploads, and perceptual-hash comparison',
	},
	operations: { comparePhash, getUploadAuthParameters },
	defaultOperation: 'getUploadAuthParameters',
};
