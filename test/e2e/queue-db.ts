// Reading what n8n stored in its PostgreSQL database in queue mode, with n8n's own `pg` client (the
// package has no database driver of its own): executions, their run data, and binary data kept in
// the database.
import * as path from 'path';

import type { IRun, IRunExecutionData } from 'n8n-workflow';

import type { N8nInstall } from '../../scripts/n8n';
import type { PostgresCluster } from '../../scripts/n8n/services';

interface PgClient {
	connect(): Promise<void>;
	query<Row>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
	end(): Promise<void>;
}

export interface StoredExecution {
	id: string;
	status: string;
	mode: string;
	startedAt: Date | null;
	stoppedAt: Date | null;
	createdAt: Date;
}

export class N8nDatabase {
	private constructor(
		private readonly client: PgClient,
		private readonly parseFlatted: (text: string) => unknown,
	) {}

	static async connect(install: N8nInstall, postgres: PostgresCluster): Promise<N8nDatabase> {
		// n8n's dependency, resolved from its install as n8n itself resolves it.
		const n8nDir = path.join(install.dir, 'node_modules', 'n8n');
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- n8n's copy, found at run time
		const { Client } = require(require.resolve('pg', { paths: [n8nDir] })) as {
			Client: new (config: object) => PgClient;
		};
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- n8n's copy, found at run time
		const flatted = require(require.resolve('flatted', { paths: [n8nDir] })) as {
			parse(text: string): unknown;
		};
		const client = new Client({
			host: '127.0.0.1',
			port: postgres.port,
			user: postgres.user,
			database: postgres.database,
		});
		await client.connect();
		return new N8nDatabase(client, flatted.parse);
	}

	async close(): Promise<void> {
		await this.client.end();
	}

	async executionsOf(workflowId: string): Promise<StoredExecution[]> {
		const { rows } = await this.client.query<StoredExecution & { id: number }>(
			'SELECT id, status, mode, "startedAt", "stoppedAt", "createdAt" FROM execution_entity WHERE "workflowId" = $1 ORDER BY id',
			[workflowId],
		);
		return rows.map((row) => ({ ...row, id: String(row.id) }));
	}

	/** The run data of an execution in the shape `n8n execute --rawOutput` prints (IRun.data). */
	async runOf(executionId: string): Promise<IRun> {
		const { rows } = await this.client.query<{ data: string }>(
			'SELECT data FROM execution_data WHERE "executionId" = $1',
			[Number(executionId)],
		);
		if (!rows.length) throw new Error(`No execution data for execution ${executionId}`);
		return { data: this.parseFlatted(rows[0].data) as IRunExecutionData } as IRun;
	}

	async query<Row>(text: string, values?: unknown[]): Promise<Row[]> {
		return (await this.client.query<Row>(text, values)).rows;
	}
}
