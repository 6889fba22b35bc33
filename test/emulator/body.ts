import { createHash, type Hash } from 'crypto';
import type { IncomingMessage } from 'http';

import { MultipartError, MultipartParser, multipartBoundary, type PartHeaders } from './multipart';

/** Bodies and file parts are kept in memory only below this size; larger ones are hashed and counted. */
export const MAX_RETAINED_BYTES = 1024 * 1024;
/** Leading bytes of a file part kept for content sniffing (format, dimensions). */
export const CONTENT_HEAD_BYTES = 64 * 1024;
/** A text field (e.g. a base64 `file`) has to be held in memory; beyond this the upload is refused. */
const MAX_FIELD_BYTES = 64 * 1024 * 1024;

export interface ReceivedFilePart {
	fileName: string;
	contentType: string;
	size: number;
	sha256: string;
	/** The whole part, only when it is smaller than MAX_RETAINED_BYTES. */
	bytes?: Buffer;
	head: Buffer;
}

export interface ParsedForm {
	fields: Record<string, string>;
	file?: ReceivedFilePart;
}

export interface ParsedBody {
	/** The body bytes; for multipart bodies only when smaller than MAX_RETAINED_BYTES (see `size`). */
	raw: Buffer;
	size: number;
	json?: unknown;
	form?: ParsedForm;
	/** Why the body could not be read as the JSON or multipart it declared to be. */
	problem?: string;
}

/** Collects chunks until the total reaches `limit`, then lets them all go. */
class RetainedBytes {
	private chunks: Buffer[] | undefined = [];
	private total = 0;

	constructor(private readonly limit: number) {}

	push(chunk: Buffer): void {
		this.total += chunk.length;
		if (this.total >= this.limit) this.chunks = undefined;
		// Copy: part data are views into larger request chunks, which would otherwise stay alive.
		else this.chunks?.push(Buffer.from(chunk));
	}

	get bytes(): Buffer | undefined {
		return this.chunks && Buffer.concat(this.chunks);
	}
}

interface PartSink {
	write(chunk: Buffer): void;
	finish(form: ParsedForm): void;
}

class FieldSink implements PartSink {
	private readonly chunks: Buffer[] = [];
	private size = 0;

	constructor(private readonly name: string) {}

	write(chunk: Buffer): void {
		this.size += chunk.length;
		if (this.size > MAX_FIELD_BYTES) {
			throw new MultipartError(
				'Your request contains invalid file parameter. The file size exceeds limits.',
			);
		}
		this.chunks.push(Buffer.from(chunk));
	}

	finish(form: ParsedForm): void {
		form.fields[this.name] = Buffer.concat(this.chunks).toString('utf8');
	}
}

class FileSink implements PartSink {
	private readonly hash: Hash = createHash('sha256');
	private readonly retained = new RetainedBytes(MAX_RETAINED_BYTES);
	private readonly headChunks: Buffer[] = [];
	private headSize = 0;
	private size = 0;

	constructor(private readonly headers: PartHeaders) {}

	write(chunk: Buffer): void {
		this.size += chunk.length;
		this.hash.update(chunk);
		this.retained.push(chunk);
		if (this.headSize < CONTENT_HEAD_BYTES) {
			const slice = Buffer.from(chunk.subarray(0, CONTENT_HEAD_BYTES - this.headSize));
			this.headChunks.push(slice);
			this.headSize += slice.length;
		}
	}

	finish(form: ParsedForm): void {
		form.file = {
			fileName: this.headers.fileName ?? '',
			contentType: this.headers.contentType ?? 'application/octet-stream',
			size: this.size,
			sha256: this.hash.digest('hex'),
			bytes: this.retained.bytes,
			head: Buffer.concat(this.headChunks),
		};
	}
}

/**
 * The `file` part is streamed through a hash; every other part is a text field. A `file` part is
 * binary when it names a file or declares a non-text type (clients differ in which they send).
 */
function isStreamedFilePart(headers: PartHeaders): boolean {
	if (headers.name !== 'file') return false;
	return (
		headers.fileName !== undefined || !/^text\/plain\b/i.test(headers.contentType ?? 'text/plain')
	);
}

/** Reads a request body to its end: multipart bodies stream through the parser, others are buffered. */
export async function readRequestBody(request: IncomingMessage): Promise<ParsedBody> {
	const contentType = request.headers['content-type'];
	const boundary = multipartBoundary(contentType);
	if (boundary !== undefined) return readMultipartBody(request, boundary);

	const chunks: Buffer[] = [];
	for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
	const raw = Buffer.concat(chunks);
	if (raw.length === 0 || !/\bjson\b/i.test(contentType ?? '')) return { raw, size: raw.length };
	try {
		return { raw, size: raw.length, json: JSON.parse(raw.toString('utf8')) };
	} catch {
		return { raw, size: raw.length, problem: 'Your request contains invalid JSON body.' };
	}
}

/** A malformed body is still read to its end, so the client gets an answer rather than a broken pipe. */
async function readMultipartBody(request: IncomingMessage, boundary: string): Promise<ParsedBody> {
	const retained = new RetainedBytes(MAX_RETAINED_BYTES);
	const form: ParsedForm = { fields: {} };
	let size = 0;
	let problem: string | undefined;
	let sink: PartSink | undefined;
	const parser = new MultipartParser(boundary, {
		onPartStart: (headers) => {
			sink = isStreamedFilePart(headers) ? new FileSink(headers) : new FieldSink(headers.name);
		},
		onPartData: (chunk) => sink?.write(chunk),
		onPartEnd: () => sink?.finish(form),
	});
	const parseUnlessFailed = (step: () => void) => {
		if (problem !== undefined) return;
		try {
			step();
		} catch (error) {
			if (!(error instanceof MultipartError)) throw error;
			problem = error.message;
		}
	};

	for await (const chunk of request as AsyncIterable<Buffer>) {
		size += chunk.length;
		retained.push(chunk);
		parseUnlessFailed(() => parser.write(chunk));
	}
	parseUnlessFailed(() => parser.end());
	const raw = retained.bytes ?? Buffer.alloc(0);
	return problem === undefined ? { raw, size, form } : { raw, size, problem };
}
