import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CustomMetadataPurpose } from '../../helpers/customMetadata';
import { customMetadataValuesProperty } from '../../helpers/customMetadata';
import { extensionsFormProperty, extensionsJsonProperty } from '../../helpers/extensionFields';
import { toList } from '../../helpers/parameters';
import { inputError } from '../../helpers/errors';

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
		throw inputError(
			context.getNode(),
			itemIndex,
			`'${label}' is empty`,
			'enter at least one tag, e.g. summer, sale',
		);
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

/**
 * The details Upload sets and Update changes: custom coordinates, custom metadata (picked or JSON),
 * description, extensions, tags and webhook URL. On Update an empty value removes what is there.
 */
export function fileDetailFields(purpose: CustomMetadataPurpose): INodeProperties[] {
	const onUpdate = purpose === 'update';
	return [
		{
			displayName: 'Custom Coordinates',
			name: 'customCoordinates',
			type: 'string',
			default: '',
			placeholder: '10,10,100,100',
			description: `Area of interest as x,y,width,height, used by the custom focus transformation${
				onUpdate ? '; leave empty to remove it' : ''
			}`,
		},
		customMetadataValuesProperty(purpose),
		{
			displayName: 'Custom Metadata (JSON)',
			name: 'customMetadata',
			type: 'json',
			default: '{}',
			description: `Values for custom metadata fields defined in your account, e.g. {"brand": "Acme"}${
				onUpdate ? '; a key set to null removes that value' : ''
			}. Merged with Custom Metadata, and wins for a field set in both.`,
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'Free-text description of the file',
		},
		extensionsFormProperty,
		extensionsJsonProperty,
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'summer, shoes',
			description: onUpdate
				? 'Comma-separated tags replacing the current ones; leave empty to remove all tags'
				: 'Comma-separated tags',
		},
		{
			displayName: 'Webhook URL',
			name: 'webhookUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/imagekit-extensions',
			description: 'URL that receives the final status of extensions',
		},
	];
}
