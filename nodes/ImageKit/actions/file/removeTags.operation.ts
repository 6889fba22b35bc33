import { tagOperation } from './bulkTags';

export const { description, execute } = tagOperation({
	value: 'removeTags',
	tagsLabel: 'Tags',
	purpose: 'to remove the tags from',
	send: async (client, fileIds, tags) => await client.removeTags(fileIds, tags),
});
