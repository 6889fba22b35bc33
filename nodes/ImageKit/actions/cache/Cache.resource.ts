import type { Resource } from '../types';
import * as getPurgeStatus from './getPurgeStatus.operation';
import * as purge from './purge.operation';

export const cache: Resource = {
	option: { name: 'Cache', value: 'cache', description: 'Purge URLs from the CDN cache' },
	operations: { getPurgeStatus, purge },
	defaultOperation: 'purge',
};
