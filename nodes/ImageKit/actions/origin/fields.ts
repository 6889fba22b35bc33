import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OriginRequest, OriginType } from '../../client';
import { requiredText } from '../../helpers/parameters';

export const ORIGIN_ID_EXAMPLE = 'an origin ID from Origin → Get Many';

/** Get, Update and Delete pick the origin by name. */
export const originIdProperty: INodeProperties = {
	displayName: 'Origin Name or ID',
	name: 'originId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getOrigins' },
	default: '',
	required: true,
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

interface OriginField {
	property: Omit<INodeProperties, 'displayOptions' | 'required'>;
	/** Must be filled in (API.md §3.20); empty optional text is left out, so ImageKit's default applies. */
	required: boolean;
}

const secret = (name: string, displayName: string, description: string): OriginField => ({
	property: {
		displayName,
		name,
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description,
	},
	required: true,
});

const text = (
	name: string,
	displayName: string,
	extra: Partial<INodeProperties> = {},
	required = true,
): OriginField => ({
	property: { displayName, name, type: 'string', default: '', ...extra },
	required,
});

const flag = (name: string, displayName: string, description: string): OriginField => ({
	property: { displayName, name, type: 'boolean', default: false, description },
	required: false,
});

const FIELDS = {
	bucket: text('bucket', 'Bucket', { placeholder: 'product-images' }),
	container: text('container', 'Container', { placeholder: 'product-images' }),
	accountName: text('accountName', 'Account Name', { description: 'Azure storage account name' }),
	prefix: text(
		'prefix',
		'Prefix',
		{ placeholder: 'raw-assets', description: 'Path inside the bucket or container' },
		false,
	),
	useIAMRole: flag(
		'useIAMRole',
		'Use IAM Role',
		'Whether ImageKit authenticates with an IAM role instead of an access key and secret key',
	),
	accessKey: secret('accessKey', 'Access Key', 'Access key ID for the bucket'),
	secretKey: secret('secretKey', 'Secret Key', 'Secret access key for the bucket'),
	endpoint: text('endpoint', 'Endpoint', {
		placeholder: 'https://s3.eu-central-1.wasabisys.com',
		description: 'URL of the S3-compatible service',
	}),
	s3ForcePathStyle: flag(
		's3ForcePathStyle',
		'Force Path Style',
		'Whether to use path-style URLs (endpoint/bucket/key) instead of bucket subdomains',
	),
	baseUrl: text('baseUrl', 'Base URL', { placeholder: 'https://images.example.com' }),
	forwardHostHeaderToOrigin: flag(
		'forwardHostHeaderToOrigin',
		'Forward Host Header',
		'Whether to forward the Host header of the request to the origin',
	),
	clientEmail: text('clientEmail', 'Client Email', {
		placeholder: 'service-account@project.iam.gserviceaccount.com',
		description: 'Email of the Google service account',
	}),
	privateKey: secret(
		'privateKey',
		'Private Key',
		'Private key of the Google service account (PEM)',
	),
	sasToken: secret('sasToken', 'SAS Token', 'Shared access signature token for the container'),
	clientId: text('clientId', 'Client ID'),
	clientSecret: secret('clientSecret', 'Client Secret', 'Akeneo API client secret'),
	username: text('username', 'Username', { description: 'Akeneo API user' }),
	password: secret('password', 'Password', 'Password of the Akeneo API user'),
} satisfies Record<string, OriginField>;

type FieldName = keyof typeof FIELDS;

const S3_FIELDS: FieldName[] = ['bucket', 'prefix', 'useIAMRole', 'accessKey', 'secretKey'];

/** The fields of each origin type, in the order shown (API.md §3.20). */
const TYPE_FIELDS: Record<OriginType, FieldName[]> = {
	S3: S3_FIELDS,
	S3_COMPATIBLE: ['endpoint', 'bucket', 'prefix', 'accessKey', 'secretKey', 's3ForcePathStyle'],
	CLOUDINARY_BACKUP: S3_FIELDS,
	WEB_FOLDER: ['baseUrl', 'forwardHostHeaderToOrigin'],
	WEB_PROXY: [],
	GCS: ['bucket', 'prefix', 'clientEmail', 'privateKey'],
	AZURE_BLOB: ['accountName', 'container', 'prefix', 'sasToken'],
	AKENEO_PIM: ['baseUrl', 'clientId', 'clientSecret', 'username', 'password'],
};

