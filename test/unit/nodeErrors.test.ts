import type { INode } from 'n8n-workflow';

import {
	ImageKitApiError,
	ImageKitConnectionError,
	ImageKitUnreadableAnswerError,
} from '../../nodes/ImageKit/client';
import { toNodeError } from '../../nodes/ImageKit/helpers/errors';

const node: INode = {
	id: 'n',
	name: 'ImageKit',
	type: 'n8n-nodes-imagekit.imageKit',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const apiError = (status: number, message: string) =>
	new ImageKitApiError({
		status,
		headers: { 'x-ik-requestid': 'req-1' },
		body: { message, help: 'For support kindly contact us at support@imagekit.io.' },
	});

describe('errors as the node shows them', () => {
	it.each([
		[401, 'Your request does not contain private API key.'],
		[403, 'Your account cannot be authenticated.'],
	])('tells where to fix a key ImageKit refused (%i)', (status, message) => {
		const error = toNodeError(node, apiError(status, message), 0);
		expect(error.message).toBe(message);
		expect(error.description).toMatch(
			/^Copy the private key again from Developer options > API keys .* into the ImageKit API credential\./,
		);
	});

	it('says nothing of the key for a 403 about something else', () => {
		const error = toNodeError(node, apiError(403, 'Your account is disabled.'), 0);
		expect(error.description).not.toMatch(/private key/);
	});

	it('says a 5xx is ImageKit’s, with the request id', () => {
		const error = toNodeError(node, apiError(502, 'Bad Gateway'), 0);
		expect(error.description).toBe(
			'A server error at ImageKit: try again later. For support kindly contact us at support@imagekit.io. ImageKit request ID: req-1.',
		);
	});

	it('points at the timeout field on a timeout, when the node has one', () => {
		const timedOut = new ImageKitConnectionError(
			'ImageKit did not answer within 60 s.',
			'ETIMEDOUT',
		);
		expect(toNodeError(node, timedOut, 0, 'Request Options → Timeout (Seconds)').description).toBe(
			'If ImageKit needs longer, e.g. for a large file, raise Request Options → Timeout (Seconds).',
		);
		expect(toNodeError(node, timedOut, 0).description).toBeUndefined();
	});

	it('keeps an unreadable answer’s status and request id', () => {
		const error = toNodeError(
			node,
			new ImageKitUnreadableAnswerError({
				status: 200,
				headers: { 'x-ik-requestid': 'req-2' },
				body: undefined,
				unreadable: true,
			}),
			3,
		);
		expect(error).toMatchObject({ httpCode: '200', context: { itemIndex: 3 } });
		expect(error.message).toMatch(/^ImageKit's answer could not be read/);
		expect(error.description).toBe('ImageKit request ID: req-2.');
	});
});
