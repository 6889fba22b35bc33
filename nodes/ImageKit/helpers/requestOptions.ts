// The node's Request Options, where n8n users look for request settings (n8n adds a collection of
// this name to its declarative nodes), and their reading by the router: once per run, or per item
// when a value is an expression.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS, UPLOAD_TIMEOUT_MS_PER_MIB } from '../client';
import { inputError } from './errors';

import { sameForEveryItem } from './parameters';

const DEFAULT_TIMEOUT_SECONDS = DEFAULT_TIMEOUT_MS / 1000;
const UPLOAD_SECONDS_PER_MIB = UPLOAD_TIMEOUT_MS_PER_MIB / 1000;

/** Resources whose operations call no API: they only build URLs or compute locally. */
const WITHOUT_API_CALLS = ['imageUrl', 'utility'];

export const TIMEOUT_LABEL = 'Timeout (Seconds)';
/** Where the timeout is set, for error hints. */
export const TIMEOUT_FIELD = `Request Options → ${TIMEOUT_LABEL}`;

export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { hide: { resource: WITHOUT_API_CALLS } },
	options: [
		{
			displayName: TIMEOUT_LABEL,
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: DEFAULT_TIMEOUT_SECONDS,
			description: `How long to wait for ImageKit to answer each request; an upload waits ${UPLOAD_SECONDS_PER_MIB} s more per MiB of file. A request that is safe to repeat is retried after a timeout. Not the folder jobs' Timeout, which is how long to wait for a job to finish.`,
		},
	],
};

/** The Request Options' timeout of the item, in milliseconds. */
export function requestTimeoutMs(context: IExecuteFunctions, itemIndex: number): number {
	return sameForEveryItem(context, 'requestTimeoutMs', ['requestOptions'], () =>
		readTimeoutMs(context, itemIndex),
	);
}

function readTimeoutMs(context: IExecuteFunctions, itemIndex: number): number {
	const options = context.getNodeParameter('requestOptions', itemIndex, {}) as IDataObject;
	const seconds = options.timeout ?? DEFAULT_TIMEOUT_SECONDS;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) {
		throw inputError(
			context.getNode(),
			itemIndex,
			`'${TIMEOUT_LABEL}' must be a number of seconds above 0`,
			`enter e.g. ${DEFAULT_TIMEOUT_SECONDS}`,
			`Got ${JSON.stringify(seconds)} under Request Options.`,
		);
	}
	return seconds * 1000;
}
