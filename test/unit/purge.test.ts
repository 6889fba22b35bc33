import { ImageKit, wildcardPurgeProblem } from '../../nodes/ImageKit/client';

const ENDPOINT = 'https://ik.imagekit.io/demo';

describe('wildcard purge rule', () => {
	it.each([
		['no wildcard', `${ENDPOINT}/images.png`],
		['two folder levels', `${ENDPOINT}/images/upload*`],
		['15 characters, not counting the leading /', `${ENDPOINT}/abcdefghijklmno*`],
		['a file name with its extension', `${ENDPOINT}/sample.jpg*`],
		['a file name in a folder', `${ENDPOINT}/images/sample.jpg*`],
		['a URL-endpoint pattern, which is left out', 'https://ik.imagekit.io/demo/pattern/a/b*'],
		['a custom domain as the endpoint', 'https://images.example.com/a/b*'],
	])('accepts %s', (_, url) => {
		const endpoint = url.includes('pattern')
			? 'https://ik.imagekit.io/demo/pattern'
			: url.includes('example.com')
				? 'https://images.example.com'
				: ENDPOINT;
		expect(wildcardPurgeProblem(url, endpoint)).toBeUndefined();
	});

	it.each([
		[
			'one folder level',
			`${ENDPOINT}/images*`,
			/^ends in a wildcard ImageKit refuses \(\/images\*\): /,
		],
		['an empty second level', `${ENDPOINT}/images/*`, /refuses \(\/images\/\*\)/],
		['14 characters (15 with the /)', `${ENDPOINT}/abcdefghijklmn*`, /refuses/],
		['14 characters once decoded', `${ENDPOINT}/%C3%A9bcdefghijklmn*`, /refuses/],
		['the endpoint alone', `${ENDPOINT}/*`, /refuses \(\/\*\)/],
		[
			'a pattern counted as a level',
			'https://ik.imagekit.io/demo/pattern/images*',
			/refuses \(\/images\*\)/,
		],
		['a * inside the path', `${ENDPOINT}/folder/*/sample.jpg`, /^has a \* before its end: /],
		['a * after a query', `${ENDPOINT}/sample.jpg?tr=w-100*`, /^has a \* after its query: /],
		['media/catalog/*', `${ENDPOINT}/media/catalog/*`, /^cannot purge \/media\/catalog\/\*: /],
		['what lies under media/catalog/', `${ENDPOINT}/media/catalog/product/*`, /^cannot purge/],
		['s/files/*', `${ENDPOINT}/s/files/*`, /^cannot purge \/s\/files\/\*: /],
	])('refuses %s, stating the rule', (_, url, problem) => {
		const endpoint = url.includes('pattern') ? 'https://ik.imagekit.io/demo/pattern' : ENDPOINT;
		const found = wildcardPurgeProblem(url, endpoint);
		expect(found).toMatch(problem);
		if (!/cannot purge/.test(found ?? ''))
			expect(found).toMatch(/two folder levels .+ 15 characters .+ extension/);
	});

	it('reads an ik.imagekit.io URL without a configured endpoint after the ImageKit ID', () => {
		expect(wildcardPurgeProblem('https://ik.imagekit.io/demo/images/upload*')).toBeUndefined();
		expect(wildcardPurgeProblem('https://ik.imagekit.io/demo/images*')).toMatch(/refuses/);
	});

	it('refuses before sending, naming the url option', async () => {
		const requests: unknown[] = [];
		const client = new ImageKit({
			privateKey: 'private_key_test',
			urlEndpoint: ENDPOINT,
			request: async (request) => {
				requests.push(request);
				return { status: 201, headers: {}, body: { requestId: 'r1' } };
			},
		});
		await expect(client.purgeCache(`${ENDPOINT}/images*`)).rejects.toMatchObject({
			field: 'url',
			message: expect.stringMatching(/^url ends in a wildcard ImageKit refuses/),
		});
		await expect(client.purgeCache('https://')).rejects.toMatchObject({ field: 'url' });
		expect(requests).toHaveLength(0);
		await expect(client.purgeCache(`${ENDPOINT}/images/upload*`)).resolves.toEqual({
			requestId: 'r1',
		});
	});
});
