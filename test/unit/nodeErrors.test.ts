import type { INode } from 'n8n-workflow';

import {
	ImageKitApiError,
	ImageKitConnectionError,
	ImageKitUnreadableAnswerError,
	UNCERTAIN_WRITE_HINT,
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

const TIMEOUT_FIELD = 'Request Options → Timeout (Seconds)';
const COPY_KEY =
	'copy the private key again from Developer options → API keys (it starts with "private_") into the ImageKit API credential';
const NETWORK =
	"check this machine's internet connection and DNS, and that any proxy (HTTPS_PROXY) or firewall lets n8n reach api.imagekit.io and upload.imagekit.io";

// Every error path once (issues 12 and 15): the message states the problem, then the fix.
describe('errors as the node shows them: the problem, then what to do', () => {
	it.each([
		[401, 'Your request does not contain private API key.', COPY_KEY],
		[403, 'Your account cannot be authenticated.', COPY_KEY],
		[
			403,
			'Your current plan does not allow this.',
			"the account's plan or the key's permissions do not allow this: check the plan and add-ons in the ImageKit dashboard, or use a key that has access",
		],
		[
			404,
			'The requested file does not exist.',
			'check the ID or path, and that it was not deleted or moved since; picking it from the list avoids typos',
		],
		[
			409,
			'File with name boot.png already exists at the same location.',
			'choose another name, or move or delete what holds this one',
		],
		[
			423,
			'The folder is locked by a running bulk job.',
			'wait for the folder job working on it to finish (Folder → Get Job Status), then run this again',
		],
		[
			429,
			'Too many requests',
			'wait a minute before running again, or send fewer requests at once (e.g. Loop Over Items with a Wait node)',
		],
		[502, 'Bad Gateway', 'ImageKit had a server error: try again in a few minutes'],
		[
			400,
			'Your request contains invalid fileName parameter.',
			'correct the value ImageKit objects to, then run again',
		],
	])('%i %s', (status, problem, fix) => {
		const error = toNodeError(node, apiError(status, problem), 0);
		expect(error.message).toBe(`${problem.replace(/\.$/, '')}: ${fix}`);
		expect(error.description).toContain('ImageKit request ID: req-1.');
	});

	it('429 says how long the rate limit lasts', () => {
		const limited = new ImageKitApiError({
			status: 429,
			headers: { 'x-ratelimit-reset': '30000', 'x-ratelimit-limit': '10' },
			body: { message: 'Too many requests' },
		});
		expect(toNodeError(node, limited, 0).message).toBe(
			'Too many requests: wait 30 s before running again, or send fewer requests at once (e.g. Loop Over Items with a Wait node)',
		);
	});

	it.each([
		[
			'timeout',
			new ImageKitConnectionError('ImageKit did not answer within 60 s.', 'ETIMEDOUT'),
			`ImageKit did not answer within 60 s: try again later, or raise ${TIMEOUT_FIELD} if ImageKit needs longer, e.g. for a large file`,
		],
		[
			'DNS',
			new ImageKitConnectionError(
				'Could not reach ImageKit: the host name could not be resolved.',
				'ENOTFOUND',
			),
			`Could not reach ImageKit: the host name could not be resolved: ${NETWORK}`,
		],
		[
			'refused',
			new ImageKitConnectionError(
				'Could not reach ImageKit: the connection was refused.',
				'ECONNREFUSED',
			),
			'Could not reach ImageKit: the connection was refused: check that any proxy (HTTPS_PROXY) or firewall lets n8n reach api.imagekit.io and upload.imagekit.io',
		],
		[
			'TLS',
			new ImageKitConnectionError(
				'Could not reach ImageKit: self-signed certificate in certificate chain.',
				'SELF_SIGNED_CERT_IN_CHAIN',
			),
			"Could not reach ImageKit: self-signed certificate in certificate chain: a proxy or firewall may be intercepting HTTPS: give n8n its certificate authority with NODE_EXTRA_CA_CERTS, or ask your network's admin",
		],
		[
			'reset',
			new ImageKitConnectionError(
				'Could not reach ImageKit: the connection was reset.',
				'ECONNRESET',
			),
			'Could not reach ImageKit: the connection was reset: try again; if it keeps failing, check the network (proxy, firewall) between n8n and api.imagekit.io and upload.imagekit.io',
		],
	])('%s', (_path, failure, message) => {
		expect(toNodeError(node, failure, 0, TIMEOUT_FIELD).message).toBe(message);
	});

	it('keeps the fix an upload’s message already ends with, and adds the rest to the description', () => {
		const uncertain = new ImageKitConnectionError(
			`ImageKit did not answer within 60 s.${UNCERTAIN_WRITE_HINT}`,
			'ETIMEDOUT',
		);
		const error = toNodeError(node, uncertain, 0, TIMEOUT_FIELD);
		expect(error.message).toBe(
			'ImageKit did not answer within 60 s. ImageKit may have carried it out all the same: check the media library before you retry.',
		);
		expect(error.description).toBe(
			`Try again later, or raise ${TIMEOUT_FIELD} if ImageKit needs longer, e.g. for a large file.`,
		);
	});

	it('says nothing of the key for a 403 about something else', () => {
		const error = toNodeError(node, apiError(403, 'Your account is disabled.'), 0);
		expect(error.message).not.toMatch(/private key/);
	});

	it('keeps an unreadable answer’s status and request id, and says what may have answered', () => {
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
		expect(error.message).toBeProblemWithFix("ImageKit's answer could not be read");
		expect(error.message).toMatch(/check HTTPS_PROXY, then try again$/);
		expect(error.description).toBe('ImageKit request ID: req-2.');
	});
});
