import { tagOperation } from './bulkTags';

export const { option, description, execute } = tagOperation({
	option: {
		name: 'Remove AI Tags',
		value: 'removeAITags',
		description: 'Remove AI tags (by name) from many files',
		action: 'Remove AI tags from files',
	},
	tagsLabel: 'AI Tags',
	purpose: 'to remove the AI tags from',
	send: async (client, fileIds, tags) => await client.removeAITags(fileIds, tags),
});
