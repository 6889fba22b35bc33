import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { deterministicStream, expectedSha256 } from '../deterministic-bytes';

export const BINARY_SOURCE_TYPE = 'test.binarySource';

// Every item gets its own bytes, so a test notices when one item's file is sent for another.
function itemSeed(seed: string, itemIndex: number): string {
	return `${seed}/${itemIndex}`;
}

/** The sha256 of the file BinarySource emits as item `itemIndex` for these parameters. */
export function binarySourceSha256(seed: string, sizeBytes: number, itemIndex = 0): string {
	return expectedSha256(itemSeed(seed, itemIndex), sizeBytes);
}

/**
 * Test-only source node: emits `itemCount` items whose binary property is streamed through
 * n8n's real `prepareBinaryData`, so in filesystem mode large files go to n8n's binary store
 * without ever being held in memory.
 */
export class BinarySource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Binary Source',
		name: 'binarySource',
		group: ['input'],
		version: 1,
		description: 'Emits items with deterministic binary data of any size',
		defaults: { name: 'Binary Source' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Item Count', name: 'itemCount', type: 'number', default: 1 },
			{ displayName: 'Size (Bytes)', name: 'sizeBytes', type: 'number', default: 1024 },
			{ displayName: 'Seed', name: 'seed', type: 'string', default: 'seed' },
			{ displayName: 'File Name', name: 'fileName', type: 'string', default: 'file.bin' },
			{
				displayName: 'MIME Type',
				name: 'mimeType',
				type: 'string',
				default: 'application/octet-stream',
			},
			{
				displayName: 'Binary Property',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const itemCount = this.getNodeParameter('itemCount', 0) as number;
		const sizeBytes = this.getNodeParameter('sizeBytes', 0) as number;
		const seed = this.getNodeParameter('seed', 0) as string;
		const fileName = this.getNodeParameter('fileName', 0) as string;
		const mimeType = this.getNodeParameter('mimeType', 0) as string;
		const binaryPropertyName = this.getNodeParameter('binaryPropertyName', 0) as string;

		const items: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
			const stream = deterministicStream(itemSeed(seed, itemIndex), sizeBytes);
			const binary = await this.helpers.prepareBinaryData(stream, fileName, mimeType);
			items.push({
				json: { seed, itemIndex, sizeBytes },
				binary: { [binaryPropertyName]: binary },
				pairedItem: { item: 0 },
			});
		}
		return [items];
	}
}
