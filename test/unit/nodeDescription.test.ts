import type { INode, INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { ImageKitApi } from '../../credentials/ImageKitApi.credentials';
import { resources } from '../../nodes/ImageKit/actions/router';
import { ImageKit } from '../../nodes/ImageKit/ImageKit.node';
import { ImageKitFileTrigger } from '../../nodes/ImageKitFileTrigger/ImageKitFileTrigger.node';

// n8n's lint rules check the dropdowns and fields written out in the sources. What they cannot see
// is checked here: how the parts are assembled, and the fields generated from tables at load.
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

describe('Folder fields across the nodes', () => {
	const nodeTypes = [new ImageKit(), new ImageKitFileTrigger()];

	it.each(nodeTypes.map((nodeType) => [nodeType.description.displayName, nodeType] as const))(
		'%s asks for every folder with a picker whose list method it has',
		(_name, nodeType) => {
			const properties = allProperties(nodeType.description.properties);
			// A folder's name (Create, Rename) is text; every field that names a folder is a picker.
			const folderFields = properties.filter(
				(property) =>
					/folder/i.test(property.displayName) &&
					!/name/i.test(property.displayName) &&
					property.type !== 'boolean',
			);
			expect(folderFields.length).toBeGreaterThan(0);
			for (const field of folderFields) {
				expect([field.name, field.type]).toEqual([field.name, 'resourceLocator']);
				const listMode = field.modes?.find((mode) => mode.name === 'list');
				const method = listMode?.typeOptions?.searchListMethod;
				expect([field.name, method]).toEqual([field.name, 'searchFolders']);
				expect(nodeType.methods?.listSearch?.searchFolders).toBeInstanceOf(Function);
			}
		},
	);
});

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

	it('routes every operation of every resource dropdown, and nothing else', () => {
		const selectors = description.properties.filter((property) => property.name === 'operation');
		const offered = selectors.flatMap((selector) =>
			(selector.options as Array<{ value: string }>).map(
				(option) => `${selector.displayOptions?.show?.resource?.[0]}.${option.value}`,
			),
		);
		expect(offered.sort()).toEqual(
			operations.map(({ resourceName, key }) => `${resourceName}.${key}`).sort(),
		);
		const resource = description.properties.find((property) => property.name === 'resource')!;
		expect(
			(resource.options as Array<{ value: string }>).map((option) => option.value).sort(),
		).toEqual(Object.keys(resources).sort());
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

	it('writes generated booleans as "Whether …" and ends no single-sentence description with a period', () => {
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

describe('ImageKit tool descriptions', () => {
	const { properties } = new ImageKit().description;
	const toolDescriptions = properties.filter((property) => property.name === 'toolDescription');

	it.each(operations)(
		'$resourceName → $key tells an AI model what it does, in the tool form only',
		({ resourceName, key }) => {
			const [property, ...others] = toolDescriptions.filter(
				({ displayOptions }) =>
					displayOptions?.show?.resource?.includes(resourceName) &&
					displayOptions?.show?.operation?.includes(key),
			);
			expect(others).toEqual([]);
			expect(property.displayOptions?.show?.['@tool']).toEqual([true]);
			// What it does, which inputs matter, what comes back: more than n8n's "<action> in ImageKit".
			expect(String(property.default).length).toBeGreaterThan(80);
		},
	);

	it('are hidden on the regular node and shown on its tool form', () => {
		const [property] = toolDescriptions;
		const show = (nodeTypeName: string) =>
			NodeHelpers.displayParameter(
				{
					resource: property.displayOptions!.show!.resource![0],
					operation: property.displayOptions!.show!.operation![0],
				} as INodeParameters,
				property,
				{ typeVersion: 1 } as INode,
				{ name: nodeTypeName } as INodeTypeDescription,
			);
		expect(show('n8n-nodes-imagekit.imageKit')).toBe(false);
		expect(show('n8n-nodes-imagekit.imageKitTool')).toBe(true);
	});
});
