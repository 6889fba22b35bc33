import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	ImageKitApiError,
	ImageKitConnectionError,
	ImageKitInputError,
	ImageKitJobTimeoutError,
	ImageKitUnreadableAnswerError,
	UNCERTAIN_WRITE_HINT,
} from '../client';

/** ImageKit's words for a key it does not accept (API.md §4.1: 401, and 403 for a bad or expired key). */
const KEY_REFUSED = /private API key|cannot be authenticated/i;

/** The hosts the credential's requests go to, for the network hints. */
const API_HOSTS = 'api.imagekit.io and upload.imagekit.io';

const COPY_KEY_AGAIN =
	'copy the private key again from Developer options → API keys (it starts with "private_") into the ImageKit API credential';

/** What to do after ImageKit refused a request, by status; ImageKit's message says what was wrong. */
function apiFix(error: ImageKitApiError): string {
	const { status } = error;
	if (status === 401 || (status === 403 && KEY_REFUSED.test(error.message))) return COPY_KEY_AGAIN;
	if (status === 403)
		return "the account's plan or the key's permissions do not allow this: check the plan and add-ons in the ImageKit dashboard, or use a key that has access";
	if (status === 404)
		return 'check the ID or path, and that it was not deleted or moved since; picking it from the list avoids typos';
	if (status === 409) return 'choose another name, or move or delete what holds this one';
	if (status === 423)
		return 'wait for the folder job working on it to finish (Folder → Get Job Status), then run this again';
	if (status === 429) {
		const reset = error.rateLimit?.reset;
		const wait = reset === undefined ? 'a minute' : `${Math.ceil(reset / 1000)} s`;
		return `wait ${wait} before running again, or send fewer requests at once (e.g. Loop Over Items with a Wait node)`;
	}
	if (status >= 500) return 'ImageKit had a server error: try again in a few minutes';
	return 'correct the value ImageKit objects to, then run again';
}

/** What to do after a request got no answer, by the system error code. */
function connectionFix(code: string | undefined, timeoutField: string | undefined): string {
	if (code === 'ETIMEDOUT') {
		return timeoutField
			? `try again later, or raise ${timeoutField} if ImageKit needs longer, e.g. for a large file`
			: 'try again later';
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
		return `check this machine's internet connection and DNS, and that any proxy (HTTPS_PROXY) or firewall lets n8n reach ${API_HOSTS}`;
	if (code === 'ECONNREFUSED')
		return `check that any proxy (HTTPS_PROXY) or firewall lets n8n reach ${API_HOSTS}`;
	if (code !== undefined && TLS_CODES.test(code))
		return "a proxy or firewall may be intercepting HTTPS: give n8n its certificate authority with NODE_EXTRA_CA_CERTS, or ask your network's admin";
	return `try again; if it keeps failing, check the network (proxy, firewall) between n8n and ${API_HOSTS}`;
}

/** Node's codes for a TLS certificate it could not verify. */
const TLS_CODES = /^(CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_|ERR_TLS_)/;

/**
 * The message an error shows: the problem, then the fix in one sentence. A client message that
 * already ends with what to do (a write that may have happened) keeps it, and the fix moves on to
 * the description.
 */
function withFix(problem: string, fix: string): { message: string; fixInDescription?: string } {
	if (problem.endsWith(UNCERTAIN_WRITE_HINT)) return { message: problem, fixInDescription: fix };
	return { message: `${problem.replace(/[.\s]+$/, '')}: ${fix}` };
}

function sentence(text: string): string {
	return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function apiErrorDescription(
	error: ImageKitApiError,
	fixInDescription?: string,
): string | undefined {
	const parts: string[] = [];
	if (fixInDescription) parts.push(sentence(fixInDescription));
	if (error.reason) parts.push(`Reason: ${error.reason}.`);
	if (error.status === 429 && error.rateLimit?.reset !== undefined) {
		parts.push(`Rate limit reached; it resets in ${Math.ceil(error.rateLimit.reset / 1000)} s.`);
	}
	if (error.help) parts.push(error.help);
	if (error.requestId) parts.push(`ImageKit request ID: ${error.requestId}.`);
	return parts.length ? parts.join(' ') : undefined;
}

/**
 * Bad input, before anything is sent: the problem, then what to do, as one sentence in the message
 * (an AI agent's model gets only the message); `details` carries the longer story.
 */
export function inputError(
	node: INode,
	itemIndex: number,
	problem: string,
	fix: string,
	details?: string,
): NodeOperationError {
	return new NodeOperationError(node, `${problem}: ${fix}`, { itemIndex, description: details });
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
export function withFieldLabel(
	error: ImageKitInputError,
	label: string | undefined = FIELD_LABELS[error.field],
): string {
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
		const { message, fixInDescription } = withFix(error.message, apiFix(error));
		return new NodeApiError(node, body, {
			itemIndex,
			httpCode: String(error.status),
			message,
			description: apiErrorDescription(error, fixInDescription),
		});
	}
	if (error instanceof ImageKitConnectionError) {
		const { message, fixInDescription } = withFix(
			error.message,
			connectionFix(error.code, timeoutField),
		);
		return new NodeApiError(node, { message } as JsonObject, {
			itemIndex,
			message,
			description: fixInDescription && sentence(fixInDescription),
		});
	}
	if (error instanceof ImageKitJobTimeoutError) {
		// The client names its own method; the node names its operation.
		return new NodeOperationError(
			node,
			`The bulk job ${error.jobId} was still pending after ${Math.round(error.waitedMs / 1000)} s: it goes on at ImageKit, so check it later with Folder → Get Job Status and its job ID ${error.jobId}`,
			{ itemIndex },
		);
	}
	if (error instanceof ImageKitUnreadableAnswerError) {
		const { message, fixInDescription } = withFix(
			error.message,
			`something between n8n and ImageKit (often a proxy) may have answered instead: check HTTPS_PROXY, then try again`,
		);
		const requestId = error.requestId ? `ImageKit request ID: ${error.requestId}.` : undefined;
		return new NodeApiError(node, { message } as JsonObject, {
			itemIndex,
			httpCode: String(error.status),
			message,
			description:
				[fixInDescription && sentence(fixInDescription), requestId].filter(Boolean).join(' ') ||
				undefined,
		});
	}
	if (error instanceof ImageKitInputError) {
		return new NodeOperationError(node, withFieldLabel(error), { itemIndex });
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, { itemIndex });
}
