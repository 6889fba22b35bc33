import { tagOperation } from './bulkTags';

export const { description, execute } = tagOperation({
	value: 'removeAITags',
	tagsLabel: 'AI Tags',
	purpose: 'to remove the AI tags from',
	send: async (client, fileIds, tags) => await client.removeAITags(fileIds, tags),
});
