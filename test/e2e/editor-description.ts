// What the editor test expects to see, read from the built package: the same descriptions n8n
// serves to the editor, so a new resource or operation is walked without touching the test.
import type {
	ICredentialType,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
} from 'n8n-workflow';

const { ImageKit } = require('../../dist/nodes/ImageKit/ImageKit.node.js');
const { ImageKitApi } = require('../../dist/credentials/ImageKitApi.credentials.js');

export interface OperationStop {
	resource: string;
	resourceName: string;
	operation: string;
	operationName: string;
	/** The node creator's action label, e.g. "Upload a file". */
	action: string;
	/** Display names of every field this operation declares, nested ones included. */
	fieldNames: Set<string>;
}

type PropertyOption = INodePropertyOptions | INodeProperties | INodePropertyCollection;

/** The display names of a property and of everything nested in it (collection and fixed-collection entries). */
function displayNamesIn(property: PropertyOption, into: Set<string>): void {
	if ('displayName' in property) into.add(property.displayName);
	if ('values' in property) property.values.forEach((value) => displayNamesIn(value, into));
	if (
		'type' in property &&
		(property.type === 'collection' || property.type === 'fixedCollection')
	) {
		(property.options ?? []).forEach((option) => displayNamesIn(option, into));
	}
}

function declaredFor(property: INodeProperties, resource: string, operation: string): boolean {
	const { show, hide } = property.displayOptions ?? {};
	if (hide?.resource?.includes(resource) || hide?.operation?.includes(operation)) return false;
	// A node-level field (e.g. Request Options) shows for every operation it does not hide.
	if (!show) return property.name !== 'resource';
	if (!show.resource?.includes(resource)) return false;
	return !show.operation || show.operation.includes(operation);
}

/** Every resource and operation in the order the editor lists them. */
export function operationStops(): OperationStop[] {
	const properties: INodeProperties[] = new ImageKit().description.properties;
	const resources = properties.find((p) => p.name === 'resource')!
		.options as INodePropertyOptions[];
	return resources.flatMap((resource) => {
		const operationProperty = properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value),
		)!;
		return (operationProperty.options as INodePropertyOptions[]).map((operation) => {
			const fieldNames = new Set<string>();
			properties
				.filter(
					(p) =>
						p.name !== 'operation' &&
						declaredFor(p, String(resource.value), String(operation.value)),
				)
				.forEach((p) => displayNamesIn(p, fieldNames));
			return {
				resource: String(resource.value),
				resourceName: resource.name,
				operation: String(operation.value),
				operationName: operation.name,
				action: operation.action!,
				fieldNames,
			};
		});
	});
}

/** The ImageKit node's one-line description, which the node picker should show for it. */
export function nodeDescription(): string {
	return new ImageKit().description.description;
}

/** The fields of the ImageKit API credential, as its dialog should show them. */
export function credentialFields(): Array<{
	name: string;
	displayName: string;
	description: string;
}> {
	const credential: ICredentialType = new ImageKitApi();
	return credential.properties.map(({ name, displayName, description }) => ({
		name,
		displayName,
		description: description ?? '',
	}));
}
