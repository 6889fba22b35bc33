import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

// ImageKit has no API that could check a webhook secret, so the ImageKit Trigger node tests this
// credential itself (testedBy) by checking the secret's shape.
export class ImageKitWebhookApi implements ICredentialType {
	name = 'imageKitWebhookApi';

	displayName = 'ImageKit Webhook API';

	icon: Icon = { light: 'file:../icons/imagekit.svg', dark: 'file:../icons/imagekit.dark.svg' };

	documentationUrl = 'https://imagekit.io/docs/webhooks';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'whsec_...',
			description:
				'Shown in the ImageKit dashboard under Developer options > Webhooks, on the endpoint you created for this workflow. Paste it exactly as shown, "whsec_" included.',
		},
	];
}
