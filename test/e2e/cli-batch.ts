// Runs many workflows in one n8n CLI process: each n8n command costs 8-13 s of start-up before it
// does anything, so importing once and running `n8n executeBatch` once per version is what keeps
// the scenario suites cheap. executeBatch saves the full run of each successful workflow as a
// snapshot file (the same IRun JSON `n8n execute --rawOutput` prints) and names the failed ones.
import * as fs from 'fs';
import * as path from 'path';

import type { IRun } from 'n8n-workflow';

import { runN8nCommand, type N8nInstall } from '../../scripts/n8n';

export interface CliFolder {
	install: N8nInstall;
	userFolder: string;
	env: Record<string, string>;
}

/** Runs an n8n CLI command, failing with its output when it exits non-zero. */
async function runOrFail(folder: CliFolder, args: string[]): Promise<void> {
	const result = await runN8nCommand({ ...folder, args });
	if (result.code !== 0)
		throw new Error(
			`n8n ${args[0]} exited ${result.code}:\n${result.stdout}\n${result.stderr}`.slice(-3000),
		);
}

/** Imports credentials (with their data) and workflows into the folder's n8n database. */
export async function importInto(
	folder: CliFolder,
	{ credentials, workflows }: { credentials: object[]; workflows: object[] },
): Promise<void> {
	for (const [command, entries] of [
		['import:credentials', credentials],
		['import:workflow', workflows],
	] as const) {
		const file = path.join(folder.userFolder, `${command.replace(':', '-')}.json`);
		fs.writeFileSync(file, JSON.stringify(entries));
		await runOrFail(folder, [command, `--input=${file}`]);
	}
}

export interface BatchOutcome {
	/** The run of each workflow that finished without an error, by workflow id. */
	runs: Map<string, IRun>;
	/** n8n's error text (the failing node's name at its end) for each workflow that failed. */
	failures: Map<string, string>;
}

interface BatchReport {
	executions: Array<{ workflowId: string; executionStatus: string; error?: string }>;
}

/**
 * Runs every workflow of the folder's database once, one after the other, in one CLI process.
 * `--retries=0`: a failed workflow is not run again, so no side effect happens twice.
 */
export async function executeBatch(folder: CliFolder): Promise<BatchOutcome> {
	const snapshots = path.join(folder.userFolder, 'snapshots');
	fs.rmSync(snapshots, { recursive: true, force: true });
	fs.mkdirSync(snapshots);
	const reportFile = path.join(folder.userFolder, 'batch-report.json');
	fs.rmSync(reportFile, { force: true });
	const result = await runN8nCommand({
		...folder,
		args: ['executeBatch', `--snapshot=${snapshots}`, `--output=${reportFile}`, '--retries=0'],
		linkPackage: false,
	});
	if (!fs.existsSync(reportFile))
		throw new Error(
			`n8n executeBatch exited ${result.code} without a report:\n${result.stdout}\n${result.stderr}`.slice(
				-3000,
			),
		);
	const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as BatchReport;
	const outcome: BatchOutcome = { runs: new Map(), failures: new Map() };
	for (const execution of report.executions) {
		const snapshot = path.join(snapshots, `${execution.workflowId}-snapshot.json`);
		if (execution.executionStatus === 'success' && fs.existsSync(snapshot))
			outcome.runs.set(execution.workflowId, JSON.parse(fs.readFileSync(snapshot, 'utf8')) as IRun);
		else
			outcome.failures.set(
				execution.workflowId,
				`${execution.executionStatus}: ${execution.error ?? 'no error text'}`,
			);
	}
	return outcome;
}

/** The run of a workflow, or an error saying how it failed or that it never ran. */
export function runOf(outcome: BatchOutcome, workflowId: string): IRun {
	const run = outcome.runs.get(workflowId);
	if (run) return run;
	const failure = outcome.failures.get(workflowId);
	if (!failure) throw new Error(`Workflow ${workflowId} was not run by executeBatch`);
	// executeBatch waits for a run only after starting it: one that failed at once (a credential it
	// names does not exist, say) is gone by then, and all it reports is this.
	const hint = failure.includes('No active execution found')
		? ' (the run ended before executeBatch waited for it: check the credentials and nodes it names)'
		: '';
	throw new Error(`Workflow ${workflowId} failed: ${failure}${hint}`);
}
