// The workflows the e2e run imports into a real n8n: each chains many ImageKit nodes after a Manual
// Trigger, so one `n8n execute` covers a whole resource. Node names are what the checks read back.
import type { INodeParameters } from 'n8n-workflow';

import pkg from '../../package.json';

export const IMAGEKIT_NODE = `${pkg.name}.imageKit`;
export const WEBHOOK_TRIGGER_NODE = `${pkg.name}.imageKitTrigger`;
export const FILE_TRIGGER_NODE = `${pkg.name}.imageKitFileTrigger`;

export const API_CREDENTIAL = { id: 'e2eImageKitApi', name: 'ImageKit (emulator)' };
export const WEBHOOK_CREDENTIAL = { id: 'e2eImageKitHook', name: 'ImageKit webhook (emulator)' };

/** A node of a chain: its name, and either ImageKit parameters or a full node of another type. */
export interface ChainStep {
	name: string;
	parameters: INodeParameters;
	type?: string;
	typeVersion?: number;
}

/** A file read from disk by n8n's Read/Write Files node, then uploaded from its binary by "Upload". */
export function uploadFromDisk({
	readName,
	filePath,
	fileName,
	folder,
}: {
	readName: string;
	filePath: string;
	fileName: string;
	folder: string;
}): ChainStep[] {
	return [
		{
			name: readName,
			type: 'n8n-nodes-base.readWriteFile',
			parameters: { operation: 'read', fileSelector: filePath, options: {} },
		},
		{
			name: 'Upload',
			parameters: {
				resource: 'file',
				operation: 'upload',
				inputSource: 'binary',
				binaryPropertyName: 'data',
				fileName,
				options: { folder, useUniqueFileName: false },
			},
		},
	];
}

export interface WorkflowJson {
	id: string;
	name: string;
	active: boolean;
	nodes: Array<Record<string, unknown>>;
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: 'main'; index: number }>> }
	>;
	settings: Record<string, unknown>;
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const folderPath = (value: string) => ({ __rl: true, mode: 'path', value });
/** The README's Edit Fields expression: an <img> tag from Get Responsive Attributes. */
export const IMG_TAG_EXPRESSION =
	'=<img src="{{ $json.src }}" srcset="{{ $json.srcSet }}"' +
	`{{ $json.sizes ? ' sizes="' + $json.sizes + '"' : '' }}` +
	`{{ $json.width ? ' width="' + $json.width + '"' : '' }} alt="Red shoe">`;

/** An expression reading a field of a node that ran earlier in the chain. */
const from = (node: string, field: string) => `={{ $('${node}').first().json.${field} }}`;

function chainNode(step: ChainStep, index: number): Record<string, unknown> {
	const isImageKit = step.type === undefined;
	return {
		id: `node-${index}`,
		name: step.name,
		type: step.type ?? IMAGEKIT_NODE,
		typeVersion: step.typeVersion ?? 1,
		position: [index * 220, 0],
		parameters: step.parameters,
		// Get Many nodes output several items; the next node still runs once.
		...(isImageKit ? { executeOnce: true, credentials: { imageKitApi: API_CREDENTIAL } } : {}),
	};
}

const MANUAL_TRIGGER = { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };

/** A workflow running the steps one after the other from its start node (a Manual Trigger by default). */
export function chainWorkflow(
	id: string,
	name: string,
	steps: ChainStep[],
	startNode: Record<string, unknown> = MANUAL_TRIGGER,
): WorkflowJson {
	const start = { id: 'node-start', name: 'Start', position: [-220, 0], ...startNode };
	const names = ['Start', ...steps.map((step) => step.name)];
	const connections: WorkflowJson['connections'] = {};
	for (let index = 1; index < names.length; index++) {
		connections[names[index - 1]] = { main: [[{ node: names[index], type: 'main', index: 0 }]] };
	}
	return {
		id,
		name,
		active: false,
		settings: {},
		nodes: [start, ...steps.map(chainNode)],
		connections,
	};
}

/** Inputs the operation workflows need from the test: where the image to upload lies. */
export interface OperationInputs {
	imagePath: string;
}

export const IDS = {
	binaryFile: 'e2eFileBinary',
	fileVersions: 'e2eFileVersions',
	folders: 'e2eFolders',
	metadataFields: 'e2eMetadataFields',
	urlsAndUtilities: 'e2eUrlsUtilities',
	accountSettings: 'e2eAccountSettings',
	webhookTrigger: 'e2eWebhookTrigger',
	fileTrigger: 'e2eFileTrigger',
} as const;

