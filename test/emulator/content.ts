import { createHash } from 'crypto';
import { crc32, deflateSync } from 'zlib';

import { CONTENT_HEAD_BYTES } from './body';

/** What the emulator knows about stored bytes: enough to answer details and metadata calls. */
export interface ContentFacts {
	size: number;
	sha256: string;
	mime: string;
	/** As ImageKit reports it in metadata: `jpg`, `png`, `mp4`, ... */
	format: string;
	fileType: 'image' | 'non-image';
	width?: number;
	height?: number;
	hasAlpha: boolean;
	video?: { duration: number; bitRate: number; videoCodec: string; audioCodec: string };
}

/** Bytes as they arrived: whole when small, otherwise just their hash, size and first bytes. */
export interface ReceivedContent {
	size: number;
	sha256: string;
	head: Buffer;
	declaredType?: string;
}

const MIME_BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	gif: 'image/gif',
	webp: 'image/webp',
	avif: 'image/avif',
	svg: 'image/svg+xml',
	bmp: 'image/bmp',
	tif: 'image/tiff',
	tiff: 'image/tiff',
	heic: 'image/heic',
	ico: 'image/x-icon',
	mp4: 'video/mp4',
	mov: 'video/quicktime',
	webm: 'video/webm',
	mp3: 'audio/mpeg',
	pdf: 'application/pdf',
	json: 'application/json',
	txt: 'text/plain',
	csv: 'text/csv',
	css: 'text/css',
	js: 'application/javascript',
	html: 'text/html',
	zip: 'application/zip',
};

const FORMAT_BY_MIME: Record<string, string> = {
	'image/jpeg': 'jpg',
	'image/svg+xml': 'svg',
	'image/x-icon': 'ico',
	'video/quicktime': 'mov',
	'audio/mpeg': 'mp3',
	'application/javascript': 'js',
	'text/plain': 'txt',
};

export function bytesContent(bytes: Buffer, declaredType?: string): ReceivedContent {
	return {
		size: bytes.length,
		sha256: createHash('sha256').update(bytes).digest('hex'),
		head: bytes.subarray(0, CONTENT_HEAD_BYTES),
		declaredType,
	};
}

function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function describeContent(content: ReceivedContent, fileName: string): ContentFacts {
	const sniffed = sniffMagicBytes(content.head);
	const declaredType = content.declaredType?.split(';')[0].trim().toLowerCase();
	const mime =
		sniffed?.mime ??
		MIME_BY_EXTENSION[extensionOf(fileName)] ??
		(declaredType && declaredType !== 'application/octet-stream'
			? declaredType
			: 'application/octet-stream');
	const isImage = mime.startsWith('image/');
	const isVideo = mime.startsWith('video/');
	const facts: ContentFacts = {
		size: content.size,
		sha256: content.sha256,
		mime,
		format: formatOf(mime, fileName),
		fileType: isImage ? 'image' : 'non-image',
		hasAlpha: sniffed?.hasAlpha ?? false,
	};
	if (isImage || isVideo) {
		// Dimensions the header does not reveal are made up, but stable for the same bytes.
		const seed = Buffer.from(content.sha256, 'hex');
		facts.width = sniffed?.width ?? (isVideo ? 1280 : 100 + (seed.readUInt16BE(0) % 1900));
		facts.height = sniffed?.height ?? (isVideo ? 720 : 100 + (seed.readUInt16BE(2) % 1900));
	}
	if (isVideo) {
		const duration = 5 + (Buffer.from(content.sha256, 'hex')[4] % 120);
		const bitRate = Math.round((content.size * 8) / duration);
		facts.video = { duration, bitRate, videoCodec: 'h264', audioCodec: 'aac' };
	}
	return facts;
}

function formatOf(mime: string, fileName: string): string {
	if (FORMAT_BY_MIME[mime]) return FORMAT_BY_MIME[mime];
	return mime === 'application/octet-stream' ? extensionOf(fileName) : mime.split('/')[1];
}

