// ImageKit's OpenAPI spec lives beside the clone (../shared/imagekit/openapi.yaml), not in it.
// Tests that assert what the spec flags run only where it is; elsewhere jest lists them as skipped,
// with the reason in their name, so a plain clone passes and says what it did not check.
import * as path from 'path';

import { DEFAULT_OPENAPI_SPEC_PATH, loadOpenApi } from './validator';

export const imageKitSpec = loadOpenApi();

const SKIP_REASON = ` [skipped: no OpenAPI spec at ${path.relative(process.cwd(), DEFAULT_OPENAPI_SPEC_PATH)}]`;

type TestFn = (name: string, fn: jest.ProvidesCallback, timeout?: number) => void;

/** `it` for a test that needs the spec. */
export const itWithSpec: TestFn & { each: typeof it.each } = Object.assign(
	(name: string, fn: jest.ProvidesCallback, timeout?: number) =>
		imageKitSpec ? it(name, fn, timeout) : it.skip(name + SKIP_REASON, fn, timeout),
	{
		each: ((table: unknown[]) =>
			(name: string, fn: (...args: never[]) => unknown, timeout?: number) =>
				imageKitSpec
					? it.each(table as never[])(name, fn as never, timeout)
					: it.skip.each(table as never[])(
							name + SKIP_REASON,
							fn as never,
							timeout,
						)) as unknown as typeof it.each,
	},
);

/** `describe` for a block that needs the spec. */
export function describeWithSpec(name: string, fn: () => void): void {
	if (imageKitSpec) describe(name, fn);
	else describe.skip(name + SKIP_REASON, fn);
}
