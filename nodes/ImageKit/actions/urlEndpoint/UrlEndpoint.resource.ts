import type { Resource } from '../types';
import * as create from './create.operation';
import * as deleteUrlEndpoint from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const urlEndpoint: Resource = {
	option: {
		name: 'URL Endpoint',
		value: 'urlEndpoint',
		description: 'Delivery URL prefixes and the origins behind them (beta)',
	},
	operations: { create, delete: deleteUrlEndpoint, get, getAll, update },
	defaultOperation: 'getAll',
};
