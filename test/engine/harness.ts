/**
 * Runs real n8n workflows in jest through n8n-core's WorkflowExecute: nodes get n8n's own execute
 * contexts, HTTP stack and binary data service; only credentials come from fixtures.
 */
import 'reflect-metadata';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import {
	BinaryDataService,
	ErrorReporter,
	ExecuteContext,
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	LoadOptionsContext,
	RoutingNode,
	WorkflowExecute,
	type BinaryDataConfig,
} from 'n8n-core';
import {
	createRunExecutionData,
	NodeHelpers,
	Workflow,
	type ExecutionError,
	type IBinaryData,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IConnections,
	type INode,
	type INodeCredentialTestResult,
	type INodeCredentials,
	type INodeExecutionData,
	type INodeParameters,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IRunData,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import {
	CREDENTIAL_TEST_NODE_TYPE,
	credentialTestNodeType,
	failedCredentialTestResult,
	succeededCredentialTestResult,
} from './credential-test';
import { FixtureCredentialsHelper } from './credentials-helper';

export { assertTestCaTrusted, IMAGEKIT_API_HOSTS, useProxy } from './proxy';
export { deterministicStream, expectedSha256, sha256OfStream } from './deterministic-bytes';
export { BINARY_SOURCE_TYPE, BinarySource, binarySourceSha256 } from './nodes/BinarySource.node';

export type BinaryMode = 'default' | 'filesystem';

export interface EngineOptions {
	/** Node types by the type name workflows use, e.g. `n8n-nodes-imagekit.imageKit`. */
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	credentialTypes?: ICredentialType[];
	/** Decrypted credential data by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** `default` keeps binary data in memory (base64); `filesystem` streams it to a temp dir. */
	binaryMode?: BinaryMode;
}

/** A workflow node; everything but name and type has a default. */
export type WorkflowNode = Pick<INode, 'name' | 'type'> & Partial<Omit<INode, 'name' | 'type'>>;

export interface RunOptions {
	nodes: WorkflowNode[];
	/** Defaults to connecting the nodes' main outputs in the order they are listed. */
	connections?: IConnections;
	/** Name of the node the run starts at; defaults to the first node. */
	startNode?: string;
	/** The items the start node receives; defaults to one empty item. */
	inputItems?: INodeExecutionData[];
}

export interface RunResult {
	run: IRun;
	/** Set when the workflow failed, e.g. a node threw without `onError` set. */
	error?: ExecutionError;
	/** The items on main output 0 of the node's first run. Throws if the node did not run. */
	output(nodeName: string): INodeExecutionData[];
	/** Every main output of the node's first run. Throws if the node did not run. */
	outputs(nodeName: string): INodeExecutionData[][];
}

export interface RunNodeOptions {
	inputItems?: INodeExecutionData[];
	/** Sets `onError: 'continueRegularOutput'`, which makes `continueOnFail()` true. */
	continueOnFail?: boolean;
	/** The node's version, e.g. 1 for a workflow saved before version 2; the newest by default. */
	typeVersion?: number;
}

export interface SingleNodeRunResult extends RunResult {
	/** The node's main output 0; empty when it failed. */
	items: INodeExecutionData[];
}

export interface Engine {
	run(options: RunOptions): Promise<RunResult>;
	/** Runs a workflow made of just this node, named `NODE_UNDER_TEST`. */
	runNode(
		type: string,
		parameters?: INodeParameters,
		options?: RunNodeOptions,
	): Promise<SingleNodeRunResult>;
	/** Tests a credential like n8n's credential tester; `data` defaults to the engine's fixture. */
	testCredential(
		typeName: string,
		data?: ICredentialDataDecryptedObject,
	): Promise<INodeCredentialTestResult>;
	/**
	 * Runs a node type's `methods.loadOptions[method]` as the editor does when a dropdown opens, with
	 * the node's current `parameters` and the engine's credentials.
	 */
	loadOptions(
		type: string,
		method: string,
		parameters?: INodeParameters,
	): Promise<INodePropertyOptions[]>;
	/** Reads binary data from an output item, from n8n's binary store or inline base64. */
	binaryStream(binary: IBinaryData): Promise<Readable>;
	/** Removes the engine's temp dir: the filesystem binary store and n8n's user folder. */
	close(): Promise<void>;
}

export const NODE_UNDER_TEST = 'Node Under Test';

const WORKFLOW_ID = 'harnessWorkflow';

export async function createEngine({
	nodeTypes,
	credentialTypes = [],
	credentials = {},
	binaryMode = 'default',
}: EngineOptions): Promise<Engine> {
	const credentialsHelper = new FixtureCredentialsHelper(credentialTypes, credentials);
	const tempDir = await mkdtemp(join(tmpdir(), 'n8n-harness-'));
	configureN8nEnvironment(join(tempDir, 'user'));
	const binaryData = await createBinaryDataService(binaryMode, join(tempDir, 'binary-data'));
	return new WorkflowEngine(
		new NodeTypeRegistry(nodeTypes),
		credentialsHelper,
		binaryData,
		tempDir,
	);
}

class WorkflowEngine implements Engine {
	private executionCount = 0;

	constructor(
		private readonly nodeTypes: NodeTypeRegistry,
		private readonly credentialsHelper: FixtureCredentialsHelper,
		private readonly binaryData: BinaryDataService,
		private readonly tempDir: string,
	) {}

	async run({
		nodes,
		connections,
		startNode,
		inputItems = [{ json: {} }],
	}: RunOptions): Promise<RunResult> {
		const workflowNodes = nodes.map((node) => this.completeNode(node));
		const workflowData = workflowBase(
			workflowNodes,
			connections ?? connectInSequence(workflowNodes),
		);
		const workflow = new Workflow({ ...workflowData, nodeTypes: this.nodeTypes });
		const startNodeName = startNode ?? workflowNodes[0].name;
		const firstNode = workflow.getNode(startNodeName);
		if (!firstNode) throw new Error(`Start node "${startNodeName}" is not in the workflow`);

		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: firstNode, data: { main: [inputItems] }, source: null }],
			},
		});
		// n8n-core's binary helpers look the service up in the global container on every call.
		Container.set(BinaryDataService, this.binaryData);
		const execution = new WorkflowExecute(
			this.additionalData(workflowData),
			'manual',
			runExecutionData,
		);
		return runResult(await execution.processRunExecutionData(workflow));
	}

	async runNode(
		type: string,
		parameters: INodeParameters = {},
		{ inputItems, continueOnFail = false, typeVersion }: RunNodeOptions = {},
	): Promise<SingleNodeRunResult> {
		const onError = continueOnFail ? 'continueRegularOutput' : undefined;
		const result = await this.run({
			nodes: [{ name: NODE_UNDER_TEST, type, parameters, onError, typeVersion }],
			inputItems,
		});
		return {
			...result,
			items: mainOutputs(result.run.data.resultData.runData, NODE_UNDER_TEST)?.[0] ?? [],
		};
	}

	async testCredential(
		typeName: string,
		data = this.credentialsHelper.fixture(typeName),
	): Promise<INodeCredentialTestResult> {
		const { test } = this.credentialsHelper.credentialType(typeName);
		if (!test)
			return { status: 'Error', message: 'No testing function found for this credential.' };

		// The same temporary node and RoutingNode run that n8n's CLI CredentialsTester uses.
		const nodeType = credentialTestNodeType(typeName, test);
		const node: INode = {
			id: 'temp',
			name: 'Temp-Node',
			type: CREDENTIAL_TEST_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			credentials: { [typeName]: { id: typeName, name: typeName } },
		};
		const workflowData = workflowBase([node], {});
		const workflow = new Workflow({
			...workflowData,
			nodeTypes: new NodeTypeRegistry({ [CREDENTIAL_TEST_NODE_TYPE]: nodeType }),
		});
		const context = new ExecuteContext(
			workflow,
			node,
			this.additionalData(workflowData),
			'internal',
			createRunExecutionData(),
			0,
			[],
			{ main: [[{ json: {} }]] },
			{ node, data: {}, source: null },
			[],
		);
		const credentialsDecrypted = { id: typeName, name: typeName, type: typeName, data };
		try {
			const output = await new RoutingNode(context, nodeType, credentialsDecrypted).runNode();
			return succeededCredentialTestResult(output, test);
		} catch (error) {
			return failedCredentialTestResult(error, test);
		}
	}

	async loadOptions(
		type: string,
		method: string,
		parameters: INodeParameters = {},
	): Promise<INodePropertyOptions[]> {
		const node = this.completeNode({ name: NODE_UNDER_TEST, type, parameters });
		const load = this.nodeTypes.getByNameAndVersion(type, node.typeVersion).methods?.loadOptions?.[
			method
		];
		if (!load) throw new Error(`The node type "${type}" has no loadOptions method "${method}"`);
		const workflowData = workflowBase([node], {});
		const workflow = new Workflow({ ...workflowData, nodeTypes: this.nodeTypes });
		// As n8n's DynamicNodeParametersService: the parameters being edited travel in additionalData.
		const additionalData = {
			...this.additionalData(workflowData),
			currentNodeParameters: parameters,
		};
		// The path names the parameter being edited; it only matters to `&`-relative lookups.
		return await load.call(
			new LoadOptionsContext(workflow, node, additionalData, `parameters.${method}`),
		);
	}

	async binaryStream(binary: IBinaryData): Promise<Readable> {
		if (binary.id) return await this.binaryData.getAsStream(binary.id);
		return Readable.from([await this.binaryData.getAsBuffer(binary)]);
	}

	async close(): Promise<void> {
		await rm(this.tempDir, { recursive: true, force: true });
	}

	private completeNode(node: WorkflowNode): INode {
		const typeVersion = node.typeVersion ?? defaultTypeVersion(this.nodeTypes.getByName(node.type));
		const nodeType = this.nodeTypes.getByNameAndVersion(node.type, typeVersion);
		return {
			id: randomUUID(),
			position: [0, 0],
			parameters: {},
			...node,
			typeVersion,
			credentials: node.credentials ?? this.fixtureCredentialsFor(nodeType),
		};
	}

	// Attaches every credential the node type accepts and the engine has data for.
	private fixtureCredentialsFor(nodeType: INodeType): INodeCredentials | undefined {
		const accepted = (nodeType.description.credentials ?? [])
			.map(({ name }) => name)
			.filter((name) => this.credentialsHelper.hasFixture(name));
		if (accepted.length === 0) return undefined;
		return Object.fromEntries(accepted.map((name) => [name, { id: name, name }]));
	}

	private additionalData(workflowData: IWorkflowBase): IWorkflowExecuteAdditionalData {
		const executionId = String(++this.executionCount);
		const baseUrl = 'http://localhost:5678';
		return {
			credentialsHelper: this.credentialsHelper,
			hooks: new ExecutionLifecycleHooks('manual', executionId, workflowData),
			externalSecretsProxy: new ExternalSecretsProxy(),
			executionId,
			currentNodeExecutionIndex: 0,
			restApiUrl: `${baseUrl}/rest`,
			instanceBaseUrl: baseUrl,
			formBaseUrl: `${baseUrl}/form`,
			formWaitingBaseUrl: `${baseUrl}/form-waiting`,
			formTestBaseUrl: `${baseUrl}/form-test`,
			webhookBaseUrl: `${baseUrl}/webhook`,
			webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
			webhookTestBaseUrl: `${baseUrl}/webhook-test`,
			mcpBaseUrl: `${baseUrl}/mcp`,
			mcpTestBaseUrl: `${baseUrl}/mcp-test`,
			variables: {},
			logAiEvent: () => undefined,
			executeWorkflow: unsupported('executeWorkflow'),
			getRunExecutionData: unsupported('getRunExecutionData'),
			getRuntimeCredential: unsupported('getRuntimeCredential'),
			startRunnerTask: unsupported('startRunnerTask'),
		};
	}
}