/** With an IAM role, ImageKit takes empty keys (API.md §3.20). */
const IAM_ROLE_KEYS: FieldName[] = ['accessKey', 'secretKey'];

const typeProperty: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [
		{ name: 'Akeneo PIM', value: 'AKENEO_PIM' },
		{ name: 'Amazon S3', value: 'S3' },
		{ name: 'Azure Blob Storage', value: 'AZURE_BLOB' },
		{ name: 'Cloudinary Backup', value: 'CLOUDINARY_BACKUP' },
		{ name: 'Google Cloud Storage', value: 'GCS' },
		{ name: 'S3-Compatible Storage', value: 'S3_COMPATIBLE' },
		{ name: 'Web Folder', value: 'WEB_FOLDER' },
		{ name: 'Web Proxy', value: 'WEB_PROXY' },
	],
	default: 'S3',
	required: true,
	description: 'Where ImageKit fetches files that are not in the media library',
};

function typesUsing(field: FieldName): OriginType[] {
	return (Object.keys(TYPE_FIELDS) as OriginType[]).filter((type) =>
		TYPE_FIELDS[type].includes(field),
	);
}

const typeFieldProperties: INodeProperties[] = (Object.keys(FIELDS) as FieldName[]).map(
	(field) => ({
		...FIELDS[field].property,
		required: FIELDS[field].required,
		displayOptions: {
			show: { type: typesUsing(field) },
			...(IAM_ROLE_KEYS.includes(field) ? { hide: { useIAMRole: [true] } } : {}),
		},
	}),
);

/** Type first, then only that type's fields, then the fields every origin has. */
export const originProperties: INodeProperties[] = [
	typeProperty,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'US S3 Storage',
		description: 'Display name: letters, digits and spaces, up to 100 characters',
	},
	...typeFieldProperties,
	{
		displayName: 'Include Canonical Header',
		name: 'includeCanonicalHeader',
		type: 'boolean',
		default: false,
		description: 'Whether responses carry a Link rel="canonical" header',
	},
	{
		displayName: 'Base URL for Canonical Header',
		name: 'baseUrlForCanonicalHeader',
		type: 'string',
		default: '',
		placeholder: 'https://cdn.example.com',
		displayOptions: { show: { includeCanonicalHeader: [true] } },
		description: 'URL the canonical header points to; empty uses the delivery URL',
	},
];

/** The whole origin as the form describes it; an update replaces the stored one with it. */
export function originFromParameters(context: IExecuteFunctions, itemIndex: number): OriginRequest {
	const type = context.getNodeParameter('type', itemIndex) as OriginType;
	const origin: OriginRequest = {
		type,
		name: requiredText(
			context,
			'name',
			itemIndex,
			'Name',
			'a name of letters, digits and spaces, e.g. US S3 Storage',
		),
		includeCanonicalHeader: context.getNodeParameter(
			'includeCanonicalHeader',
			itemIndex,
			false,
		) as boolean,
	};
	if (origin.includeCanonicalHeader) {
		const base = String(
			context.getNodeParameter('baseUrlForCanonicalHeader', itemIndex, ''),
		).trim();
		if (base) origin.baseUrlForCanonicalHeader = base;
	}
	const useIAMRole =
		TYPE_FIELDS[type].includes('useIAMRole') &&
		context.getNodeParameter('useIAMRole', itemIndex, false);
	for (const field of TYPE_FIELDS[type]) {
		const { property } = FIELDS[field];
		if (property.type === 'boolean') {
			origin[field] = context.getNodeParameter(field, itemIndex, false) as boolean;
		} else if (useIAMRole && IAM_ROLE_KEYS.includes(field)) {
			origin[field] = '';
		} else if (FIELDS[field].required) {
			origin[field] = requiredText(
				context,
				field,
				itemIndex,
				property.displayName,
				`the ${property.displayName.toLowerCase()}`,
			);
		} else {
			const value = String(context.getNodeParameter(field, itemIndex, '')).trim();
			if (value) origin[field] = value;
		}
	}
	return origin;
}
