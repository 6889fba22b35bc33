import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import { ImageKit } from '../../nodes/ImageKit/client';
import { createFetchRequester } from '../../nodes/ImageKit/client';
import { PRIVATE_KEY, PUBLIC_KEY, useNodeFixture } from './fixture';

// The README's examples, run: each Operations-table row with an output (`→ { … }`) through the node
// in n8n's engine, and each commented result of the client snippet through the client, both against
// the emulator with the tests' fixed key, so the README can never drift from what the product does.
// `…` in the README stands for what the emulator makes up (IDs, dates): any value, or any text
// inside a string. Every other character must match.

const README = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const ANY = '⟨any value⟩';

/** The README's output text as an expected value: `…` as a value is anything, in a string any text. */
function expectedFromReadme(text: string): unknown {
	const json = text.replace(/(^|[\s:[,])…(?=[\s,}\]])/g, `$1"${ANY}"`);
	const toMatcher = (value: unknown): unknown => {
		if (value === ANY) return expect.anything();
		if (typeof value === 'string' && value.includes('…')) {
			const pattern = value
				.split('…')
				.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
				.join('.*');
			return expect.stringMatching(new RegExp(`^${pattern}$`));
		}
		if (Array.isArray(value)) return value.map(toMatcher);
		if (typeof value === 'object' && value !== null) {
			return Object.fromEntries(
				Object.entries(value).map(([key, inner]) => [key, toMatcher(inner)]),
			);
		}
		return value;
	};
	return toMatcher(JSON.parse(json));
}

/** Operations-table rows with an output: "Resource → Operation" → the output text. */
function operationExamples(): Map<string, string> {
	const section = README.slice(
		README.indexOf('## Operations'),
		README.indexOf('### Bulk outcomes'),
	);
	const examples = new Map<string, string>();
	for (const line of section.split('\n')) {
		const cells = line.split('|').map((cell) => cell.trim());
		const output = /→ `(\{.*\})`\s*$/.exec(cells[4] ?? '')?.[1];
		if (output) examples.set(`${cells[1]} → ${cells[2]}`, output);
	}
	return examples;
}

const fixture = useNodeFixture('default', { urlEndpoint: 'https://ik.imagekit.io/demo' });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** What each example's inputs are as node parameters, with what the emulator must hold first. */
const OPERATION_INPUTS: Record<string, () => INodeParameters> = {
	'Image URL → Generate': () => ({
		resource: 'imageUrl',
		operation: 'generate',
		source: 'path',
		path: '/shoes/red.jpg',
		steps: { step: [{ parameters: { width: 300, height: 300 } }] },
		options: { signed: true },
	}),
	'Image URL → Get Responsive Attributes': () => ({
		resource: 'imageUrl',
		operation: 'getResponsiveAttributes',
		source: 'path',
		path: '/shoes/red.jpg',
		options: { width: 400 },
	}),
	'File → Rename': () => {
		const shoe = fixture.emulator.seedFile({ name: 'shoe.jpg', folder: '/products/' });
		return {
			resource: 'file',
			operation: 'rename',
			fileId: byId(shoe.fileId),
			newFileName: 'red-shoe.jpg',
			options: { purgeCache: true },
		};
	},
	'Folder → Create': () => ({
		resource: 'folder',
		operation: 'create',
		folderName: 'summer sale',
		parentFolderPath: { __rl: true, mode: 'path', value: '/products/' },
	}),
	'Folder → Delete': () => {
		fixture.emulator.seedFile({ name: 'a.jpg', folder: '/products/old/' });
		return {
			resource: 'folder',
			operation: 'delete',
			folderPath: { __rl: true, mode: 'path', value: '/products/old/' },
		};
	},
	'Folder → Copy': () => {
		fixture.emulator.seedFile({ name: 'a.jpg', folder: '/products/shoes/' });
		fixture.emulator.bulkJobPendingPolls = 0;
		return {
			resource: 'folder',
			operation: 'copy',
			sourceFolderPath: { __rl: true, mode: 'path', value: '/products/shoes/' },
			destinationPath: { __rl: true, mode: 'path', value: '/archive/' },
		};
	},
	'Cache → Purge': () => ({
		resource: 'cache',
		operation: 'purge',
		url: 'https://ik.imagekit.io/demo/shoe.jpg',
	}),
	'Upload Auth & pHash → Compare pHash': () => ({
		resource: 'utility',
		operation: 'comparePhash',
		firstPhash: '2d5ad3936d2e015b',
		secondPhash: '2d6ed293db36a4fb',
	}),
	'Account → Get Usage': () => ({
		resource: 'account',
		operation: 'getUsage',
		startDate: '2024-01-01',
		endDate: '2024-02-01',
	}),
};

describe('README: the Operations table’s examples', () => {
	const examples = operationExamples();

	it('has inputs here for every example with an output, and no inputs for an example it lacks', () => {
		expect([...examples.keys()].sort()).toEqual(Object.keys(OPERATION_INPUTS).sort());
	});

	it.each([...examples])('%s → %s', async (name, output) => {
		const result = await fixture.run(OPERATION_INPUTS[name]());
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([expectedFromReadme(output)]);
	});
});

