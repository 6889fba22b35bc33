import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	ImageKitApiError,
	ImageKitConnectionError,
	ImageKitInputError,
	ImageKitUnreadableAnswerError,
} from '../client';

/** ImageKit's words for a key it does not accept (API.md §4.1: 401, and 403 for a bad or expired key). */
const KEY_REFUSED = /private API key|cannot be authenticated/i;

function apiErrorDescription(error: ImageKitApiError): string | undefined {
	const parts: string[] = [];
	if (error.reason) parts.push(`Reason: ${error.reason}.`);
	if ((error.status === 401 || error.status === 403) && KEY_REFUSED.test(error.message)) {
		parts.push(
			'Copy the private key again from Developer options > API keys (it starts with "private_") into the ImageKit API credential.',
		);
	}
	if (error.status >= 500) parts.push('A server error at ImageKit: try again later.');
	if (error.status === 429 && error.rateLimit?.reset !== undefined) {
		parts.push(`Rate limit reached; it resets in ${Math.ceil(error.rateLimit.reset / 1000)} s.`);
	}
	if (error.help) parts.push(error.help);
	if (error.requestId) parts.push(`ImageKit request ID: ${error.requestId}.`);
	return parts.length ? parts.join(' ') : undefined;
}

/** The UI label of each client option that the node fills from one field. */
const FIELD_LABELS: Record<string, string> = {
	fileId: 'File',
	fileIds: 'File IDs',
	versionId: 'Version ID',
	requestId: 'Request ID',
	jobId: 'Job ID',
	fieldId: 'Field ID',
	originId: 'Origin',
	urlEndpointId: 'URL Endpoint',
	savedExtensionId: 'Saved Extension',
	url: 'URL',
};

/** A client message names the client option (`versionId cannot be ".."…`); the user sees the label. */
function withFieldLabel(error: ImageKitInputError): string {
	const label = FIELD_LABELS[error.field];
	return label && error.message.startsWith(`${error.field} `)
		? `'${label}'${error.message.slice(error.field.length)}`
		: error.message;
}

/**
 * Turns any failure of an item into n8n's error types with the item index, ImageKit's own message,
 * and nothing of the request (n8n's HTTP errors carry the auth header). `timeoutField` names the
 * field that sets the request timeout, for the hint on a timeout.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
	timeoutField?: string,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof ImageKitApiError) {
		const body = (typeof error.body === 'object' && error.body ? error.body : {}) as JsonObject;
		return new NodeApiError(node, body, {
			itemIndex,
			httpCode: String(error.status),
			message: error.message,
			description: apiErrorDescription(error),
		});
	}
	if (error instanceof ImageKitConnectionError) {
		const timedOut = error.code === 'ETIMEDOUT' && timeoutField !== undefined;
		return new NodeApiError(node, { message: error.message } as JsonObject, {
			itemIndex,
			message: error.message,
			description: timedOut
				? `If ImageKit needs longer, e.g. for a large file, raise ${timeoutField}.`
				: undefined,
		});
	}
	if (error instanceof ImageKitUnreadableAnswerError) {
		return new NodeApiError(node, { message: error.message } as JsonObject, {
			itemIndex,
			httpCode: String(error.status),
			message: error.message,
			description: error.requestId ? `ImageKit request ID: ${error.requestId}.` : undefined,
		});
	}
	if (error instanceof ImageKitInputError) {
		return new NodeOperationError(node, withFieldLabel(error), { itemIndex });
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, { itemIndex });
}
