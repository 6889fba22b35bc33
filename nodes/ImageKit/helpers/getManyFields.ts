import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** The Return All and Limit fields of every Get Many operation. */
export const returnAllOrLimitProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

/** The whole list, or its first Limit entries, for endpoints that answer their whole list in one response. */
export function limitedResults<T>(
	context: IExecuteFunctions,
	itemIndex: number,
	results: T[],
): IDataObject[] {
	const returnAll = context.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll
		? results.length
		: (context.getNodeParameter('limit', itemIndex) as number);
	return results.slice(0, limit) as IDataObject[];
}
