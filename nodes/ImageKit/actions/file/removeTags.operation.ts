import { tagOperation } from './bulkTags';

export const { option, description, execute } = tagOperation({
	option: {
		name: 'Remove Tags',
		value: 'removeTags',
		description: 'Remove tags from many files',
		action: 'Remove tags from files',
	},
	tagsLabel: 'Tags',
	purpose: 'to remove the tags from',
	send: async (client, fileIds, tags) => await client.removeTags(fileIds, tags),
});
