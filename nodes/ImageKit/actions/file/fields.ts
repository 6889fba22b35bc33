import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toList } from '../../helpers/parameters';

/** The tags to add or remove, e.g. "Tags" or "AI Tags". */
export function tagsProperty(label: string): INodeProperties {
	return {
		displayName: label,
		name: 'tags',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'summer, sale',
		description: `${label}, separated by commas, or an expression returning a list`,
	};
}

/** The tags field as a list; an empty list fails naming the field. */
export function tagsFrom(context: IExecuteFunctions, itemIndex: number, label: string): string[] {
	const tags = toList(context.getNodeParameter('tags', itemIndex));
	if (tags.length === 0) {
		throw new NodeOperationError(context.getNode(), `'${label}' is empty`, {
			itemIndex,
			description: 'Enter at least one tag, e.g. summer, sale',
		});
	}
	return tags;
}

/** Whether an operation on a file reaches its older versions too; `verb` as in "publish". */
export function includeFileVersionsProperty(verb: string): INodeProperties {
	return {
		displayName: 'Include File Versions',
		name: 'includeFileVersions',
		type: 'boolean',
		default: false,
		description: `Whether to ${verb} every version of the file too, not only the current one`,
	};
}
