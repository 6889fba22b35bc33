// Every case of the seed's URL suite: ImageKit Python SDK 2.x, tests/test_generate_url.py. The tag
// 2.2.8 copy is not stored; this is the closest stored 2.x version (imagekit-python @ 56e66c5: it
// expects `ik-sdk-version=python-2.2.8` style markers and url-encoded `tr`, as 2.2.8 writes them).
// Both URLs are compared after `new URL()` normalisation, without `ik-sdk-version` (which this client
// never writes); a signed URL must carry the signature ImageKit computes over that normalised form.
import type { UrlOptions } from '../../nodes/ImageKit/client/url';
import { buildUrl } from '../../nodes/ImageKit/client/url';
import { normalised, signatureVerifies, signedParts } from './urlChecks';

const SEED = {
	privateKey: 'private_key_test',
	urlEndpoint: 'https://test-domain.com/test-endpoint',
};
const SDK = 'ik-sdk-version=python-2.2.8';
const OTHER_ENDPOINT = 'https://ik.imagekit.io/your_imagekit_id/endpoint/';
const SRC = 'https://ik.imagekit.io/ldt7znpgpjs/test_YhNhoRxWt.jpg';
const HW = [{ height: '300', width: '400' }];
const CHAINED = [
	{ height: '300', width: '400', format: 'jpg', progressive: 'true', effect_contrast: '1' },
	{ rotation: 90 },
];
const CHAINED_TR = 'tr=h-300%2Cw-400%2Cf-jpg%2Cpr-true%2Ce-contrast-1%3Art-90';

interface SeedCase {
	/** The seed test's name. */
	test: string;
	options: UrlOptions;
	/** The seed's expected URL; for a signed case, what it is before `ik-t`/`ik-s`. */
	expected?: string;
	/** The seed's own assertions on the URL, where it has no exact expectation. */
	check?: (url: string) => void;
	/** Signed: the signature must verify over the normalised URL. */
	signed?: boolean;
	now?: number;
}

const ALL_PARAMS = {
	height: 300,
	width: 400,
	aspect_ratio: '4-3',
	quality: 40,
	crop: 'force',
	crop_mode: 'extract',
	focus: 'left',
	format: 'jpeg',
	radius: 50,
	bg: 'A94D34',
	border: '5-A94D34',
	rotation: 90,
	blur: 10,
	named: 'some_name',
	overlay_x: 35,
	overlay_y: 35,
	overlay_focus: 'bottom',
	overlay_height: 20,
	overlay_width: 20,
	overlay_image: '/folder/file.jpg',
	overlay_image_trim: false,
	overlay_image_aspect_ratio: '4:3',
	overlay_image_background: '0F0F0F',
	overlay_image_border: '10_0F0F0F',
	overlay_image_dpr: 2,
	overlay_image_quality: 50,
	overlay_image_cropping: 'force',
	overlay_text: 'two words',
	overlay_text_font_size: 20,
	overlay_text_font_family: 'Open Sans',
	overlay_text_color: '00FFFF',
	overlay_text_transparency: 5,
	overlay_text_typography: 'b',
	overlay_background: '00AAFF55',
	overlay_text_encoded: 'b3ZlcmxheSBtYWRlIGVhc3k%3D',
	overlay_text_width: 50,
	overlay_text_background: '00AAFF55',
	overlay_text_padding: 40,
	overlay_text_inner_alignment: 'left',
	overlay_radius: 10,
	progressive: 'true',
	lossless: 'true',
	trim: 5,
	metadata: 'true',
	color_profile: 'true',
	default_image: 'folder/file.jpg/',
	dpr: 3,
	effect_sharpen: 10,
	effect_usm: '2-2-0.8-0.024',
	effect_contrast: 'true',
	effect_gray: 'true',
	original: true,
};

