const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;

export class MultipartError extends Error {}

export interface PartHeaders {
	name: string;
	fileName?: string;
	contentType?: string;
}

export interface MultipartHandlers {
	onPartStart(headers: PartHeaders): void;
	/** Chunks are views into the incoming buffers: copy them if they must outlive the call. */
	onPartData(chunk: Buffer): void;
	onPartEnd(): void;
}

type ParserState = 'preamble' | 'afterDelimiter' | 'headers' | 'body' | 'done';

/** The boundary of a multipart/form-data Content-Type, or undefined for any other type. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
	if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return undefined;
	const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * Push-style multipart/form-data parser: part bodies are handed out as they arrive, so a part of
 * any size passes through with only a boundary-length tail held back between chunks.
 */
export class MultipartParser {
	private readonly delimiter: Buffer;
	private state: ParserState = 'preamble';
	// Starts with a virtual CRLF so the first delimiter matches the same "\r\n--boundary" as the others.
	private pending: Buffer = CRLF;

	constructor(
		boundary: string,
		private readonly handlers: MultipartHandlers,
	) {
		this.delimiter = Buffer.from(`\r\n--${boundary}`);
	}

	write(chunk: Buffer): void {
		this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
		while (this.step()) {
			// each step consumes input; stop when a step needs more bytes
		}
	}

	end(): void {
		if (this.state !== 'done') {
			throw new MultipartError('The multipart body ended before its closing boundary.');
		}
	}

	/** Advances one state; returns false when more input is needed. */
	private step(): boolean {
		switch (this.state) {
			case 'preamble':
				return this.skipPreamble();
			case 'afterDelimiter':
				return this.readDelimiterTail();
			case 'headers':
				return this.readHeaders();
			case 'body':
				return this.readBody();
			case 'done':
				this.pending = Buffer.alloc(0);
				return false;
		}
	}

	private skipPreamble(): boolean {
		const index = this.pending.indexOf(this.delimiter);
		if (index < 0) {
			this.pending = this.pending.subarray(
				Math.max(0, this.pending.length - this.delimiter.length + 1),
			);
			return false;
		}
		this.pending = this.pending.subarray(index + this.delimiter.length);
		this.state = 'afterDelimiter';
		return true;
	}

	private readDelimiterTail(): boolean {
		if (this.pending.length < 2) return false;
		if (this.pending[0] === 0x2d && this.pending[1] === 0x2d) {
			this.state = 'done';
			return true;
		}
		const lineEnd = this.pending.indexOf(CRLF);
		if (lineEnd < 0) {
			if (this.pending.length > MAX_HEADER_BYTES)
				throw new MultipartError('Malformed multipart delimiter line.');
			return false;
		}
		// RFC 2046 allows transport padding (whitespace) between the delimiter and its CRLF.
		if (this.pending.subarray(0, lineEnd).toString('latin1').trim() !== '') {
			throw new MultipartError('Malformed multipart delimiter line.');
		}
		this.pending = this.pending.subarray(lineEnd + CRLF.length);
		this.state = 'headers';
		return true;
	}

	private readHeaders(): boolean {
		// A part without headers starts directly with the blank line.
		const headerEnd = this.pending.subarray(0, 2).equals(CRLF)
			? -2
			: this.pending.indexOf(HEADER_END);
		if (headerEnd === -1) {
			if (this.pending.length > MAX_HEADER_BYTES) {
				throw new MultipartError('Multipart part headers are too large.');
			}
			return false;
		}
		const headerBlock = headerEnd < 0 ? '' : this.pending.subarray(0, headerEnd).toString('utf8');
		this.pending = this.pending.subarray(
			headerEnd < 0 ? CRLF.length : headerEnd + HEADER_END.length,
		);
		this.handlers.onPartStart(parsePartHeaders(headerBlock));
		this.state = 'body';
		return true;
	}

	private readBody(): boolean {
		const index = this.pending.indexOf(this.delimiter);
		if (index < 0) {
			// Keep back just enough bytes to recognise a delimiter split across chunks.
			const safeLength = this.pending.length - this.delimiter.length + 1;
			if (safeLength > 0) {
				this.handlers.onPartData(this.pending.subarray(0, safeLength));
				this.pending = this.pending.subarray(safeLength);
			}
			return false;
		}
		if (index > 0) this.handlers.onPartData(this.pending.subarray(0, index));
		this.handlers.onPartEnd();
		this.pending = this.pending.subarray(index + this.delimiter.length);
		this.state = 'afterDelimiter';
		return true;
	}
}

function parsePartHeaders(block: string): PartHeaders {
	const headers = new Map<string, string>();
	for (const line of block.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0)
			headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
	}
	const disposition = headers.get('content-disposition');
	if (!disposition || !/^form-data\b/i.test(disposition)) {
		throw new MultipartError('A multipart part has no "Content-Disposition: form-data" header.');
	}
	const parameters = dispositionParameters(disposition);
	const name = parameters.get('name');
	if (name === undefined) throw new MultipartError('A multipart part has no name.');
	return {
		name,
		fileName: parameters.get('filename*') ?? parameters.get('filename'),
		contentType: headers.get('content-type'),
	};
}

function dispositionParameters(disposition: string): Map<string, string> {
	const parameters = new Map<string, string>();
	const pattern = /;\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
	for (const [, rawKey, rawValue] of disposition.matchAll(pattern)) {
		const key = rawKey.toLowerCase();
		const value = rawValue.startsWith('"')
			? rawValue.slice(1, -1).replace(/\\(.)/g, '$1')
			: rawValue.trim();
		parameters.set(key, key.endsWith('*') ? decodeExtendedValue(value) : value);
	}
	return parameters;
}

/** RFC 5987 `charset'language'percent-encoded` values, as in `filename*=UTF-8''na%C3%AFve.png`. */
function decodeExtendedValue(value: string): string {
	const match = /^[^']*'[^']*'(.*)$/.exec(value);
	try {
		return decodeURIComponent(match ? match[1] : value);
	} catch {
		return value;
	}
}
