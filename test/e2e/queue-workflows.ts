// The workflows of the queue-mode run (queue-mode.queue.ts): the chained operation workflows of
// workflows.ts started by a production webhook instead of the Manual Trigger, so that they run on the
// workers, and the load workflows, whose last node tags each file it handled with its execution's ID,
// so the emulator's files tell which execution handled what.
import { randomUUID } from 'crypto';

import {
	API_CREDENTIAL,
	chainWorkflow,
	FILE_TRIGGER_NODE,
	WEBHOOK_CREDENTIAL,
	WEBHOOK_TRIGGER_NODE,
	type WorkflowJson,
	uploadFromDisk,
} from './workflows';

/** The tag a workflow's last node adds: `exec-<execution ID>`. */
const EXECUTION_TAG = "={{ 'exec-' + $execution.id }}";
export const executionIdOfTag = (tag: string) => /^exec-(\d+)$/.exec(tag)?.[1];

/** The workflow with its Manual Trigger replaced by a Webhook node at `path` that answers at once. */
export function startedByWebhook(workflow: WorkflowJson, path: string): WorkflowJson {
	const [start, ...rest] = workflow.nodes;
	return {
		...workflow,
		nodes: [
			{
				id: start.id,
				name: start.name,
				position: start.position,
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			},
			...rest,
		],
	};
}

const imageKitTrigger = (webhookId: string) => ({
	type: WEBHOOK_TRIGGER_NODE,
	typeVersion: 1,
	webhookId,
	parameters: { events: ['file.created'], verifySignature: true, options: {} },
	credentials: { imageKitWebhookApi: WEBHOOK_CREDENTIAL },
});

export const QUEUE_IDS = {
	bigUpload: 'queueBigUpload',
	webhookLoad: 'queueWebhookLoad',
	polled: 'queuePolled',
	killed: 'queueKilled',
} as const;

export const LOAD_WEBHOOK_ID = '0c6f3b9e-7a41-4d2c-9e85-3f1a6b2d8c40';
export const KILL_WEBHOOK_ID = '6d2a9f14-3b8e-4c71-a5d0-9e4f2b7c1a83';
export const BIG_UPLOAD_PATH = 'queue-big-upload';

export function queueWorkflows({ bigFilePath }: { bigFilePath: string }): WorkflowJson[] {
	return [
		startedByWebhook(
			chainWorkflow(
				QUEUE_IDS.bigUpload,
				'Queue: a large binary read from disk and uploaded',
				uploadFromDisk({
					readName: 'Read File',
					filePath: bigFilePath,
					fileName: 'big.bin',
					folder: '/big/',
				}),
			),
			BIG_UPLOAD_PATH,
		),
		chainWorkflow(
			QUEUE_IDS.webhookLoad,
			'Queue: each signed event tags its file',
			[
				{
					name: 'Tag',
					parameters: {
						resource: 'file',
						operation: 'addTags',
						fileIds: '={{ $json.data.fileId }}',
						tags: EXECUTION_TAG,
					},
				},
			],
			imageKitTrigger(LOAD_WEBHOOK_ID),
		),
		chainWorkflow(
			QUEUE_IDS.polled,
			'Queue: each polled file is tagged',
			[
				{
					name: 'Tag',
					parameters: {
						resource: 'file',
						operation: 'addTags',
						fileIds: "={{ $input.all().map((item) => item.json.fileId).join(',') }}",
						tags: EXECUTION_TAG,
					},
				},
			],
			{
				type: FILE_TRIGGER_NODE,
				typeVersion: 1,
				parameters: {
					event: 'fileCreated',
					folder: '/polled/',
					includeSubfolders: false,
					filters: {},
					pollTimes: { item: [{ mode: 'everyMinute' }] },
				},
				credentials: { imageKitApi: API_CREDENTIAL },
			},
		),
		// The event names the file to write. A re-run writes the same path again (a new version),
		// since Use Unique File Name is off: what makes a re-run safe without an idempotency key. The
		// upload's tag names the execution, so every file stays traceable whatever n8n keeps of a run.
		chainWorkflow(
			QUEUE_IDS.killed,
			'Queue: upload tagged with the execution, then wait (a worker is killed meanwhile)',
			[
				{
					name: 'Upload',
					parameters: {
						resource: 'file',
						operation: 'upload',
						inputSource: 'base64',
						base64Content: '={{ $json.data.content }}',
						fileName: '={{ $json.data.name }}',
						options: { folder: '/kill/', useUniqueFileName: false, tags: EXECUTION_TAG },
					},
				},
				{
					name: 'Wait',
					type: 'n8n-nodes-base.wait',
					typeVersion: 1.1,
					parameters: { resume: 'timeInterval', amount: 3, unit: 'seconds' },
				},
			],
			imageKitTrigger(KILL_WEBHOOK_ID),
		),
	];
}
