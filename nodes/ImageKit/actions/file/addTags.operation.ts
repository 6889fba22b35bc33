import { tagOperation } from './bulkTags';

export const { description, execute } = tagOperation({
	value: 'addTags',
	tagsLabel: 'Tags',
	purpose: 'to tag',
	send: async (client, fileIds, tags) => await client.addTags(fileIds, tags),
});
