import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { fileIdProperty, FILE_ID_EXAMPLE } from './common';

export const option = {
	name: 'Get',
	value: 'get',
	description: 'Get the details of a file',
	action: 'Get a file',
};

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['get'] } }, [
	fileIdProperty,
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const fileId = requiredText(this, 'fileId', itemIndex, 'File ID', FILE_ID_EXAMPLE);
	return itemsFor(this, (await client.getFileDetails(fileId)) as IDataObject, itemIndex);
}
