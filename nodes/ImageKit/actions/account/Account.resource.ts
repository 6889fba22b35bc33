import type { Resource } from '../types';
import * as getUsage from './getUsage.operation';

export const account: Resource = {
	option: { name: 'Account', value: 'account', description: 'Usage of your ImageKit account' },
	operations: { getUsage },
	defaultOperation: 'getUsage',
};
