import type { INodeProperties } from 'n8n-workflow';

import { ImageKitApi } from '../../credentials/ImageKitApi.credentials';
import { resources } from '../../nodes/ImageKit/actions/router';
import { ImageKit } from '../../nodes/ImageKit/ImageKit.node';

// The operation selectors are generated from each operation's `option`, out of the linter's sight,
// so n8n's conventions for them are checked here.
const operations = Object.entries(resources).flatMap(([resourceName, resource]) =>
	Object.entries(resource.operations).map(([key, operation]) => ({ resourceName, key, operation })),
);

function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		property,
		...allProperties(
			(property.options ?? []).flatMap((option) =>
				'values' in option ? option.values : 'type' in option ? [option as INodeProperties] : [],
			),
		),
	]);
}

describe('ImageKit node description', () => {
	const description = new ImageKit().description;

	it('is a tool-usable programmatic node with light and dark icons', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.icon).toEqual({
			light: 'file:../../icons/imagekit.svg',
			dark: 'file:../../icons/imagekit.dark.svg',
		});
		expect(description.credentials).toEqual([{ name: 'imageKitApi', required: true }]);
	});

	it('offers every resource, sorted by name', () => {
		const resource = description.properties.find((property) => property.name === 'resource')!;
		const names = (resource.options as Array<{ name: string }>).map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(names).toEqual([
			'Account',
			'Cache',
			'Custom Metadata Field',
			'File',
			'File Version',
			'Folder',
			'Image URL',
			'Metadata',
			'Origin',
			'Saved Extension',
			'Upload Auth & pHash',
			'URL Endpoint',
		]);
	});

	it.each(operations)('$resourceName.$key follows n8n naming conventions', ({ key, operation }) => {
		const { option } = operation;
		expect(option.value).toBe(key);
		expect(option.name).toMatch(/^([A-Z][A-Za-z]*|pHash|URL)( ([A-Z][A-Za-z]*|pHash|URL))*$/);
		expect(option.action).toMatch(/^[A-Z][a-z]/);
		expect(option.action).not.toMatch(/\.$/);
		expect(option.description).not.toMatch(/\.$/);
	});

	it.each(operations)(
		'$resourceName.$key shows its fields only for itself',
		({ resourceName, key, operation }) => {
			for (const property of operation.description) {
				expect(property.displayOptions?.show).toMatchObject({
					resource: [resourceName],
					operation: [key],
				});
			}
		},
	);

	it('has an operation selector per resource whose default exists and whose options are sorted', () => {
		const selectors = description.properties.filter((property) => property.name === 'operation');
		expect(selectors).toHaveLength(Object.keys(resources).length);
		for (const selector of selectors) {
			const values = (selector.options as Array<{ name: string; value: string }>).map(
				(option) => option.value,
			);
			const names = (selector.options as Array<{ name: string }>).map((option) => option.name);
			expect(values).toContain(selector.default);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	it('writes booleans as "Whether …" and ends no single-sentence description with a period', () => {
		for (const property of allProperties(description.properties)) {
			if (property.type === 'boolean') expect(property.description).toMatch(/^Whether /);
			const text = property.description ?? '';
			if (!/\. /.test(text)) expect(text).not.toMatch(/\.$/);
		}
	});
});

describe('ImageKit API credential', () => {
	const credential = new ImageKitApi();

	it('has the three fields, the private key masked, each saying where to find it', () => {
		expect(credential.properties.map((property) => property.name)).toEqual([
			'privateKey',
			'publicKey',
			'urlEndpoint',
		]);
		expect(credential.properties[0].typeOptions).toEqual({ password: true });
		for (const property of credential.properties) {
			expect(property.description).toMatch(/ImageKit dashboard/);
		}
	});

	it('authenticates with the private key as the Basic auth user and an empty password', () => {
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { auth: { username: '={{$credentials.privateKey}}', password: '' } },
		});
	});
});
