// The example workflows of examples/, as the e2e suite imports them: read from their files, given an
// id, and, where a trigger starts them, made startable from n8n's CLI.
import * as fs from 'fs';
import * as path from 'path';

import { FILE_TRIGGER_NODE, IMAGEKIT_NODE } from './workflows';

export const EXAMPLES_DIR = path.resolve(__dirname, '../../examples');

interface ExampleNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, unknown>;
}

export interface ExampleWorkflow {
	id?: string;
	name: string;
	nodes: ExampleNode[];
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: string; index: number }>> }
	>;
	settings?: Record<string, unknown>;
}

export function readExample(file: string): ExampleWorkflow {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as ExampleWorkflow;
}

const MANUAL_TRIGGER = { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };

/**
 * The example as `n8n executeBatch` can run it, under `id`. n8n's CLI starts a workflow only at a
 * Manual Trigger, so the trigger of a trigger-started example is swapped out; everything after it
 * runs as the file has it. Running the real triggers would need a running n8n and a poll minute per
 * version; the triggers themselves are covered by operations.e2e.ts.
 * - A Schedule Trigger only says when: a Manual Trigger of the same name takes its place.
 * - The ImageKit File Trigger emits the files new in its folder, as the list API returns them. Its
 *   place goes to ImageKit → File → Get Many of the same name, credential and folder, behind a
 *   Manual Trigger: it outputs the same file objects, from the same client call.
 */
export function runnableFromCli(example: ExampleWorkflow, id: string): ExampleWorkflow {
	const workflow: ExampleWorkflow = structuredClone({ ...example, id });
	const trigger = workflow.nodes.find((node) =>
		['n8n-nodes-base.scheduleTrigger', FILE_TRIGGER_NODE].includes(node.type),
	);
	if (!trigger) return workflow;
	if (trigger.type === 'n8n-nodes-base.scheduleTrigger') {
		Object.assign(trigger, MANUAL_TRIGGER);
		return workflow;
	}
	const start = {
		...MANUAL_TRIGGER,
		name: 'Manual Start',
		position: [trigger.position[0] - 220, 0],
	};
	workflow.nodes.push(start as ExampleNode);
	workflow.connections[start.name] = { main: [[{ node: trigger.name, type: 'main', index: 0 }]] };
	Object.assign(trigger, {
		type: IMAGEKIT_NODE,
		typeVersion: 1,
		parameters: {
			resource: 'file',
			operation: 'getAll',
			returnAll: true,
			filters: { path: trigger.parameters.folder, sort: 'ASC_CREATED' },
		},
	});
	return workflow;
}
