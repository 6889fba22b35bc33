import { perceptualHash } from './content';
import type { AITag, StoredFile, StoredFolder } from './state';

/** The API shapes the emulator answers with (the spec's FileDetails, FolderDetails, Upload, Metadata). */
export interface FileDetails {
	fileId: string;
	type: 'file' | 'file-version';
	name: string;
	filePath: string;
	tags: string[] | null;
	AITags: AITag[] | null;
	versionInfo: { id: string; name: string };
	isPrivateFile: boolean;
	isPublished: boolean;
	customCoordinates: string | null;
	url: string;
	thumbnail?: string;
	fileType: 'image' | 'non-image';
	mime: string;
	width?: number;
	height?: number;
	size: number;
	bitRate?: number;
	duration?: number;
	audioCodec?: string;
	videoCodec?: string;
	hasAlpha: boolean;
	customMetadata: Record<string, unknown>;
	embeddedMetadata: Record<string, unknown>;
	description?: string;
	createdAt: string;
	updatedAt: string;
}

export interface FolderDetails {
	type: 'folder';
	folderId: string;
	name: string;
	folderPath: string;
	customMetadata: Record<string, unknown>;
	createdAt: string;
	updatedAt: string;
}

export type Metadata = Record<string, unknown>;

export type ExtensionStatus = Record<string, 'success' | 'pending' | 'failed'>;

/** Upload fields returned only when named in `responseFields`. */
export const OPTIONAL_UPLOAD_FIELDS = [
	'tags',
	'customCoordinates',
	'isPrivateFile',
	'embeddedMetadata',
	'isPublished',
	'customMetadata',
	'metadata',
	'selectedFieldsSchema',
] as const;
export type OptionalUploadField = (typeof OPTIONAL_UPLOAD_FIELDS)[number];

const THUMBNAIL_TRANSFORMATION = 'n-ik_ml_thumbnail';

function versionInfo(file: StoredFile) {
	return { id: file.version.id, name: `Version ${file.version.number}` };
}

function mediaFields(file: StoredFile) {
	const { width, height, video } = file.content;
	return { ...(width !== undefined && { width, height }), ...video };
}

function embeddedMetadata(file: StoredFile): Record<string, unknown> {
	const { width, height } = file.content;
	if (file.content.fileType !== 'image') return {};
	return { ImageWidth: width, ImageHeight: height, DateCreated: file.createdAt.toISOString() };
}

export function fileDetailsView(file: StoredFile, urlEndpoint: string): FileDetails {
	const url = `${urlEndpoint}${encodeURI(file.filePath)}?updatedAt=${file.updatedAt.getTime()}`;
	return {
		fileId: file.fileId,
		type: 'file',
		name: file.name,
		filePath: file.filePath,
		tags: file.tags,
		AITags: file.AITags,
		versionInfo: versionInfo(file),
		isPrivateFile: file.isPrivateFile,
		isPublished: file.isPublished,
		customCoordinates: file.customCoordinates,
		url,
		...(file.content.fileType === 'image' && {
			thumbnail: `${url}&tr=${THUMBNAIL_TRANSFORMATION}`,
		}),
		fileType: file.content.fileType,
		mime: file.content.mime,
		...mediaFields(file),
		size: file.content.size,
		hasAlpha: file.content.hasAlpha,
		customMetadata: file.customMetadata,
		embeddedMetadata: embeddedMetadata(file),
		...(file.description !== undefined && { description: file.description }),
		createdAt: file.createdAt.toISOString(),
		updatedAt: file.updatedAt.toISOString(),
	};
}

export function folderDetailsView(folder: StoredFolder): FolderDetails {
	return {
		type: 'folder',
		folderId: folder.folderId,
		name: folder.name,
		folderPath: folder.folderPath.slice(0, -1),
		customMetadata: {},
		createdAt: folder.createdAt.toISOString(),
		updatedAt: folder.updatedAt.toISOString(),
	};
}

export function uploadView(
	file: StoredFile,
	urlEndpoint: string,
	responseFields: ReadonlySet<OptionalUploadField>,
	extensionStatus: ExtensionStatus | undefined,
): Record<string, unknown> {
	const url = `${urlEndpoint}${encodeURI(file.filePath)}`;
	const optional: Record<OptionalUploadField, () => unknown> = {
		tags: () => file.tags,
		customCoordinates: () => file.customCoordinates,
		isPrivateFile: () => file.isPrivateFile,
		embeddedMetadata: () => embeddedMetadata(file),
		isPublished: () => file.isPublished,
		customMetadata: () => file.customMetadata,
		metadata: () => metadataView(file),
		// Only accounts with the Path policy feature get a schema; the emulated one has none.
		selectedFieldsSchema: () => undefined,
	};
	const requested = Object.fromEntries(
		OPTIONAL_UPLOAD_FIELDS.filter((field) => responseFields.has(field))
			.map((field) => [field, optional[field]()])
			.filter(([, value]) => value !== undefined),
	);
	return {
		fileId: file.fileId,
		name: file.name,
		filePath: file.filePath,
		url,
		...(file.content.fileType === 'image' && {
			thumbnailUrl: `${urlEndpoint}/tr:${THUMBNAIL_TRANSFORMATION}${encodeURI(file.filePath)}`,
		}),
		...mediaFields(file),
		size: file.content.size,
		fileType: file.content.fileType,
		AITags: file.AITags,
		versionInfo: versionInfo(file),
		...(file.description !== undefined && { description: file.description }),
		...(extensionStatus && { extensionStatus }),
		...requested,
	};
}

/** Only images and videos have metadata. */
export function metadataView(file: StoredFile): Metadata | undefined {
	const { content } = file;
	if (content.video) {
		return { height: content.height, width: content.width, size: content.size, ...content.video };
	}
	if (content.fileType !== 'image') return undefined;
	return {
		height: content.height,
		width: content.width,
		size: content.size,
		format: content.format,
		hasColorProfile: false,
		...(content.format === 'jpg' && { quality: 90 }),
		density: 72,
		hasTransparency: content.hasAlpha,
		exif: {},
		pHash: perceptualHash(content),
	};
}
