export const HELP_TEXT = 'For support kindly contact us at support@imagekit.io.';

/** An error answered with ImageKit's error body `{message, help, ...extra}`. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly extra: Record<string, unknown> = {},
	) {
		super(message);
	}

	get body(): Record<string, unknown> {
		return { message: this.message, help: HELP_TEXT, ...this.extra };
	}
}

export const badRequest = (message: string, extra?: Record<string, unknown>) =>
	new ApiError(400, message, extra);
