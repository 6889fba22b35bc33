import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredText } from '../../helpers/parameters';

export const versionIdProperty: INodeProperties = {
	displayName: 'Version ID',
	name: 'versionId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '598821f949c0a938d57563be',
	description: 'The ID of the version, shown under versionInfo by Get Many',
};

export function versionIdFrom(context: IExecuteFunctions, itemIndex: number): string {
	return requiredText(
		context,
		'versionId',
		itemIndex,
		'Version ID',
		'the version ID, e.g. 598821f949c0a938d57563be (versionInfo.id in Get Many)',
	);
}
