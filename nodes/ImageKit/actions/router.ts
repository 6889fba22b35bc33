import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toNodeError } from '../helpers/errors';
import { requestTimeoutMs, TIMEOUT_FIELD } from '../helpers/requestOptions';
import { createClient } from '../helpers/client';
import * as account from './account/Account.resource';
import * as cache from './cache/Cache.resource';
import * as customMetadataField from './customMetadataField/CustomMetadataField.resource';
import * as file from './file/File.resource';
import * as fileVersion from './fileVersion/FileVersion.resource';
import * as folder from './folder/Folder.resource';
import * as imageUrl from './imageUrl/ImageUrl.resource';
import * as metadata from './metadata/Metadata.resource';
import * as origin from './origin/Origin.resource';
import * as savedExtension from './savedExtension/SavedExtension.resource';
import * as urlEndpoint from './urlEndpoint/UrlEndpoint.resource';
import * as utility from './utility/Utility.resource';
import type { Resource } from './types';

/** Resource value → its operations' routing table. */
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
	// Resource and operation take no expressions, so every item has the same (as in n8n's own routers).
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.operations[operation];
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported: pick another operation`,
		);
	}
	// withTimeout returns the same client for the same timeout, so a run's items share one client
	// (and its signing key and checked endpoint) unless their timeouts differ.
	let client = await createClient(this);
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			client = client.withTimeout(requestTimeoutMs(this, itemIndex));
			const itemOutput = await handler.execute.call(this, itemIndex, client);
			// One by one: spread arguments overflow the stack past about 120,000 (a Return All).
			for (const item of itemOutput) output.push(item);
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex, TIMEOUT_FIELD);
			if (!this.continueOnFail()) throw nodeError;
			output.push({ json: { error: nodeError.message }, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
