import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ImageKitApiError, ImageKitConnectionError, ImageKitInputError } from '../client';

function apiErrorDescription(error: ImageKitApiError): string | undefined {
	const parts: string[] = [];
	if (error.reason) parts.push(`Reason: ${error.reason}.`);
	if (error.status === 429 && error.rateLimit?.reset !== undefined) {
		parts.push(`Rate limit reached; it resets in ${Math.ceil(error.rateLimit.reset / 1000)} s.`);
	}
	if (error.help) parts.push(error.help);
	if (error.requestId) parts.push(`ImageKit request ID: ${error.requestId}.`);
	return parts.length ? parts.join(' ') : undefined;
}

/**
 * Turns any failure of an item into n8n's error types with the item index, ImageKit's own message,
 * and nothing of the request (n8n's HTTP errors carry the auth header).
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
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
		return new NodeApiError(node, { message: error.message } as JsonObject, {
			itemIndex,
			message: error.message,
		});
	}
	if (error instanceof ImageKitInputError) {
		return new NodeOperationError(node, error.message, { itemIndex });
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, { itemIndex });
}
