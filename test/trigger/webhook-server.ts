/**
 * A local HTTP server in front of a webhook trigger, standing in for n8n's webhook route.
 *
 * The node runs in n8n-core's real WebhookContext over the real Node.js request and response.
 * The adapter is only what n8n's Express stack adds to them: its body parser reads the raw bytes
 * with `req.readRawBody()` (keeping `req.rawBody`) and parses JSON into `req.body`; Express gives
 * the response `status()` and `send()`. After `webhook()`, the server answers as n8n does for
 * `responseMode: 'onReceived'`: nothing more after `noWebhookResponse`, otherwise 200 with
 * `webhookResponse`, or `{ message: 'Workflow was started' }` when an execution starts.
 */
import { once } from 'events';
import * as http from 'http';
import type { AddressInfo } from 'net';

import type { INodeExecutionData, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import type { TriggerHost } from './trigger-host';

type N8nRequest = NonNullable<IWorkflowExecuteAdditionalData['httpRequest']>;
type N8nResponse = NonNullable<IWorkflowExecuteAdditionalData['httpResponse']>;

export interface WebhookServer {
	/** The trigger's URL. */
	url: string;
	/** The items of each execution started, in order. */
	executions: INodeExecutionData[][];
	close(): Promise<void>;
}

function asN8nRequest(request: http.IncomingMessage): N8nRequest {
	const n8nRequest = request as unknown as N8nRequest;
	n8nRequest.readRawBody = async () => {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		n8nRequest.rawBody = Buffer.concat(chunks);
	};
	Object.assign(n8nRequest, { query: {}, params: {} });
	return n8nRequest;
}

function asN8nResponse(response: http.ServerResponse): N8nResponse {
	return Object.assign(response, {
		status(code: number) {
			response.statusCode = code;
			return response;
		},
		send(body: string) {
			response.end(body);
			return response;
		},
	}) as unknown as N8nResponse;
}

async function parseBody(request: N8nRequest): Promise<void> {
	await request.readRawBody();
	const isJson = /^application\/json/i.test(request.headers['content-type'] ?? '');
	request.body = isJson ? JSON.parse(request.rawBody.toString('utf8')) : {};
}

/** Listens on 127.0.0.1, on `port` (e.g. one a public tunnel forwards to) or any free one. */
export async function startWebhookServer(host: TriggerHost, port = 0): Promise<WebhookServer> {
	const executions: INodeExecutionData[][] = [];
	const webhookServer = { executions } as WebhookServer;
	const server = http.createServer(async (incoming, outgoing) => {
		try {
			const request = asN8nRequest(incoming);
			const response = asN8nResponse(outgoing);
			await parseBody(request);
			const result = await host.webhook(request, response);
			if (result.noWebhookResponse) return;
			if (result.workflowData) executions.push(result.workflowData[0]);
			outgoing.writeHead(200, { 'content-type': 'application/json' });
			outgoing.end(JSON.stringify(result.webhookResponse ?? { message: 'Workflow was started' }));
		} catch (error) {
			outgoing.writeHead(500).end(`Test webhook server: ${(error as Error).message}`);
		}
	});
	server.listen(port, '127.0.0.1');
	await once(server, 'listening');
	const address = server.address() as AddressInfo;
	webhookServer.url = `http://127.0.0.1:${address.port}/webhook/imagekit-trigger-test/webhook`;
	webhookServer.close = async () => {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return webhookServer;
}