const CASES: SeedCase[] = [
	{
		test: 'test_generate_url_with_path',
		options: { path: '/default-image.jpg', transformation: HW },
		expected: `https://test-domain.com/test-endpoint/tr:h-300,w-400/default-image.jpg?${SDK}`,
	},
	{
		// The marker itself is an intended difference (README): only the rest is compared.
		test: 'test_url_contains_ik_sdk_version',
		options: { path: '/default-image.jpg', transformation: HW },
		expected: `https://test-domain.com/test-endpoint/tr:h-300,w-400/default-image.jpg?${SDK}`,
		check: (url) => expect(url).not.toContain('ik-sdk-version'),
	},
	{
		test: 'test_generate_url_without_leading_slash_in_path',
		options: { path: 'default-image.jpg', transformation: HW },
		expected: `https://test-domain.com/test-endpoint/tr:h-300,w-400/default-image.jpg?${SDK}`,
	},
	{
		test: 'test_overriding_url_endpoint_generation_consists_new_url',
		options: {
			path: '/default-image.jpg',
			url_endpoint: 'https://ik.imagekit.io/new/endpoint/',
			transformation: HW,
		},
		expected: `https://ik.imagekit.io/new/endpoint/tr:h-300,w-400/default-image.jpg?${SDK}`,
	},
	{
		test: 'test_overriding_url_endpoint_without_slash_generation_consists_new_url',
		options: {
			path: '/default-image.jpg',
			url_endpoint: 'https://ik.imagekit.io/new/endpoint',
			transformation: HW,
		},
		expected: `https://ik.imagekit.io/new/endpoint/tr:h-300,w-400/default-image.jpg?${SDK}`,
	},
	{
		test: 'test_generate_url_query_parameters',
		options: {
			path: '/default-image.jpg',
			query_parameters: { param1: 'value1', param2: 'value2' },
			transformation: HW,
		},
		expected: `https://test-domain.com/test-endpoint/tr:h-300,w-400/default-image.jpg?param1=value1&param2=value2&${SDK}`,
	},
	{
		test: 'test_generate_url_with_src',
		options: { src: SRC, transformation: CHAINED },
		expected: `${SRC}?${CHAINED_TR}&${SDK}`,
	},
	{
		test: 'test_generate_url_with_src_with_query_params_double',
		options: {
			src: `${SRC}?queryparam1=value1`,
			query_parameters: { param1: 'value1' },
			transformation: CHAINED,
		},
		expected: `${SRC}?queryparam1=value1&param1=value1&${CHAINED_TR}&${SDK}`,
	},
	{
		test: 'test_generate_url_with_path_and_signed',
		options: {
			path: '/default-image.jpg',
			url_endpoint: OTHER_ENDPOINT,
			transformation: HW,
			signed: true,
		},
		signed: true,
		expected: `${OTHER_ENDPOINT}tr:h-300,w-400/default-image.jpg`,
		check: (url) => {
			expect(url).toContain(OTHER_ENDPOINT);
			expect(url).toContain('300');
			expect(url).not.toContain('&&');
			expect(url).not.toContain('??');
			expect(url.split('default-image.jpg')[1][0]).toBe('?');
			expect(url.split('default-image.jpg')[0].slice(-2)).not.toBe('//');
		},
	},
	{
		test: 'test_generate_url_with_path_and_signed_in_proper_form',
		options: { path: '/test-signed-url.jpg', signed: true, transformation: [{ width: 100 }] },
		signed: true,
		expected: 'https://test-domain.com/test-endpoint/tr:w-100/test-signed-url.jpg',
		check: (url) => expect(url).toContain('ik-s'),
	},
	{
		test: 'test_generate_url_signed_without_expiry_does_not_have_timestamp_parameter',
		options: { path: '/test-signed-url.jpg', signed: true, transformation: [{ width: 100 }] },
		signed: true,
		expected: 'https://test-domain.com/test-endpoint/tr:w-100/test-signed-url.jpg',
		check: (url) => expect(url).not.toContain('ik-t'),
	},
	{
		test: 'test_url_with_new_transformation_returns_as_it_is',
		options: {
			path: '/default-image.jpg',
			url_endpoint: OTHER_ENDPOINT,
			transformation: [{ height: '300', fake_xxxx: '400' }],
			transformation_position: 'query',
		},
		expected: `${OTHER_ENDPOINT}default-image.jpg?tr=h-300%2Cfake_xxxx-400&${SDK}`,
		check: (url) => expect(url).toContain('fake_xxxx'),
	},
	{
		test: 'test_query_url_generation_transformation_as_query_and_transformations_in_url',
		options: {
			path: '/default-image.jpg',
			url_endpoint: OTHER_ENDPOINT,
			transformation: [{ height: '300' }],
			transformation_position: 'query',
		},
		expected: `${OTHER_ENDPOINT}default-image.jpg?tr=h-300&${SDK}`,
	},
	{
		test: 'test_generate_url_with_chained_transformations',
		options: { src: SRC, transformation: CHAINED },
		expected: `${SRC}?${CHAINED_TR}&${SDK}`,
	},
	{
		test: 'test_url_check_query_param_are_added_correctly',
		options: {
			path: '/default-image.jpg?client=123&user=5',
			transformation: HW,
			transformation_position: 'query',
		},
		expected: `https://test-domain.com/test-endpoint/default-image.jpg?client=123&user=5&tr=h-300%2Cw-400&${SDK}`,
		check: (url) =>
			expect(url).toBe(
				'https://test-domain.com/test-endpoint/default-image.jpg?client=123&user=5&tr=h-300,w-400',
			),
	},
	{
		test: 'test_generate_url_with_src_query_parameters_merge_correctly',
		options: { src: `${SRC}?client=123&ab=c`, transformation: CHAINED },
		expected: `${SRC}?client=123&ab=c&${CHAINED_TR}&${SDK}`,
	},
	{
		test: 'test_generate_url_with_src_and_transformation_position_path',
		options: { src: SRC, transformation: CHAINED, transformation_position: 'path' },
		expected: `${SRC}?${CHAINED_TR}&${SDK}`,
	},
	{
		test: 'test_url_without_path_and_src',
		options: { url_endpoint: OTHER_ENDPOINT, transformation: HW, signed: true },
		check: (url) => expect(url).toBe(''),
	},
	{
		// The marker is an intended difference; the rest must be the signed query URL.
		test: 'test_url_contains_sdk_version',
		options: {
			path: '/default-image.jpg',
			url_endpoint: OTHER_ENDPOINT,
			transformation: HW,
			signed: true,
			transformation_position: 'query',
		},
		signed: true,
		expected: `${OTHER_ENDPOINT}default-image.jpg?tr=h-300%2Cw-400`,
		check: (url) => expect(url).not.toContain('ik-sdk-version'),
	},
	{
		test: 'test_url_contains_slash_if_transformation_position_is_path',
		options: {
			path: '/default-image.jpg',
			transformation: [
				{
					height: '300',
					width: '400',
					format: 'jpg',
					progressive: 'true',
					effect_sharpen: '-',
					effect_contrast: '1',
				},
				{ rotation: 90 },
			],
			transformation_position: 'path',
		},
		check: (url) => {
			expect(url.split('tr:h-300')[0].slice(-1)).toBe('/');
			expect(url.split('default-image.jpg')[0].slice(-2)).not.toBe('//');
			expect(url).toBe(
				'https://test-domain.com/test-endpoint/tr:h-300,w-400,f-jpg,pr-true,e-sharpen,e-contrast-1:rt-90/default-image.jpg',
			);
		},
	},
	{
		test: 'test_url_signed_with_expire_in_seconds',
		options: {
			path: '/default-image.jpg',
			transformation: [{ width: '400' }],
			signed: true,
			expire_seconds: 100,
		},
		signed: true,
		now: 1_700_000_000_000,
		expected: 'https://test-domain.com/test-endpoint/tr:w-400/default-image.jpg',
		check: (url) => {
			expect(url).toContain('ik-t');
			expect(signedParts(url).expiry).toBe('1700000100');
		},
	},
	{
		test: 'test_generate_url_with_path_and_src_uses_path',
		options: { path: '/default-image.jpg', src: SRC, transformation: HW },
		expected: `https://test-domain.com/test-endpoint/tr:h-300,w-400/default-image.jpg?${SDK}`,
	},
	{
		test: 'test_generate_url_with_all_params',
		options: { path: '/test_path.jpg', src: SRC, transformation: [ALL_PARAMS] },
		expected:
			'https://test-domain.com/test-endpoint/tr:h-300,w-400,ar-4-3,q-40,c-force,cm-extract,fo-left,f-jpeg,r-50,' +
			'bg-A94D34,b-5-A94D34,rt-90,bl-10,n-some_name,ox-35,oy-35,ofo-bottom,oh-20,ow-20,oi-folder@@file.jpg,' +
			'oit-false,oiar-4:3,oibg-0F0F0F,oib-10_0F0F0F,oidpr-2,oiq-50,oic-force,ot-two words,ots-20,otf-Open Sans,' +
			'otc-00FFFF,oa-5,ott-b,obg-00AAFF55,ote-b3ZlcmxheSBtYWRlIGVhc3k%3D,otw-50,otbg-00AAFF55,otp-40,otia-left,' +
			'or-10,pr-true,lo-true,t-5,md-true,cp-true,di-folder@@file.jpg,dpr-3,e-sharpen-10,e-usm-2-2-0.8-0.024,' +
			`e-contrast-true,e-grayscale-true,orig-true/test_path.jpg?${SDK}`,
	},
	{
		// get_signature(private_key_test, …/tr:w-100/test-signed-url.png, endpoint, 100)
		test: 'test_get_signature_with_100_expire_seconds',
		options: { path: 'test-signed-url.png', transformation: [{ width: 100 }], expire_seconds: 100 },
		signed: true,
		now: 0,
		expected: 'https://test-domain.com/test-endpoint/tr:w-100/test-signed-url.png',
		check: (url) =>
			expect(signedParts(url)).toMatchObject({
				expiry: '100',
				signature: '5e5037a31a7121cbe2964e220b4338cc6e1ba66d',
			}),
	},
	{
		test: 'test_get_signature_without_expire_seconds',
		options: {
			path: 'test-signed-url.png',
			transformation: [{ width: 100 }],
			signed: true,
			url_endpoint: 'https://test-domain.com/test-endpoint/',
		},
		signed: true,
		expected: 'https://test-domain.com/test-endpoint/tr:w-100/test-signed-url.png',
		check: (url) =>
			expect(signedParts(url).signature).toBe('41b3075c40bc84147eb71b8b49ae7fbf349d0f00'),
	},
	{
		test: 'test_get_signature_without_expire_seconds_without_slash',
		options: { path: 'test-signed-url.png', transformation: [{ width: 100 }], signed: true },
		signed: true,
		expected: 'https://test-domain.com/test-endpoint/tr:w-100/test-signed-url.png',
		check: (url) =>
			expect(signedParts(url).signature).toBe('41b3075c40bc84147eb71b8b49ae7fbf349d0f00'),
	},
	{
		// An explicit signed: false wins over an expiry (v7 would sign: an intended difference).
		test: 'test_generate_url_without_transforms',
		options: { path: '/coffee.jpg', signed: false, expire_seconds: 10 },
		expected: `https://test-domain.com/test-endpoint/coffee.jpg?${SDK}`,
	},
	{
		test: 'test_generate_url_without_transforms_src',
		options: {
			src: 'https://test-domain.com/test-endpoint/coffee.jpg',
			signed: false,
			expire_seconds: 10,
		},
		expected: `https://test-domain.com/test-endpoint/coffee.jpg?${SDK}`,
	},
];

describe('the seed SDK URL suite (imagekit-python 2.x tests/test_generate_url.py)', () => {
	it.each(CASES.map((entry) => [entry.test, entry]))('%s', (_test, entry) => {
		const url = buildUrl(entry.options, { ...SEED, now: () => entry.now ?? Date.now() });
		if (entry.signed) {
			const endpoint = entry.options.url_endpoint ?? SEED.urlEndpoint;
			expect(signatureVerifies(url, SEED.privateKey, endpoint)).toBe(true);
			expect(normalised(signedParts(url).unsigned)).toBe(normalised(entry.expected!));
		} else if (entry.expected !== undefined) {
			expect(normalised(url)).toBe(normalised(entry.expected));
		}
		entry.check?.(url);
	});

	it('test_url_with_invalid_trans_pos', () => {
		expect(() =>
			buildUrl(
				{
					path: '/default-image.jpg',
					url_endpoint: OTHER_ENDPOINT,
					transformation: HW,
					signed: true,
					transformation_position: 'fake' as 'path',
				},
				SEED,
			),
		).toThrow(`'transformationPosition' must be "path" or "query", not "fake"`);
	});
});
