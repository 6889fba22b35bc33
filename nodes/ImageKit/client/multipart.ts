import { randomBytes } from 'crypto';

import type { StreamedBody } from './requester';

/** File content for an upload: text (a URL or base64) or bytes, held or streamed. */
export type UploadFileContent = string | Uint8Array | AsyncIterable<Uint8Array>;

export interface MultipartFile {
	content: Uint8Array | AsyncIterable<Uint8Array>;
	/** Exact byte length; required for streamed content, so the body has a Content-Length. */
	size: number;
	fileName: string;
	contentType?: string;
}

function quote(value: string): string {
	// RFC 7578: the name and filename parameters are quoted strings; CR, LF and quotes are escaped.
	return value.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}

/**
 * A multipart/form-data body framed by hand, so a file is streamed through without being held
 * in memory, and the Content-Length is known up front. It presents itself as a Blob, which n8n's
 * HTTP layer (axios) streams from `stream()`, taking `size` and `type` for the headers.
 */
export class MultipartBody implements StreamedBody {
	readonly type: string;
	readonly size: number;
	private readonly head: Buffer;
	private readonly tail: Buffer;

	constructor(
		fields: Array<[string, string]>,
		private readonly file?: MultipartFile & { fieldName: string },
	) {
		const boundary = `----ImageKitBoundary${randomBytes(12).toString('hex')}`;
		this.type = `multipart/form-data; boundary=${boundary}`;
		let head = '';
		for (const [name, value] of fields) {
			head += `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`;
		}
		if (file) {
			head +=
				`--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.fieldName)}"; ` +
				`filename="${quote(file.fileName)}"\r\n` +
				`Content-Type: ${file.contentType || 'application/octet-stream'}\r\n\r\n`;
		}
		this.head = Buffer.from(head, 'utf8');
		this.tail = Buffer.from(`${file ? '\r\n' : ''}--${boundary}--\r\n`, 'utf8');
		this.size = this.head.length + (file?.size ?? 0) + this.tail.length;
	}

	get [Symbol.toStringTag]() {
		return 'Blob';
	}

	get contentType() {
		return this.type;
	}

	get contentLength() {
		return this.size;
	}

	/** Whether the body can be sent a second time (a stream can be read only once). */
	get replayable() {
		return !this.file || this.file.content instanceof Uint8Array;
	}

	async *stream(): AsyncIterable<Uint8Array> {
		yield this.head;
		if (this.file) {
			let sent = 0;
			if (this.file.content instanceof Uint8Array) {
				sent = this.file.content.length;
				yield this.file.content;
			} else {
				for await (const chunk of this.file.content) {
					sent += chunk.length;
					yield chunk;
				}
			}
			if (sent !== this.file.size) {
				throw new Error(
					`The file had ${sent} bytes, not the ${this.file.size} announced; the upload was cut off`,
				);
			}
		}
		yield this.tail;
	}
}
