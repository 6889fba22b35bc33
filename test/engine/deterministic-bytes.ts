import { createCipheriv, createHash } from 'node:crypto';
import { Readable } from 'node:stream';

const CHUNK_BYTES = 1024 * 1024;

/**
 * Yields `sizeBytes` pseudo-random bytes derived from `seed`, one chunk at a time, so files of
 * hundreds of MiB never sit in memory. AES-256-CTR over zeros is fast and incompressible, like
 * real media.
 */
function* deterministicChunks(seed: string, sizeBytes: number): Generator<Buffer> {
	const key = createHash('sha256').update(seed).digest();
	const keystream = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
	const zeros = Buffer.alloc(CHUNK_BYTES);
	for (let offset = 0; offset < sizeBytes; offset += CHUNK_BYTES) {
		yield keystream.update(zeros.subarray(0, Math.min(CHUNK_BYTES, sizeBytes - offset)));
	}
}

export function deterministicStream(seed: string, sizeBytes: number): Readable {
	return Readable.from(deterministicChunks(seed, sizeBytes));
}

export function expectedSha256(seed: string, sizeBytes: number): string {
	const hash = createHash('sha256');
	for (const chunk of deterministicChunks(seed, sizeBytes)) hash.update(chunk);
	return hash.digest('hex');
}

export async function sha256OfStream(stream: Readable): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of stream) hash.update(chunk as Buffer);
	return hash.digest('hex');
}
