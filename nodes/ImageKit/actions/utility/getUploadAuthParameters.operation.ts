import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit } from '../../client';
import { MAX_UPLOAD_AUTH_EXPIRY_SECONDS } from '../../client';
import { itemsFor } from '../../helpers/parameters';
import { toolDescription } from '../../helpers/toolDescription';
import { inputError } from '../../helpers/errors';

const properties: INodeProperties[] = [
	{
		displayName: 'Token',
		name: 'nonce',
		type: 'string',
		default: '',
		description: 'A unique, single-use value; leave empty to generate a random UUID',
	},
	{
		displayName: 'Expires In (Seconds)',
		name: 'expiresIn',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_UPLOAD_AUTH_EXPIRY_SECONDS - 1 },
		default: 1800,
		description: 'How long the parameters stay valid; ImageKit accepts less than one hour',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['utility'], operation: ['getUploadAuthParameters'] } },
	[
		toolDescription(
			'Creates the token, expire and signature (plus the public key) a browser or mobile app needs to upload one file directly to ImageKit. Optional inputs: Token and Expires In (under 3600 seconds). No API call is made.',
		),
		...properties,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const token = (this.getNodeParameter('nonce', itemIndex, '') as string).trim();
	const expiresIn = this.getNodeParameter('expiresIn', itemIndex, 1800) as number;
	if (
		!Number.isInteger(expiresIn) ||
		expiresIn <= 0 ||
		expiresIn >= MAX_UPLOAD_AUTH_EXPIRY_SECONDS
	) {
		throw inputError(
			this.getNode(),
			itemIndex,
			`'Expires In (Seconds)' must be between 1 and ${MAX_UPLOAD_AUTH_EXPIRY_SECONDS - 1}`,
			`enter e.g. 1800 (30 minutes), as ImageKit rejects upload signatures that expire an hour or more ahead (got ${expiresIn})`,
		);
	}
	const parameters = client.getAuthenticationParameters(
		token || undefined,
		Math.floor(Date.now() / 1000) + expiresIn,
	);
	return itemsFor(this, { ...parameters, publicKey: client.publicKey ?? null }, itemIndex);
}
