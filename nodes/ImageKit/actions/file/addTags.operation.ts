import { tagOperation } from './bulkTags';

export const { option, description, execute } = tagOperation({
	option: {
		name: 'Add Tags',
		value: 'addTags',
		description: 'Add tags to many files',
		action: 'Add tags to files',
	},
	tagsLabel: 'Tags',
	purpose: 'to tag',
	send: async (client, fileIds, tags) => await client.addTags(fileIds, tags),
});