class NodeTypeRegistry implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(type: string): INodeType | IVersionedNodeType {
		const nodeType = this.types[type];
		if (!nodeType) {
			throw new Error(
				`Unknown node type "${type}"; the engine knows: ${Object.keys(this.types).join(', ')}`,
			);
		}
		return nodeType;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

function defaultTypeVersion(nodeType: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in nodeType) return nodeType.currentVersion;
	const { version } = nodeType.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

function workflowBase(nodes: INode[], connections: IConnections): IWorkflowBase {
	const now = new Date();
	return {
		id: WORKFLOW_ID,
		name: 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}

function connectInSequence(nodes: Array<Pick<INode, 'name'>>): IConnections {
	return Object.fromEntries(
		nodes
			.slice(1)
			.map((node, index) => [
				nodes[index].name,
				{ main: [[{ node: node.name, type: 'main', index: 0 }]] },
			]),
	);
}

function mainOutputs(runData: IRunData, nodeName: string): INodeExecutionData[][] | undefined {
	const task = runData[nodeName]?.[0];
	if (!task) return undefined;
	return (task.data?.main ?? []).map((items) => items ?? []);
}

function runResult(run: IRun): RunResult {
	const { runData, error } = run.data.resultData;
	const outputs = (nodeName: string) => {
		const nodeOutputs = mainOutputs(runData, nodeName);
		if (!nodeOutputs) {
			throw new Error(
				`Node "${nodeName}" did not run; these did: ${Object.keys(runData).join(', ')}`,
			);
		}
		return nodeOutputs;
	};
	return { run, error, outputs, output: (nodeName) => outputs(nodeName)[0] ?? [] };
}

async function createBinaryDataService(
	mode: BinaryMode,
	localStoragePath: string,
): Promise<BinaryDataService> {
	// BinaryDataService reads only these; a real BinaryDataConfig would need n8n's instance settings.
	const config: Pick<
		BinaryDataConfig,
		'mode' | 'availableModes' | 'localStoragePath' | 'signingSecret'
	> = {
		mode,
		availableModes: [mode],
		localStoragePath,
		signingSecret: randomUUID(),
	};
	const service = new BinaryDataService(
		config as BinaryDataConfig,
		Container.get(ErrorReporter),
		Container.get(Logger),
	);
	// In 'default' mode init() registers no manager for the mode, so data stays inline as in n8n.
	await service.init();
	return service;
}

let harnessUserFolder: string | undefined;

// Both are read once, when n8n-core first builds its Logger and InstanceSettings.
function configureN8nEnvironment(userFolder: string): void {
	// n8n logs every node error with its stack; tests assert errors instead. Set N8N_LOG_LEVEL to see them.
	process.env.N8N_LOG_LEVEL ??= 'silent';
	// InstanceSettings writes <N8N_USER_FOLDER>/.n8n/config (an encryption key) the first time a
	// node runs: keep it in the engine's temp dir rather than the developer's home directory,
	// unless the developer chose a folder.
	if (
		process.env.N8N_USER_FOLDER === undefined ||
		process.env.N8N_USER_FOLDER === harnessUserFolder
	) {
		harnessUserFolder = userFolder;
		process.env.N8N_USER_FOLDER = userFolder;
	}
}

function unsupported(name: string): () => never {
	return () => {
		throw new Error(`The engine does not support ${name}`);
	};
}