export function operationWorkflows({ imagePath }: OperationInputs): WorkflowJson[] {
	const uploaded = from('Upload', 'fileId');
	return [
		chainWorkflow(IDS.binaryFile, 'File: upload from a file on disk, manage, download, delete', [
			...uploadFromDisk({
				readName: 'Read Image',
				filePath: imagePath,
				fileName: 'photo.png',
				folder: '/e2e/',
			}),
			{ name: 'Get', parameters: { resource: 'file', operation: 'get', fileId: byId(uploaded) } },
			{
				name: 'Update',
				parameters: {
					resource: 'file',
					operation: 'update',
					fileId: byId(uploaded),
					updateFields: { tags: 'e2e, sale', description: 'E2E photo' },
				},
			},
			{
				name: 'Add Tags',
				parameters: { resource: 'file', operation: 'addTags', fileIds: uploaded, tags: 'blue' },
			},
			{
				name: 'Remove Tags',
				parameters: { resource: 'file', operation: 'removeTags', fileIds: uploaded, tags: 'sale' },
			},
			{
				name: 'Remove AI Tags',
				parameters: {
					resource: 'file',
					operation: 'removeAITags',
					fileIds: uploaded,
					tags: 'Shoe',
				},
			},
			{
				name: 'Get Metadata',
				parameters: { resource: 'file', operation: 'getMetadata', fileId: byId(uploaded) },
			},
			{
				name: 'Metadata From URL',
				parameters: { resource: 'metadata', operation: 'getFromUrl', url: from('Upload', 'url') },
			},
			{
				name: 'Download',
				parameters: {
					resource: 'file',
					operation: 'download',
					source: 'file',
					fileId: byId(uploaded),
				},
			},
			{
				name: 'Unpublish',
				parameters: { resource: 'file', operation: 'unpublish', fileId: byId(uploaded) },
			},
			{
				name: 'Publish',
				parameters: { resource: 'file', operation: 'publish', fileId: byId(uploaded) },
			},
			{
				name: 'Copy',
				parameters: {
					resource: 'file',
					operation: 'copy',
					fileId: byId(uploaded),
					destinationPath: folderPath('/e2e-copy/'),
				},
			},
			{
				name: 'Rename',
				parameters: {
					resource: 'file',
					operation: 'rename',
					fileId: byId(uploaded),
					newFileName: 'renamed.png',
				},
			},
			{
				name: 'Move',
				parameters: {
					resource: 'file',
					operation: 'move',
					fileId: byId(uploaded),
					destinationPath: folderPath('/e2e-moved/'),
				},
			},
			{
				name: 'Get Many',
				parameters: { resource: 'file', operation: 'getAll', returnAll: true, filters: {} },
			},
			{
				name: 'Delete',
				parameters: { resource: 'file', operation: 'delete', fileId: byId(uploaded) },
			},
			{
				name: 'Delete Many',
				parameters: {
					resource: 'file',
					operation: 'deleteMany',
					fileIds:
						"={{ $('Get Many').all().filter((item) => item.json.filePath.startsWith('/e2e-copy/')).map((item) => item.json.fileId).join(',') }}",
				},
			},
		]),
		chainWorkflow(IDS.fileVersions, 'File Version: overwrite, list, get, restore, delete', [
			...['one', 'two', 'three'].map((content, index) => ({
				name: `Upload ${index + 1}`,
				parameters: {
					resource: 'file',
					operation: 'upload',
					inputSource: 'base64',
					base64Content: Buffer.from(content).toString('base64'),
					fileName: 'note.txt',
					options: { useUniqueFileName: false },
				},
			})),
			{
				name: 'Versions',
				parameters: {
					resource: 'fileVersion',
					operation: 'getAll',
					fileId: byId(from('Upload 3', 'fileId')),
					returnAll: true,
				},
			},
			{
				name: 'Get Version',
				parameters: {
					resource: 'fileVersion',
					operation: 'get',
					fileId: byId(from('Upload 3', 'fileId')),
					versionId: from('Versions', 'versionInfo.id'),
				},
			},
			{
				name: 'Restore',
				parameters: {
					resource: 'fileVersion',
					operation: 'restore',
					fileId: byId(from('Upload 3', 'fileId')),
					versionId: from('Versions', 'versionInfo.id'),
				},
			},
			{
				name: 'Delete Version',
				parameters: {
					resource: 'fileVersion',
					operation: 'delete',
					fileId: byId(from('Upload 3', 'fileId')),
					versionId: "={{ $('Versions').all()[1].json.versionInfo.id }}",
				},
			},
		]),
		chainWorkflow(
			IDS.folders,
			'Folder: create, upload by URL, copy, move, rename, job status, delete',
			[
				{
					name: 'Create',
					parameters: {
						resource: 'folder',
						operation: 'create',
						folderName: 'summer sale',
						parentFolderPath: '/shop/',
					},
				},
				{
					name: 'Upload From URL',
					parameters: {
						resource: 'file',
						operation: 'upload',
						inputSource: 'url',
						fileUrl: 'https://example.com/shoe.jpg',
						fileName: 'shoe.jpg',
						options: { folder: from('Create', 'folderPath'), useUniqueFileName: false },
					},
				},
				{
					name: 'Copy',
					parameters: {
						resource: 'folder',
						operation: 'copy',
						sourceFolderPath: from('Create', 'folderPath'),
						destinationPath: '/archive/',
						includeVersions: true,
						waitForCompletion: true,
						timeout: 60,
					},
				},
				{
					name: 'Move',
					parameters: {
						resource: 'folder',
						operation: 'move',
						sourceFolderPath: '/archive/summer_sale/',
						destinationPath: '/old/',
						waitForCompletion: true,
						timeout: 60,
					},
				},
				{
					name: 'Rename',
					parameters: {
						resource: 'folder',
						operation: 'rename',
						folderPath: '/old/summer_sale/',
						newFolderName: 'winter',
						purgeCache: false,
						waitForCompletion: false,
					},
				},
				{
					name: 'Job Status',
					parameters: {
						resource: 'folder',
						operation: 'getJobStatus',
						jobId: from('Rename', 'jobId'),
					},
				},
				{
					name: 'Job Status Again',
					parameters: {
						resource: 'folder',
						operation: 'getJobStatus',
						jobId: from('Rename', 'jobId'),
					},
				},
				{
					name: 'Delete',
					parameters: {
						resource: 'folder',
						operation: 'delete',
						folderPath: from('Create', 'folderPath'),
					},
				},
			],
		),
		chainWorkflow(IDS.metadataFields, 'Custom Metadata Field: create, list, update, delete', [
			{
				name: 'Create',
				parameters: {
					resource: 'customMetadataField',
					operation: 'create',
					name: 'brand',
					label: 'Brand',
					fieldType: 'SingleSelect',
					selectOptions: { option: [{ value: 'acme' }, { value: 'globex' }] },
					schemaOptions: {},
				},
			},
			{
				name: 'Get Many',
				parameters: {
					resource: 'customMetadataField',
					operation: 'getAll',
					returnAll: true,
					options: {},
				},
			},
			{
				name: 'Update',
				parameters: {
					resource: 'customMetadataField',
					operation: 'update',
					fieldId: from('Create', 'id'),
					updateFields: { label: 'Brand Name' },
				},
			},
			{
				name: 'Delete',
				parameters: {
					resource: 'customMetadataField',
					operation: 'delete',
					fieldId: from('Create', 'id'),
				},
			},
		]),
		chainWorkflow(IDS.urlsAndUtilities, 'Image URL, Cache, Upload Auth & pHash, Account', [
			{
				name: 'Image URL',
				parameters: {
					resource: 'imageUrl',
					operation: 'generate',
					source: 'path',
					path: '/shoes/red.jpg',
					steps: { step: [{ parameters: { width: 300, height: 200 } }] },
					options: { signed: true },
				},
			},
			{
				name: 'Responsive',
				parameters: {
					resource: 'imageUrl',
					operation: 'getResponsiveAttributes',
					source: 'path',
					path: '/shoes/red.jpg',
					steps: { step: [{ parameters: { height: 500 } }] },
					options: { width: 400, signed: true },
				},
			},
			// The README's workflow: an <img> tag from the attributes.
			{
				name: 'Img Tag',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				parameters: {
					assignments: {
						assignments: [
							{
								id: 'img-tag',
								name: 'html',
								type: 'string',
								value: IMG_TAG_EXPRESSION,
							},
						],
					},
					options: {},
				},
			},
			{
				name: 'Purge',
				parameters: { resource: 'cache', operation: 'purge', url: from('Image URL', 'url') },
			},
			{
				name: 'Purge Status',
				parameters: {
					resource: 'cache',
					operation: 'getPurgeStatus',
					requestId: from('Purge', 'requestId'),
				},
			},
			{
				name: 'Upload Auth',
				parameters: {
					resource: 'utility',
					operation: 'getUploadAuthParameters',
					nonce: 'e2e-token',
					expiresIn: 600,
				},
			},
			{
				name: 'Compare pHash',
				parameters: {
					resource: 'utility',
					operation: 'comparePhash',
					firstPhash: 'f06830ca9f1e3e90',
					secondPhash: 'f06830ca9f1e3e91',
				},
			},
			{
				name: 'Usage',
				parameters: {
					resource: 'account',
					operation: 'getUsage',
					startDate: '2024-01-01',
					endDate: '2024-01-31',
				},
			},
		]),
		chainWorkflow(
			IDS.accountSettings,
			'Origin, URL Endpoint, Saved Extension: create, get, list, update, delete',
			[
				{
					name: 'Create Origin',
					parameters: {
						resource: 'origin',
						operation: 'create',
						type: 'S3',
						name: 'Products',
						bucket: 'products',
						prefix: 'raw',
						accessKey: 'AKIAEXAMPLE',
						secretKey: 'secret-value-123',
					},
				},
				{
					name: 'Get Origin',
					parameters: {
						resource: 'origin',
						operation: 'get',
						originId: from('Create Origin', 'id'),
					},
				},
				{
					name: 'Origins',
					parameters: { resource: 'origin', operation: 'getAll', returnAll: true },
				},
				{
					name: 'Update Origin',
					parameters: {
						resource: 'origin',
						operation: 'update',
						originId: from('Create Origin', 'id'),
						type: 'WEB_FOLDER',
						name: 'Products Web',
						baseUrl: 'https://images.example.com',
					},
				},
				{
					name: 'Create Endpoint',
					parameters: {
						resource: 'urlEndpoint',
						operation: 'create',
						description: 'E2E endpoint',
						urlPrefix: 'e2e',
						origins: { origin: [{ id: from('Create Origin', 'id') }] },
						urlRewriter: 'none',
					},
				},
				{
					name: 'Get Endpoint',
					parameters: {
						resource: 'urlEndpoint',
						operation: 'get',
						urlEndpointId: from('Create Endpoint', 'id'),
					},
				},
				{
					name: 'Endpoints',
					parameters: { resource: 'urlEndpoint', operation: 'getAll', returnAll: true },
				},
				{
					name: 'Update Endpoint',
					parameters: {
						resource: 'urlEndpoint',
						operation: 'update',
						urlEndpointId: from('Create Endpoint', 'id'),
						description: 'E2E endpoint v2',
						urlPrefix: 'e2e2',
						origins: { origin: [{ id: from('Create Origin', 'id') }] },
						urlRewriter: 'IMGIX',
					},
				},
				{
					name: 'Delete Endpoint',
					parameters: {
						resource: 'urlEndpoint',
						operation: 'delete',
						urlEndpointId: from('Create Endpoint', 'id'),
					},
				},
				{
					name: 'Delete Origin',
					parameters: {
						resource: 'origin',
						operation: 'delete',
						originId: from('Create Origin', 'id'),
					},
				},
				{
					name: 'Create Extension',
					parameters: {
						resource: 'savedExtension',
						operation: 'create',
						name: 'Tagging',
						description: 'AWS tags',
						config: {
							autoTagging: { provider: 'aws-auto-tagging', minConfidence: 70, maxTags: 5 },
						},
					},
				},
				{
					name: 'Get Extension',
					parameters: {
						resource: 'savedExtension',
						operation: 'get',
						savedExtensionId: from('Create Extension', 'id'),
					},
				},
				{
					name: 'Extensions',
					parameters: { resource: 'savedExtension', operation: 'getAll', returnAll: true },
				},
				{
					name: 'Update Extension',
					parameters: {
						resource: 'savedExtension',
						operation: 'update',
						savedExtensionId: from('Create Extension', 'id'),
						updateFields: { name: 'Describe', config: { aiAutoDescription: {} } },
					},
				},
				{
					name: 'Delete Extension',
					parameters: {
						resource: 'savedExtension',
						operation: 'delete',
						savedExtensionId: from('Create Extension', 'id'),
					},
				},
			],
		),
	];
}

