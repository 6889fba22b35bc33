import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toNodeError } from '../helpers/errors';
import { requestTimeoutMs, TIMEOUT_FIELD } from '../helpers/requestOptions';
import { createClient } from '../transport';
import { account } from './account/Account.resource';
import { cache } from './cache/Cache.resource';
import { customMetadataField } from './customMetadataField/CustomMetadataField.resource';
import { file } from './file/File.resource';
import { fileVersion } from './fileVersion/FileVersion.resource';
import { folder } from './folder/Folder.resource';
import { imageUrl } from './imageUrl/ImageUrl.resource';
import { metadata } from './metadata/Metadata.resource';
import { origin } from './origin/Origin.resource';
import { savedExtension } from './savedExtension/SavedExtension.resource';
import type { Resource } from './types';
import { urlEndpoint } from './urlEndpoint/UrlEndpoint.resource';
import { utility } from './utility/Utility.resource';

export const resources: Record<string, Resource> = {
	account,
	cache,
	customMetadataField,
	file,
	fileVersion,
	folder,
	imageUrl,
	metadata,
	origin,
	savedExtension,
	urlEndpoint,
	utility,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const client = await createClient(this);
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const handler = resources[resource]?.operations[operation];
			if (!handler) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operation}" of "${resource}" is not supported`,
					{
						itemIndex,
					},
				);
			}
			const itemClient = client.withTimeout(requestTimeoutMs(this, itemIndex));
			output.push(...(await handler.execute.call(this, itemIndex, itemClient)));
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex, TIMEOUT_FIELD);
			if (!this.continueOnFail()) throw nodeError;
			output.push({ json: { error: nodeError.message }, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
