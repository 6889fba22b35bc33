import type { INodeProperties } from 'n8n-workflow';

/**
 * What an AI agent's model is told an operation does, which inputs matter and what comes back. It
 * shows only on the node's tool form (`@tool`), where n8n reads a `toolDescription` parameter instead
 * of the operation's short `action` text (n8n-workflow getToolDescriptionForNode).
 */
export function toolDescription(text: string): INodeProperties {
	return {
		displayName: 'Tool Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 3 },
		default: text,
		required: true,
		displayOptions: { show: { '@tool': [true] } },
		description:
			'What the AI model is told this tool does, which inputs matter and what it returns; edit it to steer the model',
	};
}
