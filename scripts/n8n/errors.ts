/** An error whose message says what went wrong and whose hint says what to do about it. */
export class N8nDevError extends Error {
	hint?: string;
	details?: string;

	constructor(message: string, hint?: string, details?: string) {
		super(message);
		this.name = 'N8nDevError';
		this.hint = hint;
		if (details !== undefined) this.details = details;
	}
}
