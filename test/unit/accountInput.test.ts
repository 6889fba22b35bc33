import { ImageKit, ImageKitInputError, usageRange } from '../../nodes/ImageKit/client';
import type { HttpRequest } from '../../nodes/ImageKit/client';

describe('usageRange', () => {
	it('takes the calendar day of dates, ISO timestamps and date objects that print as ISO', () => {
		const luxonLike = { toString: () => '2024-03-01T10:00:00.000+01:00' };
		expect(usageRange('2024-01-01T23:59:59', new Date('2024-02-01T00:00:00Z'))).toEqual({
			startDate: '2024-01-01',
			endDate: '2024-02-01',
		});
		expect(usageRange('2024-02-01', luxonLike)).toEqual({
			startDate: '2024-02-01',
			endDate: '2024-03-01',
		});
	});

	it('allows 1 to 89 days, the end date excluded', () => {
		expect(() => usageRange('2024-01-01', '2024-01-02')).not.toThrow();
		expect(() => usageRange('2024-01-01', '2024-03-30')).not.toThrow();
		expect(() => usageRange('2024-01-01', '2024-03-31')).toThrow(
			'startDate (2024-01-01) and endDate (2024-03-31) are 90 days apart; ImageKit allows fewer than 90',
		);
		expect(() => usageRange('2024-01-01', '2024-01-01')).toThrow(
			/endDate \(2024-01-01\) must be after startDate/,
		);
	});

	it('names the field at fault', () => {
		const failure = (start: unknown, end: unknown) => {
			try {
				usageRange(start, end);
			} catch (error) {
				return error as ImageKitInputError;
			}
			throw new Error('no error');
		};
		expect(failure('2024-13-01', '2024-01-01')).toMatchObject({
			field: 'startDate',
			message: `startDate must be a date such as 2024-01-31, got "2024-13-01"`,
		});
		expect(failure('2024-01-01', 'yesterday')).toMatchObject({ field: 'endDate' });
		expect(failure('2024-02-10', '2024-02-01')).toMatchObject({
			field: 'endDate',
			message: expect.stringMatching(/^endDate/),
		});
		expect(failure(undefined, '2024-01-01')).toBeInstanceOf(ImageKitInputError);
	});
});

describe('account client input checks', () => {
	const sent: HttpRequest[] = [];
	const client = new ImageKit({
		privateKey: 'private_x',
		request: async (request) => {
			sent.push(request);
			return { status: 200, headers: {}, body: {} };
		},
	});
	beforeEach(() => (sent.length = 0));

	it('sends usage dates as YYYY-MM-DD and refuses bad ranges without a request', async () => {
		await client.getUsage(new Date('2024-05-01T12:00:00Z'), '2024-05-08');
		expect(sent[0]).toMatchObject({
			method: 'GET',
			query: { startDate: '2024-05-01', endDate: '2024-05-08' },
		});
		await expect(client.getUsage('2024-05-08', '2024-05-01')).rejects.toThrow(ImageKitInputError);
		expect(sent).toHaveLength(1);
	});

	it('checks origin type and name, URL endpoint origins and saved extension configs', async () => {
		await expect(client.createOrigin({ type: 'FTP' as never, name: 'x' })).rejects.toMatchObject({
			field: 'type',
		});
		await expect(client.createOrigin({ type: 'WEB_PROXY', name: ' ' })).rejects.toMatchObject({
			field: 'name',
		});
		const origins = Array.from({ length: 11 }, (_, index) => `o${index}`);
		await expect(client.createUrlEndpoint({ description: 'd', origins })).rejects.toMatchObject({
			field: 'origins',
		});
		await expect(
			client.createSavedExtension({
				name: 'n',
				description: 'd',
				config: { name: 'saved-extension', id: 'ext_1' },
			}),
		).rejects.toMatchObject({ field: 'config' });
		await expect(client.updateSavedExtension('ext_1', { name: '' })).rejects.toMatchObject({
			field: 'name',
		});
		expect(sent).toEqual([]);

		await client.updateSavedExtension('ext_1', { description: 'new' });
		expect(sent[0]).toMatchObject({ method: 'PATCH', body: { description: 'new' } });
		expect(sent[0].url).toMatch(/\/v1\/saved-extensions\/ext_1$/);
	});
});
