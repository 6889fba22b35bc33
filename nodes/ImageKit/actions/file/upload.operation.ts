import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ImageKit, UploadInput, UploadOptions, UploadPostTransformation } from '../../client';
import { customMetadataFromParameters } from '../../helpers/customMetadata';
import { extensionsFromParameters } from '../../helpers/extensionFields';
import { folderPathProperty, locatorText, normalizedFolderPath } from '../../helpers/locators';
import { itemsFor, requiredText, toList } from '../../helpers/parameters';
import { sortedByDisplayName } from '../../helpers/sorting';
import { fileDetailFields } from './fields';
import { toolDescription } from '../../helpers/toolDescription';
import { inputError } from '../../helpers/errors';

// Binary content is read from n8n's store in chunks of this size while it streams out.
const STREAM_CHUNK_BYTES = 256 * 1024;

const RESPONSE_FIELDS = [
	'customCoordinates',
	'customMetadata',
	'embeddedMetadata',
	'isPrivateFile',
	'isPublished',
	'metadata',
	'selectedFieldsSchema',
	'tags',
];

const properties: INodeProperties[] = [
	{
		displayName: 'Input Source',
		name: 'inputSource',
		type: 'options',
		options: [
			{
				name: 'Binary File',
				value: 'binary',
				description: 'A file from a binary field of the input item',
			},
			{ name: 'URL', value: 'url', description: 'A public URL that ImageKit downloads' },
			{ name: 'Base64', value: 'base64', description: 'Base64 text or a data URI' },
		],
		default: 'binary',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { inputSource: ['binary'] } },
		hint: 'The name of the input binary field containing the file to upload',
	},
	{
		displayName: 'File URL',
		name: 'fileUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/photo.jpg',
		displayOptions: { show: { inputSource: ['url'] } },
		description:
			'Public http(s) URL of the file; ImageKit must receive its headers within 8 seconds',
	},
	{
		displayName: 'Base64 Content',
		name: 'base64Content',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		displayOptions: { show: { inputSource: ['base64'] } },
		description: 'The file as base64 text, or as a data URI such as data:image/png;base64,iVBOR…',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'product-1.jpg',
		description:
			'Name to store the file under. For a binary file, empty means the binary’s own name. Characters other than letters, digits, dot and dash become underscores.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: sortedByDisplayName([
			...fileDetailFields('upload'),
			{
				displayName: 'Checks',
				name: 'checks',
				type: 'string',
				default: '',
				placeholder: '"request.folder" : "marketing/"',
				description: 'Server-side checks the upload must pass, or it is rejected',
			},
			folderPathProperty(
				{
					displayName: 'Folder',
					name: 'folder',
					description: 'Folder to upload into; missing folders are created',
				},
				{ required: false, defaultPath: '/' },
			),
			{
				displayName: 'Is Private File',
				name: 'isPrivateFile',
				type: 'boolean',
				default: false,
				description:
					'Whether the file is reachable only through signed URLs or named transformations',
			},
			{
				displayName: 'Is Published',
				name: 'isPublished',
				type: 'boolean',
				default: true,
				description: 'Whether the file is published; false uploads a draft (enterprise plans)',
			},
			{
				displayName: 'Overwrite AI Tags',
				name: 'overwriteAITags',
				type: 'boolean',
				default: true,
				description: 'Whether to drop the existing AI tags when a file is overwritten',
			},
			{
				displayName: 'Overwrite Custom Metadata',
				name: 'overwriteCustomMetadata',
				type: 'boolean',
				default: true,
				description:
					'Whether to remove existing custom metadata when a file is overwritten without new values',
			},
			{
				displayName: 'Overwrite File',
				name: 'overwriteFile',
				type: 'boolean',
				default: true,
				description:
					'Whether to replace a file of the same name; when off and Use Unique File Name is off, a name clash fails',
			},
			{
				displayName: 'Overwrite Tags',
				name: 'overwriteTags',
				type: 'boolean',
				default: true,
				description: 'Whether to remove existing tags when a file is overwritten without new tags',
			},
			{
				displayName: 'Post Transformations',
				name: 'postTransformations',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Post Transformation',
				description:
					'Derived versions ImageKit prepares after the upload, each reported by a webhook',
				options: [
					{
						displayName: 'Post Transformation',
						name: 'transformation',
						values: [
							{
								displayName: 'Type',
								name: 'type',
								type: 'options',
								options: [
									{ name: 'Adaptive Bitrate Streaming', value: 'abs' },
									{ name: 'GIF to Video', value: 'gif-to-video' },
									{ name: 'Thumbnail', value: 'thumbnail' },
									{ name: 'Transformation', value: 'transformation' },
								],
								default: 'transformation',
							},
							{
								displayName: 'Value',
								name: 'value',
								type: 'string',
								default: '',
								placeholder: 'w-300,h-300',
								description:
									'Transformation string; required for Transformation and Adaptive Bitrate Streaming (e.g. sr-240_360_480_720_1080)',
							},
							{
								displayName: 'Protocol',
								name: 'protocol',
								type: 'options',
								displayOptions: { show: { type: ['abs'] } },
								options: [
									{ name: 'DASH', value: 'dash' },
									{ name: 'HLS', value: 'hls' },
								],
								default: 'hls',
							},
						],
					},
				],
			},
			{
				displayName: 'Pre Transformation',
				name: 'preTransformation',
				type: 'string',
				default: '',
				placeholder: 'w-2000,h-2000,c-at_max',
				description: 'Transformation applied before the file is stored',
			},
			{
				displayName: 'Response Fields',
				name: 'responseFields',
				type: 'multiOptions',
				options: RESPONSE_FIELDS.map((field) => ({ name: field, value: field })),
				default: [],
				description: 'Extra fields to include in the response',
			},
			{
				displayName: 'Use Unique File Name',
				name: 'useUniqueFileName',
				type: 'boolean',
				default: true,
				description: 'Whether to add a random suffix so an existing file of the same name is kept',
			},
		]),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['upload'] } },
	[
		toolDescription(
			"Uploads a file to the media library from a public URL (File URL), base64 text, or the item's binary data. Inputs: File Name, and optionally Folder (e.g. /products/), Tags, Is Private File, Use Unique File Name. Returns the stored file: fileId, name, filePath, url, size, width, height.",
		),
		...properties,
	],
);

