// What every process of the local queue-mode stack shares: its settings and its encryption key.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { PostgresCluster, RunningService } from './services';

/** The environment every process of the stack shares: what a production deployment sets too. */
export function queueEnv({
	postgres,
	redis,
	encryptionKey,
}: {
	postgres: PostgresCluster;
	redis: RunningService;
	encryptionKey: string;
}): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		N8N_ENCRYPTION_KEY: encryptionKey,
		// n8n 2.x queue mode keeps binary data in the database; filesystem mode is not shared by workers.
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		// Runs from the editor go to the workers too, not only production ones.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}

/** The stack's encryption key, made once and kept with its data, so credentials stay readable. */
export function keptEncryptionKey(dataDir: string): string {
	const file = path.join(dataDir, 'encryption-key');
	if (!fs.existsSync(file)) fs.writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`);
	return fs.readFileSync(file, 'utf8').trim();
}
