import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from './types';

/** The operation selector of one resource followed by the fields of all its operations. */
export function resourceProperties(resource: Resource): INodeProperties[] {
	const { defaultOperation } = resource;
	const operations = Object.values(resource.operations);
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.option.value] } },
		options: operations
			.map((operation) => operation.option)
			.sort((first, second) => first.name.localeCompare(second.name)),
		default: defaultOperation,
	};
	return [selector, ...operations.flatMap((operation) => operation.description)];
}