function uploadOptions(context: IExecuteFunctions, itemIndex: number): UploadOptions {
	const raw = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const options: UploadOptions = {};
	for (const flag of [
		'isPrivateFile',
		'isPublished',
		'overwriteAITags',
		'overwriteCustomMetadata',
		'overwriteFile',
		'overwriteTags',
		'useUniqueFileName',
	] as const) {
		if (typeof raw[flag] === 'boolean') options[flag] = raw[flag] as boolean;
	}
	for (const text of ['checks', 'customCoordinates', 'description', 'webhookUrl'] as const) {
		if (typeof raw[text] === 'string' && (raw[text] as string).trim())
			options[text] = (raw[text] as string).trim();
	}
	const folder = locatorText(raw.folder);
	if (folder) options.folder = normalizedFolderPath(folder);
	const tags = toList(raw.tags);
	if (tags.length) options.tags = tags;
	const responseFields = toList(raw.responseFields);
	if (responseFields.length) options.responseFields = responseFields;
	const extensions = extensionsFromParameters(context, itemIndex, raw.extensionsUi, raw.extensions);
	if (extensions.length) options.extensions = extensions;

	const post = ((raw.postTransformations as IDataObject | undefined)?.transformation ??
		[]) as IDataObject[];
	const postTransformations = post.map((entry, index): UploadPostTransformation => {
		const type = entry.type as UploadPostTransformation['type'];
		const value = String(entry.value ?? '').trim();
		if (!value && (type === 'transformation' || type === 'abs')) {
			throw inputError(
				context.getNode(),
				itemIndex,
				`Post Transformation ${index + 1} has no value`,
				`a ${type === 'abs' ? 'streaming' : 'transformation'} post-transformation needs a value, e.g. ${
					type === 'abs' ? 'sr-240_360_480_720_1080' : 'w-300,h-300'
				}`,
			);
		}
		return {
			type,
			...(value ? { value } : {}),
			...(type === 'abs' ? { protocol: entry.protocol as 'hls' | 'dash' } : {}),
		};
	});
	const pre = String(raw.preTransformation ?? '').trim();
	if (pre || postTransformations.length) {
		options.transformation = {
			...(pre ? { pre } : {}),
			...(postTransformations.length ? { post: postTransformations } : {}),
		};
	}
	return options;
}

/** The file content to send: streamed from n8n's binary store when it has an id, else a buffer. */
type FileContent = Pick<UploadInput, 'file' | 'fileSize' | 'mimeType'> & {
	binaryFileName?: string;
};

async function binaryContent(context: IExecuteFunctions, itemIndex: number): Promise<FileContent> {
	const propertyName = requiredText(
		context,
		'binaryPropertyName',
		itemIndex,
		'Input Binary Field',
		'the binary field name, e.g. data',
	);
	const binary = context.helpers.assertBinaryData(itemIndex, propertyName);
	if (binary.id) {
		const [stream, metadata] = await Promise.all([
			context.helpers.getBinaryStream(binary.id, STREAM_CHUNK_BYTES),
			context.helpers.getBinaryMetadata(binary.id),
		]);
		return {
			file: stream,
			fileSize: metadata.fileSize,
			mimeType: binary.mimeType,
			binaryFileName: binary.fileName,
		};
	}
	const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	return { file: buffer, mimeType: binary.mimeType, binaryFileName: binary.fileName };
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ImageKit,
): Promise<INodeExecutionData[]> {
	const source = this.getNodeParameter('inputSource', itemIndex) as 'binary' | 'url' | 'base64';
	const options = uploadOptions(this, itemIndex);
	const rawOptions = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	options.customMetadata = await customMetadataFromParameters(
		this,
		itemIndex,
		client,
		rawOptions,
		'upload',
	);
	let content: FileContent;
	if (source === 'binary') {
		content = await binaryContent(this, itemIndex);
	} else if (source === 'url') {
		const url = requiredText(
			this,
			'fileUrl',
			itemIndex,
			'File URL',
			'a public URL such as https://example.com/photo.jpg',
		);
		if (!/^https?:\/\//i.test(url)) {
			throw inputError(
				this.getNode(),
				itemIndex,
				`'File URL' must start with http:// or https://`,
				`enter a public URL such as https://example.com/photo.jpg (got "${url}")`,
			);
		}
		content = { file: url };
	} else {
		content = {
			file: requiredText(
				this,
				'base64Content',
				itemIndex,
				'Base64 Content',
				'the file as base64 text or a data URI',
			),
		};
	}
	const fileName =
		(this.getNodeParameter('fileName', itemIndex, '') as string).trim() || content.binaryFileName;
	if (!fileName) {
		throw inputError(
			this.getNode(),
			itemIndex,
			`'File Name' is empty`,
			'enter the name to store the file under, e.g. product-1.jpg',
		);
	}
	const result = await client.upload({
		file: content.file,
		fileSize: content.fileSize,
		mimeType: content.mimeType,
		fileName,
		...options,
	});
	return itemsFor(this, result as IDataObject, itemIndex);
}
