import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class ImageKitApi implements ICredentialType {
	name = 'imageKitApi';

	displayName = 'ImageKit API';

	icon: Icon = { light: 'file:../icons/imagekit.svg', dark: 'file:../icons/imagekit.dark.svg' };

	documentationUrl = 'https://imagekit.io/docs/api-keys';

	properties: INodeProperties[] = [
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'private_...',
			description:
				'Found in the ImageKit dashboard under Developer options > API keys. It signs URLs and authorises API calls; keep it secret.',
		},
		{
			displayName: 'Public Key',
			name: 'publicKey',
			type: 'string',
			default: '',
			placeholder: 'public_...',
			description:
				'Found in the ImageKit dashboard under Developer options > API keys. Returned with upload auth parameters for client-side uploads.',
		},
		{
			displayName: 'URL Endpoint',
			name: 'urlEndpoint',
			type: 'string',
			default: '',
			placeholder: 'https://ik.imagekit.io/your_imagekit_id',
			description:
				'Found in the ImageKit dashboard under Developer options (URL-endpoint). Image URLs are built on it.',
		},
	];

	// ImageKit takes the private key as the Basic auth user name, with an empty password.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.privateKey}}',
				password: '',
			},
		},
	};

	// The cheapest authenticated call: list at most one file. Like every API call of the node, it
	// follows no redirect (n8n would re-send the key to wherever one points) and waits at most 60 s.
	test: ICredentialTestRequest = {
		request: {
			baseURL: 'https://api.imagekit.io',
			url: '/v1/files',
			qs: { limit: 1 },
			disableFollowRedirect: true,
			timeout: 60_000,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'ImageKit received no private key. Enter the Private Key from Developer options > API keys.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'ImageKit rejected the private key. Copy it again from Developer options > API keys (it starts with "private_").',
				},
			},
		],
	};
}
