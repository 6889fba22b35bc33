// What this build of the package (dist/, which `npm run test:e2e` builds first) can do, asked at
// collection time so that a suite can list a check as skipped, with the reason in its name, while a
// feature another branch adds is absent, and run it as soon as the feature is merged.
import type { INodeTypeDescription } from 'n8n-workflow';

const { ImageKit } = require('../../dist/nodes/ImageKit/ImageKit.node.js') as {
	ImageKit: new () => { description: INodeTypeDescription };
};
const client = require('../../dist/nodes/ImageKit/client') as {
	ImageKit: new (options: { privateKey: string; urlEndpoint: string }) => {
		url(options: { path: string; transformation: Array<Record<string, unknown>> }): string;
	};
};

/** Whether the ImageKit node offers the operation under the resource. */
export function nodeHasOperation(resource: string, operation: string): boolean {
	return new ImageKit().description.properties.some(
		(property) =>
			property.name === 'operation' &&
			property.displayOptions?.show?.resource?.includes(resource) &&
			property.options?.some((option) => 'value' in option && option.value === operation),
	);
}

/** Whether building a URL refuses this transformation step (issue 15: values checked before a URL is made). */
export function urlRefuses(step: Record<string, unknown>): boolean {
	const probe = new client.ImageKit({
		privateKey: 'private_probe',
		urlEndpoint: 'https://ik.imagekit.io/probe',
	});
	try {
		probe.url({ path: '/probe.jpg', transformation: [step] });
		return false;
	} catch {
		return true;
	}
}

/** The description the node gives an AI model for the operation when used as a tool. */
export function toolDescriptionOf(resource: string, operation: string): string | undefined {
	const property = new ImageKit().description.properties.find(
		({ name, displayOptions }) =>
			name === 'toolDescription' &&
			displayOptions?.show?.resource?.includes(resource) &&
			displayOptions?.show?.operation?.includes(operation),
	);
	return property?.default as string | undefined;
}
