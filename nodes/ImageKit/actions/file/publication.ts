import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor } from '../../helpers/parameters';
import type { Operation } from '../types';
import { fileIdFrom, fileIdProperty } from '../../helpers/locators';

/** Publish and Unpublish: the same request with `isPublished` set one way or the other. */
export function publicationOperation(isPublished: boolean): Operation {
	const value = isPublished ? 'publish' : 'unpublish';
	return {
		description: updateDisplayOptions({ show: { resource: ['file'], operation: [value] } }, [
			fileIdProperty,
			{
				displayName: 'Include File Versions',
				name: 'includeFileVersions',
				type: 'boolean',
				default: false,
				description: `Whether to ${value} every version of the file too, not only the current one`,
			},
		]),
		async execute(
			this: IExecuteFunctions,
			itemIndex: number,
			client: ImageKit,
		): Promise<INodeExecutionData[]> {
			const fileId = await fileIdFrom(this, client, itemIndex);
			const includeFileVersions = this.getNodeParameter(
				'includeFileVersions',
				itemIndex,
				false,
			) as boolean;
			const details = await client.publishFile(fileId, isPublished, includeFileVersions);
			return itemsFor(this, details as IDataObject, itemIndex);
		},
	};
}
