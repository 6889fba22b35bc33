import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ImageKitApi } from '../../credentials/ImageKitApi.credentials';
import { ImageKit } from '../../nodes/ImageKit/ImageKit.node';
import { ImageKitEmulator } from '../emulator';
import type {
	BinaryMode,
	Engine,
	RunNodeOptions,
	RunResult,
	WorkflowNode,
} from '../engine/harness';
import {
	assertTestCaTrusted,
	BINARY_SOURCE_TYPE,
	BinarySource,
	createEngine,
	useProxy,
} from '../engine/harness';

export const NODE_TYPE = 'n8n-nodes-imagekit.imageKit';
export const PRIVATE_KEY = 'private_emulatorKey0123456789abcdefXYZ=';
export const PUBLIC_KEY = 'public_emulatorKey0123456789=';

export interface NodeFixture {
	emulator: ImageKitEmulator;
	engine: Engine;
	/** Runs the ImageKit node alone on the given items (one empty item by default). */
	run(
		parameters: INodeParameters,
		options?: RunNodeOptions,
	): Promise<RunResult & { items: INodeExecutionData[] }>;
	/** Runs a workflow, e.g. a binary source followed by the ImageKit node. */
	runWorkflow(nodes: WorkflowNode[]): Promise<RunResult>;
	close(): Promise<void>;
}

/**
 * The ImageKit node on n8n's real engine, reaching the stateful emulator at the real ImageKit
 * hosts through n8n's own HTTP stack (HTTPS proxy + test CA).
 */
export async function startNodeFixture(
	binaryMode: BinaryMode = 'default',
	account: { urlEndpoint?: string } = {},
): Promise<NodeFixture> {
	assertTestCaTrusted();
	const emulator = new ImageKitEmulator({ privateKey: PRIVATE_KEY, ...account });
	await emulator.start();
	const engine = await createEngine({
		nodeTypes: { [NODE_TYPE]: new ImageKit(), [BINARY_SOURCE_TYPE]: new BinarySource() },
		credentialTypes: [new ImageKitApi()],
		credentials: {
			imageKitApi: {
				privateKey: PRIVATE_KEY,
				publicKey: PUBLIC_KEY,
				urlEndpoint: emulator.urlEndpoint,
			},
		},
		binaryMode,
	});
	const restoreProxy = useProxy(emulator.proxyUrl);
	return {
		emulator,
		engine,
		run: async (parameters, options = {}) => await engine.runNode(NODE_TYPE, parameters, options),
		runWorkflow: async (nodes) => await engine.run({ nodes }),
		close: async () => {
			restoreProxy();
			await engine.close();
			await emulator.stop();
		},
	};
}

/** The run as n8n would store it, to check that no secret leaked into it. */
export function serialisedRun(result: RunResult): string {
	return (
		JSON.stringify(result.run) +
		JSON.stringify(result.error ?? null) +
		String(result.error?.stack ?? '')
	);
}

/**
 * The fixture for a test file, started once before its tests and closed after them. Before each
 * test the emulator is reset; after each, it must have seen nothing the OpenAPI spec forbids and
 * met no internal error. Read its members inside tests and hooks, once it has started.
 */
export function useNodeFixture(
	binaryMode: BinaryMode = 'default',
	account: { urlEndpoint?: string } = {},
): NodeFixture {
	let started: NodeFixture | undefined;
	const fixture = (): NodeFixture => {
		if (!started) throw new Error('The node fixture is used before beforeAll started it');
		return started;
	};
	beforeAll(async () => {
		started = await startNodeFixture(binaryMode, account);
	});
	afterAll(async () => await started?.close());
	beforeEach(() => fixture().emulator.reset());
	afterEach(() => {
		expect(fixture().emulator.openApiViolations).toEqual([]);
		expect(fixture().emulator.internalErrors).toEqual([]);
	});
	return {
		get emulator() {
			return fixture().emulator;
		},
		get engine() {
			return fixture().engine;
		},
		run: async (parameters, options) => await fixture().run(parameters, options),
		runWorkflow: async (nodes) => await fixture().runWorkflow(nodes),
		close: async () => await fixture().close(),
	};
}