export const WEBHOOK_ID = '5f1c7a2e-9b3d-4e8f-a1c6-2d4b6e8f0a13';

/** Trigger workflows: each looks up the file its event names, so the emulator sees that they ran. */
export function triggerWorkflows(): WorkflowJson[] {
	const lookup = (fileId: string) => ({
		name: 'Get File',
		parameters: { resource: 'file', operation: 'get', fileId: byId(fileId) },
	});
	return [
		chainWorkflow(
			IDS.webhookTrigger,
			'ImageKit Trigger: signed webhook',
			[lookup('={{ $json.data.fileId }}')],
			{
				type: WEBHOOK_TRIGGER_NODE,
				typeVersion: 1,
				webhookId: WEBHOOK_ID,
				parameters: { events: ['file.created'], verifySignature: true, options: {} },
				credentials: { imageKitWebhookApi: WEBHOOK_CREDENTIAL },
			},
		),
		chainWorkflow(
			IDS.fileTrigger,
			'ImageKit File Trigger: polling',
			[lookup('={{ $json.fileId }}')],
			{
				type: FILE_TRIGGER_NODE,
				typeVersion: 1,
				parameters: {
					event: 'fileCreated',
					folder: '/polled/',
					includeSubfolders: false,
					filters: {},
					pollTimes: { item: [{ mode: 'everyMinute' }] },
				},
				credentials: { imageKitApi: API_CREDENTIAL },
			},
		),
	];
}
