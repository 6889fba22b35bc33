import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { createClient } from '../helpers/client';
import { sortedByName } from '../helpers/sorting';

export async function getOrigins(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const origins = await (await createClient(this)).listOrigins();
	return sortedByName(
		origins.map((origin) => ({ name: origin.name, value: origin.id, description: origin.type })),
	);
}

export async function getUrlEndpoints(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const endpoints = await (await createClient(this)).listUrlEndpoints();
	return sortedByName(
		endpoints.map((endpoint) => ({
			name: endpoint.urlPrefix
				? `${endpoint.urlPrefix} (${endpoint.description})`
				: `Default (${endpoint.description})`,
			value: endpoint.id,
		})),
	);
}

export async function getSavedExtensions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const extensions = await (await createClient(this)).listSavedExtensions();
	return sortedByName(
		extensions.map((extension) => ({
			name: extension.name,
			value: extension.id,
			description: extension.description,
		})),
	);
}

/** The account's custom metadata fields, by label, for setting their values on upload and update. */
export async function getCustomMetadataFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = await (await createClient(this)).listCustomMetadataFields();
	return sortedByName(
		fields.map((field) => ({
			name: field.label === field.name ? field.name : `${field.label} (${field.name})`,
			value: field.name,
			description: `${field.schema.type} field`,
		})),
	);
}
