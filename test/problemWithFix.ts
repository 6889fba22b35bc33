// The node writes every error as the problem, then what to do, in one sentence: `<problem>: <fix>`.
// Tests that know the problem (ImageKit's message, or the field at fault) check both parts with
// `expect(message).toBeProblemWithFix(problem)`.

declare global {
	// eslint-disable-next-line @typescript-eslint/no-namespace
	namespace jest {
		interface Matchers<R> {
			toBeProblemWithFix(problem: string): R;
		}
		interface Expect {
			toBeProblemWithFix(problem: string): unknown;
		}
	}
}

/** Shorter than this, the text after the problem cannot say what to do. */
const MIN_FIX_LENGTH = 12;

expect.extend({
	toBeProblemWithFix(received: unknown, problem: string) {
		const prefix = `${problem.replace(/[.\s]+$/, '')}: `;
		const pass =
			typeof received === 'string' &&
			received.startsWith(prefix) &&
			received.length - prefix.length >= MIN_FIX_LENGTH;
		return {
			pass,
			message: () =>
				`expected ${this.utils.printReceived(received)} ${pass ? 'not ' : ''}to be ` +
				`${this.utils.printExpected(prefix)} followed by what to do`,
		};
	},
});

export {};
