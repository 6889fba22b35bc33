import { ImageKitInputError } from './errors';

const HEX = /^[0-9a-f]+$/i;

function normalise(field: string, value: string | number): string {
	// A number is read as its digits, as the older SDKs did: 2222222222222222 is the hash "2222…".
	const text = typeof value === 'number' ? String(value) : value;
	if (typeof text !== 'string' || text.trim() === '') {
		throw new ImageKitInputError(
			field,
			`Missing pHash value: pass two pHash values (16 hex characters each)`,
		);
	}
	const trimmed = text.trim();
	if (!HEX.test(trimmed)) {
		throw new ImageKitInputError(
			field,
			`Invalid pHash value "${trimmed}": a pHash is a hexadecimal string such as f06830ca9f1e3e90`,
		);
	}
	return trimmed.toLowerCase();
}

/** Number of differing bits between two perceptual hashes of equal length (0 = same image). */
export function phashDistance(first: string | number, second: string | number): number {
	const a = normalise('first', first);
	const b = normalise('second', second);
	if (a.length !== b.length) {
		throw new ImageKitInputError(
			'second',
			`Unequal pHash length: the two pHash values have ${a.length} and ${b.length} characters; they must match`,
		);
	}
	let distance = 0;
	for (let index = 0; index < a.length; index++) {
		let differing = parseInt(a[index], 16) ^ parseInt(b[index], 16);
		while (differing) {
			distance += differing & 1;
			differing >>= 1;
		}
	}
	return distance;
}
