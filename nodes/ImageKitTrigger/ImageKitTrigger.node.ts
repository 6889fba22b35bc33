import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { IMAGEKIT_NODE_DESCRIPTION } from '../ImageKit/pickerDescription';
import { rememberEvent } from './replay';
import { checkSignature } from './signature';

const WEBHOOK_CREDENTIAL_TYPE = 'imageKitWebhookApi';
const DEFAULT_REPLAY_WINDOW_SECONDS = 300;

/** The event types of the `webhooks:` block of ImageKit's OpenAPI spec (API.md §8.1). */
export const EVENT_OPTIONS = [
	{
		name: 'File Created',
		value: 'file.created',
		description: 'A file was added to the media library',
	},
	{ name: 'File Deleted', value: 'file.deleted', description: 'A file was deleted' },
	{ name: 'File Updated', value: 'file.updated', description: 'A file’s details were changed' },
	{
		name: 'File Version Created',
		value: 'file-version.created',
		description: 'A new version of a file was stored',
	},
	{
		name: 'File Version Deleted',
		value: 'file-version.deleted',
		description: 'A version of a file was deleted',
	},
	{
		name: 'Upload Post-Transform Error',
		value: 'upload.post-transform.error',
		description: 'A post-upload transformation failed',
	},
	{
		name: 'Upload Post-Transform Success',
		value: 'upload.post-transform.success',
		description: 'A post-upload transformation finished',
	},
	{
		name: 'Upload Pre-Transform Error',
		value: 'upload.pre-transform.error',
		description: 'A pre-upload transformation failed, so the file was not stored',
	},
	{
		name: 'Upload Pre-Transform Success',
		value: 'upload.pre-transform.success',
		description: 'A file was transformed before being stored',
	},
	{
		name: 'Video Transformation Accepted',
		value: 'video.transformation.accepted',
		description: 'A video transformation was queued',
	},
	{
		name: 'Video Transformation Error',
		value: 'video.transformation.error',
		description: 'A video transformation failed',
	},
	{
		name: 'Video Transformation Ready',
		value: 'video.transformation.ready',
		description: 'A transformed video is ready to be delivered',
	},
];

const ALL_EVENT_TYPES = EVENT_OPTIONS.map((option) => option.value);

interface TriggerOptions {
	replayWindowSeconds?: number;
}

/** Answers 401 with a short reason and starts nothing. */
function reject(context: IWebhookFunctions, reason: string): IWebhookResponseData {
	context.getResponseObject().status(401).send(reason);
	return { noWebhookResponse: true };
}

/** The exact bytes received: n8n keeps them for non-multipart requests, or reads them on demand. */
async function rawBodyOf(context: IWebhookFunctions): Promise<Buffer> {
	const request = context.getRequestObject();
	if (!request.rawBody) await request.readRawBody();
	return request.rawBody;
}

export class ImageKitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ImageKit Trigger',
		name: 'imageKitTrigger',
		icon: { light: 'file:../../icons/imagekit.svg', dark: 'file:../../icons/imagekit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].length + " event types"}}',
		// The node picker shows this for the ImageKit node and this trigger together (see the constant).
		description: IMAGEKIT_NODE_DESCRIPTION,
		defaults: { name: 'ImageKit Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				// A literal: n8n's lint reads the name and testedBy from the source.
				name: 'imageKitWebhookApi',
				required: true,
				testedBy: 'imageKitWebhookSecretTest',
				displayOptions: { show: { verifySignature: [true] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				// n8n shows a community trigger's "Webhook URLs" collapsed, on its Test URL, and copies the URL
				// on a click (editor-ui NodeWebhooks.vue, n8n 1.123 and 2.40); 2.x publishes, 1.x activates.
				// 2.40's notice keeps only <a>, <ul> and <li> (N8nNotice sanitize-html allowedTags).
				displayName:
					'ImageKit has no API to register webhooks, so connect it once by hand:<ul>' +
					'<li>At the top of this panel, click “Webhook URLs” to open it, choose “Production URL” and click the URL to copy it.</li>' +
					'<li>In the ImageKit dashboard, open Developer options > Webhooks, add an endpoint with that URL and copy the endpoint’s secret into this node’s credential.</li>' +
					'<li>Publish the workflow with “Publish” at the top right of the editor (n8n 1.x: switch “Inactive” there to “Active”). The Production URL receives events only while the workflow is published.</li></ul>',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENT_OPTIONS,
				default: [...ALL_EVENT_TYPES],
				description:
					'The event types that start the workflow. Other events are acknowledged with 200 and start nothing.',
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					'Whether to reject (401) requests whose ImageKit signature is missing, wrong or outside the replay window',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				displayOptions: { show: { verifySignature: [true] } },
				options: [
					{
						displayName: 'Replay Window (Seconds)',
						name: 'replayWindowSeconds',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: DEFAULT_REPLAY_WINDOW_SECONDS,
						description:
							'How far the signed timestamp may be from now, in either direction. An event ID seen again within it is acknowledged but starts nothing.',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			// Nothing at ImageKit can confirm a webhook secret, so only its shape is checked.
			async imageKitWebhookSecretTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const secret = String(credential.data?.secret ?? '');
				if (secret === '') return { status: 'Error', message: 'Enter the webhook secret' };
				if (secret.trim() !== secret) {
					return {
						status: 'Error',
						message: 'The secret starts or ends with a space; copy it again',
					};
				}
				return {
					status: 'OK',
					message: 'The secret is set; it is checked against the first webhook received',
				};
			},
		},
	};

	// ImageKit webhooks are added in its dashboard only: there is nothing to register or remove.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const events = this.getNodeParameter('events', ALL_EVENT_TYPES) as string[];
		const verifySignature = this.getNodeParameter('verifySignature', true) as boolean;
		const { replayWindowSeconds = DEFAULT_REPLAY_WINDOW_SECONDS } = this.getNodeParameter(
			'options',
			{},
		) as TriggerOptions;
		const nowMs = Date.now();

		let signatureScheme = 'none';
		let messageId: string | undefined;
		if (verifySignature) {
			const { secret } = await this.getCredentials<{ secret: string }>(WEBHOOK_CREDENTIAL_TYPE);
			const check = checkSignature(this.getHeaderData(), await rawBodyOf(this), {
				secret,
				toleranceSeconds: replayWindowSeconds,
				nowMs,
			});
			if (!check.valid) return reject(this, check.reason);
			signatureScheme = check.scheme;
			messageId = check.messageId;
		}

		const event = this.getBodyData();
		const eventId = messageId ?? (typeof event.id === 'string' ? event.id : undefined);
		const staticData = this.getWorkflowStaticData('node');
		// A repeated event id is acknowledged but runs nothing: ImageKit redelivers an event whose 200
		// it missed, and would keep retrying one answered 401; a replayed capture gains nothing either way.
		if (eventId && !rememberEvent(staticData, eventId, nowMs, replayWindowSeconds * 1000)) {
			return { webhookResponse: 'Event already received; ignored' };
		}
		if (!events.includes(String(event.type)))
			return { webhookResponse: 'Event type not selected; ignored' };

		const output: IDataObject = { ...event, signatureScheme };
		return { workflowData: [this.helpers.returnJsonArray([output])] };
	}
}
