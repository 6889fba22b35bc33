import type { INodeParameters } from 'n8n-workflow';

import { useNodeFixture } from './fixture';

const fixture = useNodeFixture();

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

// Every operation that puts a typed ID into the request path, with the field's label.
const operations: Array<[string, string, (value: string, fileId: string) => INodeParameters]> = [
	[
		'Version ID',
		'fileVersion → delete',
		(value, fileId) => ({
			resource: 'fileVersion',
			operation: 'delete',
			fileId: byId(fileId),
			versionId: value,
		}),
	],
	[
		'Version ID',
		'fileVersion → restore',
		(value, fileId) => ({
			resource: 'fileVersion',
			operation: 'restore',
			fileId: byId(fileId),
			versionId: value,
		}),
	],
	[
		'Version ID',
		'fileVersion → get',
		(value, fileId) => ({
			resource: 'fileVersion',
			operation: 'get',
			fileId: byId(fileId),
			versionId: value,
		}),
	],
	[
		'File',
		'fileVersion → getAll',
		(value) => ({
			resource: 'fileVersion',
			operation: 'getAll',
			fileId: byId(value),
		}),
	],
	[
		'File',
		'file → delete',
		(value) => ({ resource: 'file', operation: 'delete', fileId: byId(value) }),
	],
	['File', 'file → get', (value) => ({ resource: 'file', operation: 'get', fileId: byId(value) })],
	[
		'File',
		'file → update',
		(value) => ({
			resource: 'file',
			operation: 'update',
			fileId: byId(value),
			updateFields: { description: 'x' },
		}),
	],
	[
		'Request ID',
		'cache → getPurgeStatus',
		(value) => ({
			resource: 'cache',
			operation: 'getPurgeStatus',
			requestId: value,
		}),
	],
	[
		'Job ID',
		'folder → getJobStatus',
		(value) => ({
			resource: 'folder',
			operation: 'getJobStatus',
			jobId: value,
		}),
	],
	[
		'Field ID',
		'customMetadataField → delete',
		(value) => ({
			resource: 'customMetadataField',
			operation: 'delete',
			fieldId: value,
		}),
	],
	[
		'Origin',
		'origin → delete',
		(value) => ({ resource: 'origin', operation: 'delete', originId: value }),
	],
	[
		'URL Endpoint',
		'urlEndpoint → delete',
		(value) => ({
			resource: 'urlEndpoint',
			operation: 'delete',
			urlEndpointId: value,
		}),
	],
	[
		'Saved Extension',
		'savedExtension → delete',
		(value) => ({
			resource: 'savedExtension',
			operation: 'delete',
			savedExtensionId: value,
		}),
	],
];

describe('IDs never change the endpoint', () => {
	it.each(
		operations.flatMap(([label, name, parameters]) =>
			(['..', '.', 'abc/..', 'a?b', 'a#b', 'a\\b'] as const).map(
				(value) => [name, value, label, parameters] as const,
			),
		),
	)('%s refuses %p, naming the field, before any request', async (_, value, label, parameters) => {
		const file = fixture.emulator.seedFile();
		const result = await fixture.run(parameters(value, file.fileId));
		expect(result.error).toMatchObject({ name: 'NodeOperationError' });
		const problem =
			value === '.' || value === '..'
				? `cannot be "${value}"`
				: `cannot contain "${/[/?#\\]/.exec(value)?.[0]}"`;
		expect(result.error?.message).toMatch(
			new RegExp(`^'${label}' ${escape(problem)}: give .+, e\\.g\\. `),
		);
		expect(fixture.emulator.requests).toEqual([]);
		expect(fixture.emulator.files.map((stored) => stored.fileId)).toEqual([file.fileId]);
	});

	it('Version ID ".." no longer deletes the whole file, also with continueOnFail', async () => {
		const file = fixture.emulator.seedFile();
		const result = await fixture.run(
			{ resource: 'fileVersion', operation: 'delete', fileId: byId(file.fileId), versionId: '..' },
			{ continueOnFail: true },
		);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				error:
					'\'Version ID\' cannot be "..": give the ID of one version, e.g. 598821f949c0a938d57563be',
			},
		]);
		expect(fixture.emulator.requests).toEqual([]);
		expect(fixture.emulator.files).toHaveLength(1);
	});
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
