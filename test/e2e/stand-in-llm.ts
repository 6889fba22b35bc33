// A stand-in for OpenAI's Chat Completions API (non-streaming), bound to 127.0.0.1, for n8n's
// "OpenAI Chat Model" node, whose OpenAI credential's Base URL points here. It plays a scripted
// model: a user message it has a plan for gets a call of the planned tool, and a tool result gets a
// final answer quoting that result word for word. Every request body is kept for the test to read.
import * as http from 'http';
import type { AddressInfo } from 'net';

/** The parts of a Chat Completions request the stand-in and the tests read. */
export interface ChatRequest {
	model: string;
	stream?: boolean;
	messages: Array<{
		role: 'system' | 'user' | 'assistant' | 'tool';
		content: string | Array<{ type: string; text?: string }> | null;
		tool_call_id?: string;
	}>;
	tools?: Array<{
		type: 'function';
		function: { name: string; description?: string; parameters: JsonSchemaObject };
	}>;
}

export interface JsonSchemaObject {
	type: 'object';
	properties: Record<string, { type?: string; description?: string }>;
	required?: string[];
}

/** What the model does with a user message: call this tool with these arguments. */
export interface ToolCallPlan {
	tool: string;
	arguments: Record<string, unknown>;
}

const FINAL_ANSWER_PREFIX = 'The tool answered: ';

export class StandInLlm {
	/** Every request body received on /v1/chat/completions, in order. */
	readonly requests: ChatRequest[] = [];
	private readonly plans = new Map<string, ToolCallPlan>();
	private server: http.Server | undefined;
	private answered = 0;

	/** Plans the tool call for a user message (matched exactly, after trimming). */
	plan(userMessage: string, toolCall: ToolCallPlan): void {
		this.plans.set(userMessage.trim(), toolCall);
	}

	/** The Base URL for the OpenAI credential, e.g. http://127.0.0.1:4321/v1. */
	get baseUrl(): string {
		const address = this.server?.address() as AddressInfo | null | undefined;
		if (!address) throw new Error('The stand-in LLM is not started.');
		return `http://127.0.0.1:${address.port}/v1`;
	}

	/** The requests of the conversation that began with this user message. */
	conversation(userMessage: string): ChatRequest[] {
		return this.requests.filter((request) => firstUserText(request) === userMessage.trim());
	}

	async start(): Promise<void> {
		this.server = http.createServer((request, response) => void this.handle(request, response));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	private async handle(request: http.IncomingMessage, response: http.ServerResponse) {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const path = new URL(request.url ?? '/', 'http://stand-in.invalid').pathname;
		if (request.method !== 'POST' || path !== '/v1/chat/completions') {
			send(
				response,
				404,
				openAiError(
					`The stand-in serves only POST /v1/chat/completions, not ${request.method} ${path}`,
				),
			);
			return;
		}
		let body: ChatRequest;
		try {
			body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
		} catch {
			send(response, 400, openAiError('The request body is not JSON'));
			return;
		}
		this.requests.push(body);
		// n8n must ask for a whole answer: a streamed one would need server-sent events.
		if (body.stream) {
			send(response, 400, openAiError('The stand-in answers non-streaming requests only'));
			return;
		}
		send(response, 200, this.answer(body));
	}

	private answer(body: ChatRequest): object {
		this.answered += 1;
		const last = body.messages.at(-1);
		if (last?.role === 'tool') {
			return completion(body.model, this.answered, 'stop', {
				role: 'assistant',
				content: FINAL_ANSWER_PREFIX + textOf(last.content),
			});
		}
		const plan = this.plans.get(firstUserText(body) ?? '');
		const offered = body.tools?.some((tool) => tool.function.name === plan?.tool);
		if (!plan || !offered) {
			return completion(body.model, this.answered, 'stop', {
				role: 'assistant',
				content: plan ? `The tool ${plan.tool} was not offered.` : 'No plan for this message.',
			});
		}
		return completion(body.model, this.answered, 'tool_calls', {
			role: 'assistant',
			content: null,
			tool_calls: [
				{
					id: `call_${this.answered}`,
					type: 'function',
					function: { name: plan.tool, arguments: JSON.stringify(plan.arguments) },
				},
			],
		});
	}
}

/** The final answer's text for a tool result, as the stand-in writes it. */
export const finalAnswerFor = (toolResult: string) => FINAL_ANSWER_PREFIX + toolResult;

function textOf(content: ChatRequest['messages'][number]['content']): string {
	if (typeof content === 'string') return content;
	return (content ?? []).map((part) => part.text ?? '').join('');
}

function firstUserText(request: ChatRequest): string | undefined {
	const user = request.messages.find((message) => message.role === 'user');
	return user && textOf(user.content).trim();
}

function completion(model: string, index: number, finishReason: string, message: object): object {
	return {
		id: `chatcmpl-stand-in-${index}`,
		object: 'chat.completion',
		created: 1_700_000_000,
		model,
		choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

function openAiError(message: string): object {
	return { error: { message, type: 'invalid_request_error', param: null, code: null } };
}

function send(response: http.ServerResponse, status: number, body: object): void {
	const payload = JSON.stringify(body);
	response.writeHead(status, {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(payload),
	});
	response.end(payload);
}