/** A commented result in the client snippet: the statement before it, and what it claims. */
interface ClientClaim {
	statement: string;
	claim: string;
}

/** Comments that claim a value (a URL, a number, an object), not the prose ones. */
const RESULT_COMMENT = /^(https?:\/\/|\d|\{)/;

function clientClaims(): ClientClaim[] {
	const start = README.indexOf('```js', README.indexOf('## The client, for code'));
	const code = README.slice(start + '```js'.length, README.indexOf('```', start + 5));
	const claims: ClientClaim[] = [];
	let statement = '';
	for (const line of code.split('\n')) {
		const comment = /^\s*\/\/ (.*)$/.exec(line)?.[1];
		if (comment !== undefined) {
			// A comment line right after a statement is that statement's result.
			if (statement.endsWith(';') && RESULT_COMMENT.test(comment)) {
				claims.push({ statement, claim: comment });
			}
			continue;
		}
		const [code, trailing] = line.split(/;\s*\/\/ /);
		statement = statement.endsWith(';') || statement === '' ? code : `${statement}\n${code}`;
		if (trailing !== undefined) {
			statement += ';';
			if (RESULT_COMMENT.test(trailing)) claims.push({ statement, claim: trailing });
		} else if (!code.trim().endsWith(';')) {
			continue;
		}
	}
	return claims;
}

/** A claim's text as a check: `a or b`, objects in shorthand (`{ key, key: 'x…' | 'y', … }`). */
function claimHolds(claim: string, value: unknown): boolean {
	const alternatives = claim.split(/ or /);
	if (alternatives.length > 1) return alternatives.some((one) => claimHolds(one.trim(), value));
	if (/^\d+$/.test(claim)) return value === Number(claim);
	if (/^https?:\/\//.test(claim)) return value === claim;
	const entries = splitTopLevel(claim.replace(/^\{\s*|\s*\}$/g, ''));
	if (typeof value !== 'object' || value === null) return false;
	const object = value as Record<string, unknown>;
	const open = entries.includes('…');
	const keys = entries.filter((entry) => entry !== '…').map((entry) => entry.split(':')[0].trim());
	if (!open && Object.keys(object).sort().join() !== [...keys].sort().join()) return false;
	return entries
		.filter((entry) => entry.includes(':'))
		.every((entry) => {
			const [key, ...rest] = entry.split(':');
			const wanted = rest.join(':').trim();
			return wanted.split(/\s*\|\s*/).some((option) => literalHolds(option, object[key.trim()]));
		});
}

function literalHolds(literal: string, value: unknown): boolean {
	const quoted = /^'(.*)'$/.exec(literal)?.[1];
	if (quoted === undefined) return JSON.stringify(value) === literal;
	const pattern = quoted
		.split('…')
		.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return typeof value === 'string' && new RegExp(`^${pattern}$`).test(value);
}

/** Splits at commas outside quotes and brackets. */
function splitTopLevel(text: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let quote = '';
	let current = '';
	for (const char of text) {
		if (quote) {
			if (char === quote) quote = '';
		} else if (char === "'") quote = char;
		else if ('([{'.includes(char)) depth++;
		else if (')]}'.includes(char)) depth--;
		else if (char === ',' && depth === 0) {
			parts.push(current.trim());
			current = '';
			continue;
		}
		current += char;
	}
	if (current.trim()) parts.push(current.trim());
	return parts;
}

describe('README: the client snippet’s commented results', () => {
	const claims = clientClaims();

	it('finds the claims to check', () => {
		expect(claims.length).toBeGreaterThanOrEqual(6);
	});

	it.each(claims.map((claim) => [claim.statement.trim(), claim.claim] as const))(
		'%s → %s',
		async (statement, claim) => {
			// The snippet's client, with the emulator standing in for ImageKit's hosts.
			const imagekit = new ImageKit({
				privateKey: PRIVATE_KEY,
				publicKey: PUBLIC_KEY,
				urlEndpoint: 'https://ik.imagekit.io/your_id',
				apiBaseUrl: fixture.emulator.baseUrl,
				uploadBaseUrl: fixture.emulator.baseUrl,
				request: createFetchRequester(PRIVATE_KEY),
			});
			fixture.emulator.seedFile({ name: 'shoe.jpg', folder: '/' });
			fixture.emulator.seedFile({ name: 'a.jpg', folder: '/products/shoes/' });
			const { jobId } = await imagekit.copyFolder('/products/shoes/', '/archive/', true);
			const expression = statement.replace(/;$/, '').replace(/^await /, '');
			const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
				...args: string[]
			) => (...values: unknown[]) => Promise<unknown>;
			const run = new AsyncFunction(
				'imagekit',
				'ImageKit',
				'jobId',
				`return await (${expression});`,
			);
			const value = await run(imagekit, ImageKit, jobId);
			expect({ value, holds: claimHolds(claim, value) }).toEqual({ value, holds: true });
		},
	);
});
