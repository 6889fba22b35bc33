// Reading what a real n8n did: `n8n execute --rawOutput` runs, executions listed over REST, and
// waiting for things that happen a little later (webhook registration, polls).
import type { IDataObject, IRun, INodeExecutionData } from 'n8n-workflow';

import type { RunningN8n } from '../../scripts/n8n';

/** The IRun JSON that `n8n execute --rawOutput` prints, between a line "{" and the last line "}". */
export function parseExecuteOutput(stdout: string): IRun | undefined {
	const json = /^\{$[\s\S]*^\}$/m.exec(stdout);
	return json ? (JSON.parse(json[0]) as IRun) : undefined;
}

/** The items a node output in a run; throws naming the node and n8n's error when it failed or never ran. */
export function nodeItems(run: IRun, node: string): INodeExecutionData[] {
	const task = run.data.resultData.runData[node]?.[0];
	if (!task) {
		const { lastNodeExecuted, error } = run.data.resultData;
		throw new Error(
			`Node "${node}" did not run; the run stopped after "${lastNodeExecuted}"${error ? `: ${error.message}` : ''}`,
		);
	}
	if (task.error) {
		const { message, description } = task.error as { message: string; description?: string };
		throw new Error(`Node "${node}" failed: ${message}${description ? ` (${description})` : ''}`);
	}
	return task.data?.main[0] ?? [];
}

export const nodeJson = (run: IRun, node: string): IDataObject[] =>
	nodeItems(run, node).map((item) => item.json);

/** Polls `probe` until it returns a value other than undefined, or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined> | T | undefined,
	timeoutMs: number,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline)
			throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** Activates a workflow through the editor's REST API, which takes its current versionId on 1.x and 2.x alike. */
export async function activateWorkflow(n8n: RunningN8n, workflowId: string): Promise<void> {
	const workflow = await n8n.rest('GET', `/rest/workflows/${workflowId}`);
	const versionId = (workflow.json?.data ?? workflow.json)?.versionId as string | undefined;
	if (!versionId)
		throw new Error(
			`GET /rest/workflows/${workflowId} → ${workflow.status}: ${workflow.text.slice(0, 300)}`,
		);
	const activated = await n8n.rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId });
	if (activated.status !== 200)
		throw new Error(
			`Activating ${workflowId} → ${activated.status}: ${activated.text.slice(0, 300)}`,
		);
}

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
}

/** The executions n8n stored for a workflow, newest first. */
export async function executionsOf(
	n8n: RunningN8n,
	workflowId: string,
): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const response = await n8n.rest('GET', `/rest/executions?filter=${filter}`);
	if (response.status !== 200)
		throw new Error(`GET /rest/executions → ${response.status}: ${response.text.slice(0, 300)}`);
	const results = (response.json.data?.results ?? response.json.data) as ExecutionSummary[];
	return results;
}

/** What n8n's own credential test (the dialog's "Test" button) answers for these credential data. */
export async function testCredential(
	n8n: RunningN8n,
	credential: { id: string; name: string; type: string; data: IDataObject },
): Promise<{ status: string; message: string }> {
	const response = await n8n.rest('POST', '/rest/credentials/test', { credentials: credential });
	if (response.status !== 200)
		throw new Error(
			`POST /rest/credentials/test → ${response.status}: ${response.text.slice(0, 300)}`,
		);
	return response.json.data ?? response.json;
}
