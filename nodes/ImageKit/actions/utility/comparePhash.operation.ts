import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { ImageKitInputError, phashDistance } from '../../client';
import { itemsFor, requiredText } from '../../helpers/parameters';
import { toolDescription } from '../../helpers/toolDescription';
import { inputError } from '../../helpers/errors';

const properties: INodeProperties[] = [
	{
		displayName: 'First pHash',
		name: 'firstPhash',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'f06830ca9f1e3e90',
		description: 'The pHash of an image, from Get Metadata',
	},
	{
		displayName: 'Second pHash',
		name: 'secondPhash',
		type: 'string',
		default: '',
		required: true,
		placeholder: '2d5ad3936d2e015b',
		description: 'The pHash of the image to compare with',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['utility'], operation: ['comparePhash'] } },
	[
		toolDescription(
			"Compares two perceptual hashes (16 hexadecimal characters, from File → Get Metadata's pHash) and returns distance: the number of differing bits, 0 for the same image, under 10 for very similar ones. No API call is made.",
		),
		...properties,
	],
);

const LABELS: Record<string, string> = { first: 'First pHash', second: 'Second pHash' };

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	_client: ImageKit,
): Promise<INodeExecutionData[]> {
	const example = 'a pHash such as f06830ca9f1e3e90 (the pHash field of Get Metadata)';
	const first = requiredText(this, 'firstPhash', itemIndex, 'First pHash', example);
	const second = requiredText(this, 'secondPhash', itemIndex, 'Second pHash', example);
	let distance: number;
	try {
		distance = phashDistance(first, second);
	} catch (error) {
		// Name the node's field rather than the client's argument.
		const field = error instanceof ImageKitInputError ? LABELS[error.field] : 'pHash';
		throw inputError(
			this.getNode(),
			itemIndex,
			`'${field}' is not usable: ${(error as Error).message}`,
			`enter ${example}`,
		);
	}
	return itemsFor(this, { distance, firstPhash: first, secondPhash: second }, itemIndex);
}
