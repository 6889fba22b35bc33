import { createHash } from 'node:crypto';
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

export const BINARY_DIGEST_TYPE = 'test.binaryDigest';

/**
 * Test-only sink: reads each item's binary the way upload nodes do (a stream from n8n's binary
 * store when the data has an id, the inline buffer otherwise) and outputs its sha256 and size.
 */
export class BinaryDigest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Binary Digest',
		name: 'binaryDigest',
		group: ['transform'],
		version: 1,
		description: 'Hashes the binary property of each item',
		defaults: { name: 'Binary Digest' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Binary Property',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
			const binary = this.helpers.assertBinaryData(itemIndex, binaryPropertyName);
			const hash = createHash('sha256');
			let sizeBytes = 0;
			if (binary.id) {
				for await (const chunk of await this.helpers.getBinaryStream(binary.id)) {
					hash.update(chunk as Buffer);
					sizeBytes += (chunk as Buffer).length;
				}
			} else {
				const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName);
				hash.update(buffer);
				sizeBytes = buffer.length;
			}
			items.push({
				json: { sha256: hash.digest('hex'), sizeBytes, streamed: Boolean(binary.id) },
				pairedItem: { item: itemIndex },
			});
		}
		return [items];
	}
}
