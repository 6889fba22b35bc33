import { MultipartError, MultipartParser, multipartBoundary, type PartHeaders } from './multipart';

interface CollectedPart {
	headers: PartHeaders;
	body: Buffer;
}

function collect(boundary: string, chunks: Buffer[]) {
	const parts: CollectedPart[] = [];
	let current: { headers: PartHeaders; chunks: Buffer[] } | undefined;
	const parser = new MultipartParser(boundary, {
		onPartStart: (headers) => (current = { headers, chunks: [] }),
		onPartData: (chunk) => current?.chunks.push(Buffer.from(chunk)),
		onPartEnd: () =>
			current && parts.push({ headers: current.headers, body: Buffer.concat(current.chunks) }),
	});
	for (const chunk of chunks) parser.write(chunk);
	parser.end();
	return parts;
}

const BOUNDARY = '----emulator-boundary';
const BODY = Buffer.concat([
	Buffer.from('preamble to ignore\r\n'),
	Buffer.from(
		`--${BOUNDARY}\r\nContent-Disposition: form-data; name="fileName"\r\n\r\nphoto.png\r\n`,
	),
	Buffer.from(
		`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a \\"b\\".png"; filename*=UTF-8''na%C3%AFve.png\r\n` +
			'Content-Type: image/png\r\n\r\n',
	),
	Buffer.from([0, 1, 2, 13, 10, 45, 45, 255]), // binary with CRLF and dashes inside
	Buffer.from(
		`\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="empty"\r\n\r\n\r\n--${BOUNDARY}--\r\nepilogue`,
	),
]);

describe('MultipartParser', () => {
	it('reads fields and file parts, whatever the chunking', () => {
		const expected = [
			{
				headers: { name: 'fileName', fileName: undefined, contentType: undefined },
				body: Buffer.from('photo.png'),
			},
			{
				headers: { name: 'file', fileName: 'naïve.png', contentType: 'image/png' },
				body: Buffer.from([0, 1, 2, 13, 10, 45, 45, 255]),
			},
			{
				headers: { name: 'empty', fileName: undefined, contentType: undefined },
				body: Buffer.alloc(0),
			},
		];
		expect(collect(BOUNDARY, [BODY])).toEqual(expected);
		const byteByByte = Array.from(BODY, (byte) => Buffer.from([byte]));
		expect(collect(BOUNDARY, byteByByte)).toEqual(expected);
		for (const size of [2, 7, BOUNDARY.length + 3]) {
			const chunks = [];
			for (let offset = 0; offset < BODY.length; offset += size)
				chunks.push(BODY.subarray(offset, offset + size));
			expect(collect(BOUNDARY, chunks)).toEqual(expected);
		}
	});

	it('hands a large part out while it streams, holding back only a boundary-sized tail', () => {
		let received = 0;
		let receivedBeforeEnd = 0;
		const parser = new MultipartParser(BOUNDARY, {
			onPartStart: () => undefined,
			onPartData: (chunk) => (received += chunk.length),
			onPartEnd: () => (receivedBeforeEnd = received),
		});
		parser.write(
			Buffer.from(
				`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n\r\n`,
			),
		);
		const chunk = Buffer.alloc(64 * 1024, 7);
		for (let index = 0; index < 16; index++) {
			parser.write(chunk);
			expect(received).toBeGreaterThan((index + 1) * chunk.length - BOUNDARY.length - 8);
		}
		parser.write(Buffer.from(`\r\n--${BOUNDARY}--`));
		parser.end();
		expect(receivedBeforeEnd).toBe(16 * chunk.length);
	});

	it('refuses a body without its closing boundary or with a part lacking a name', () => {
		expect(() => collect(BOUNDARY, [BODY.subarray(0, BODY.length - 20)])).toThrow(MultipartError);
		const nameless = Buffer.from(
			`--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${BOUNDARY}--`,
		);
		expect(() => collect(BOUNDARY, [nameless])).toThrow('no name');
	});

	it('finds the boundary of multipart/form-data content types only', () => {
		expect(multipartBoundary('multipart/form-data; boundary=abc')).toBe('abc');
		expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary="a b"')).toBe('a b');
		expect(multipartBoundary('application/json')).toBeUndefined();
		expect(multipartBoundary(undefined)).toBeUndefined();
	});
});