interface SniffedFormat {
	mime: string;
	width?: number;
	height?: number;
	hasAlpha?: boolean;
}

function sniffMagicBytes(head: Buffer): SniffedFormat | undefined {
	const startsWith = (signature: string, offset = 0) =>
		head.toString('latin1', offset, offset + signature.length) === signature;
	if (startsWith('\x89PNG\r\n\x1a\n') && head.length >= 26) {
		// PNG colour types 4 (grey + alpha) and 6 (RGBA) carry an alpha channel.
		const hasAlpha = head[25] === 4 || head[25] === 6;
		return {
			mime: 'image/png',
			width: head.readUInt32BE(16),
			height: head.readUInt32BE(20),
			hasAlpha,
		};
	}
	if (startsWith('GIF8') && head.length >= 10) {
		return { mime: 'image/gif', width: head.readUInt16LE(6), height: head.readUInt16LE(8) };
	}
	if (startsWith('\xff\xd8\xff')) return { mime: 'image/jpeg', ...jpegDimensions(head) };
	if (startsWith('RIFF') && startsWith('WEBP', 8)) return { mime: 'image/webp' };
	if (startsWith('ftyp', 4)) return { mime: 'video/mp4' };
	if (startsWith('%PDF')) return { mime: 'application/pdf' };
	const text = head.toString('utf8', 0, Math.min(head.length, 512)).trimStart();
	const isSvg = text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'));
	return isSvg ? { mime: 'image/svg+xml' } : undefined;
}

const JPEG_START_OF_FRAME_MARKERS = new Set([
	0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

/** Walks the JPEG marker segments up to the first start-of-frame, which holds the dimensions. */
function jpegDimensions(head: Buffer): { width?: number; height?: number } {
	let offset = 2;
	while (offset + 9 < head.length && head[offset] === 0xff) {
		const marker = head[offset + 1];
		if (marker === 0xff) {
			offset += 1; // fill byte
			continue;
		}
		if (JPEG_START_OF_FRAME_MARKERS.has(marker)) {
			return { height: head.readUInt16BE(offset + 5), width: head.readUInt16BE(offset + 7) };
		}
		offset += 2 + head.readUInt16BE(offset + 2);
	}
	return {};
}

/** A valid RGB PNG of the given size, filled with a colour derived from `seed`. */
export function placeholderPng(width: number, height: number, seed: string): Buffer {
	const colour = createHash('sha256').update(seed).digest().subarray(0, 3);
	const row = Buffer.alloc(1 + width * 3); // leading 0 = "no filter" for the scanline
	for (let x = 0; x < width; x++) colour.copy(row, 1 + x * 3);
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // colour type RGB
	const chunk = (type: string, data: Buffer) => {
		const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const checksum = Buffer.alloc(4);
		checksum.writeUInt32BE(crc32(typeAndData));
		return Buffer.concat([length, typeAndData, checksum]);
	};
	return Buffer.concat([
		Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

/**
 * The emulator never fetches remote URLs: it stores a small stand-in that is the same for the same
 * URL (an image for image-like or extensionless URLs, a text blob otherwise).
 */
export function remoteUrlStandIn(url: string): Buffer {
	const extension = extensionOf(new URL(url).pathname);
	const mime = MIME_BY_EXTENSION[extension];
	if (mime !== undefined && !mime.startsWith('image/')) {
		return Buffer.from(`ImageKit emulator stand-in for ${url}\n`, 'utf8');
	}
	const seed = createHash('sha256').update(url).digest();
	return placeholderPng(8 + (seed[0] % 56), 8 + (seed[1] % 56), url);
}

/** The 64-bit perceptual hash ImageKit reports, here derived from the content hash. */
export function perceptualHash(facts: ContentFacts): string {
	return facts.sha256.slice(0, 16);
}
