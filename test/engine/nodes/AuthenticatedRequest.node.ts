import {
	NodeApiError,
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type JsonObject,
} from 'n8n-workflow';

export const AUTHENTICATED_REQUEST_TYPE = 'test.authenticatedRequest';

/**
 * Test-only node: one GET per item through n8n's `httpRequestWithAuthentication` with the
 * `imageKitApi` credential, handling errors per item the way production nodes do.
 */
export class AuthenticatedRequest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Authenticated Request',
		name: 'authenticatedRequest',
		group: ['transform'],
		version: 1,
		description: 'Sends an authenticated GET per item',
		defaults: { name: 'Authenticated Request' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'imageKitApi', required: true }],
		properties: [
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				default: 'https://api.imagekit.io/v1/files',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			try {
				const url = this.getNodeParameter('url', itemIndex) as string;
				const response = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					'imageKitApi',
					{
						url,
						json: true,
					},
				)) as IDataObject;
				items.push({ json: response, pairedItem: { item: itemIndex } });
			} catch (error) {
				const apiError = new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
				if (!this.continueOnFail()) throw apiError;
				items.push({
					json: { error: apiError.message, httpCode: apiError.httpCode },
					pairedItem: { item: itemIndex },
				});
			}
		}
		return [items];
	}
}
