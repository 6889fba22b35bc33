// AI Agent workflows as a user builds them: Manual Trigger → AI Agent, with the OpenAI Chat Model
// (Chat Completions) as its model and the ImageKit node as its tool (Image URL → Generate, Path and
// Width filled by the model through $fromAI). The model reaches the stand-in LLM through the
// OpenAI credential's Base URL: the node's own Base URL option is hidden from version 1.1 on, and
// n8n ignores it there.
import { IMAGEKIT_NODE } from './workflows';

export const OPENAI_CREDENTIAL = { id: 'e2eStandInOpenAi', name: 'OpenAI (stand-in)' };
const IMAGEKIT_TOOL_NODE = `${IMAGEKIT_NODE}Tool`;
/** The tool node's name; n8n offers it to the model under nodeNameToToolName(name). */
export const TOOL_NODE_NAME = 'Image URL';
export const TOOL_NAME = 'Image_URL';

/** A field the model fills: its description, and the $fromAI expression that asks for it. */
function fromAi(key: string, description: string, type: 'string' | 'number') {
	return { description, expression: `={{ $fromAI('${key}', '${description}', '${type}') }}` };
}

export const FROM_AI = {
	path: fromAi('path', 'Path of the image in the media library, e.g. /shoes/red.jpg', 'string'),
	width: fromAi('width', 'Width of the image in pixels', 'number'),
};

export interface AgentWorkflowOptions {
	id: string;
	name: string;
	prompt: string;
	/** The ImageKit API credential the tool uses. */
	imageKitCredential: { id: string; name: string };
	/** The AI Agent's type version: the newest each n8n line has (3.1 on 2.x, 3 on 1.x). */
	agentTypeVersion: number;
}

export function agentWorkflow({
	id,
	name,
	prompt,
	imageKitCredential,
	agentTypeVersion,
}: AgentWorkflowOptions): object {
	const link = (node: string, type: string) => ({ [type]: [[{ node, type, index: 0 }]] });
	return {
		id,
		name,
		active: false,
		// What the editor gives every new workflow. Under the legacy order (no setting) the agent
		// resumes before its tool has run, and the model gets an empty tool result.
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'agent',
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: agentTypeVersion,
				position: [220, 0],
				parameters: { promptType: 'define', text: prompt, options: {} },
			},
			{
				id: 'model',
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [160, 220],
				parameters: {
					model: { __rl: true, mode: 'id', value: 'stand-in-model' },
					// Chat Completions, not the Responses API that version 1.3 defaults to.
					responsesApiEnabled: false,
					options: { maxRetries: 0 },
				},
				credentials: { openAiApi: OPENAI_CREDENTIAL },
			},
			{
				id: 'tool',
				name: TOOL_NODE_NAME,
				type: IMAGEKIT_TOOL_NODE,
				typeVersion: 1,
				position: [320, 220],
				// On Error → Continue: n8n 1.x otherwise fails the whole run when the tool fails, and the
				// model never sees the error (2.x continues by itself).
				onError: 'continueRegularOutput',
				parameters: {
					descriptionType: 'auto',
					resource: 'imageUrl',
					operation: 'generate',
					source: 'path',
					path: FROM_AI.path.expression,
					steps: { step: [{ parameters: { width: FROM_AI.width.expression } }] },
					options: {},
				},
				credentials: { imageKitApi: imageKitCredential },
			},
		],
		connections: {
			Start: link('AI Agent', 'main'),
			'OpenAI Chat Model': link('AI Agent', 'ai_languageModel'),
			[TOOL_NODE_NAME]: link('AI Agent', 'ai_tool'),
		},
	};
}
