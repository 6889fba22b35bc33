// The instance owner `npm start` and the tests log in as: created from env (2.x) or over REST (1.x).
import * as path from 'node:path';

import { N8nDevError } from './errors';
import type { N8nInstall } from './install';
import type { LogFn } from './log';
import { packageDirFrom } from './paths';
import { request } from './rest';

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export const DEFAULT_OWNER: Readonly<Owner> = Object.freeze({
	email: 'admin@example.com',
	password: 'ImageKit-dev-1',
	firstName: 'Dev',
	lastName: 'Owner',
});

/** Logs in as the owner; returns the `n8n-auth=…` cookie. */
export async function login(baseUrl: string, owner: Owner): Promise<string> {
	let res = await request(baseUrl, 'POST', '/rest/login', {
		body: { emailOrLdapLoginId: owner.email, password: owner.password },
	});
	if (res.status === 400)
		res = await request(baseUrl, 'POST', '/rest/login', {
			body: { email: owner.email, password: owner.password },
		});
	if (res.status !== 200) {
		throw new N8nDevError(
			`Login as ${owner.email} failed (HTTP ${res.status}): ${res.text.slice(0, 300)}`,
			'The user folder may have another owner password: delete it (or its .n8n/database.sqlite) to start over.',
		);
	}
	const cookies =
		typeof res.headers.getSetCookie === 'function'
			? res.headers.getSetCookie()
			: [res.headers.get('set-cookie') || ''];
	const auth = cookies.map((c) => c.split(';')[0].trim()).find((c) => c.startsWith('n8n-auth='));
	if (!auth) throw new N8nDevError('Login answered 200 but set no n8n-auth cookie.');
	return auth;
}

/** Without env-managed owners (n8n 1.x): set the owner up over REST once, right after start. */
export async function ensureOwnerOverRest(
	baseUrl: string,
	owner: Owner,
	log: LogFn,
): Promise<string> {
	const settings = await request(baseUrl, 'GET', '/rest/settings');
	const um = settings.json && settings.json.data && settings.json.data.userManagement;
	if (um && um.showSetupOnFirstLoad === false) return login(baseUrl, owner);
	const res = await request(baseUrl, 'POST', '/rest/owner/setup', {
		body: {
			email: owner.email,
			firstName: owner.firstName,
			lastName: owner.lastName,
			password: owner.password,
		},
	});
	if (res.status !== 200) {
		throw new N8nDevError(
			`Could not set up the owner ${owner.email} (HTTP ${res.status}): ${res.text.slice(0, 300)}`,
		);
	}
	log(`owner ${owner.email} set up`);
	return login(baseUrl, owner);
}

/** The bcrypt hash n8n expects in N8N_INSTANCE_OWNER_PASSWORD_HASH, made with n8n's own bcryptjs. */
function bcryptHash(install: N8nInstall, password: string): string {
	const bcryptDir = packageDirFrom(path.join(install.dir, 'node_modules', 'n8n'), 'bcryptjs');
	if (!bcryptDir)
		throw new N8nDevError(
			`bcryptjs not found in ${install.dir}; cannot create the owner from env.`,
			`Delete ${install.dir} and run this again.`,
		);
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- n8n's copy, found at run time
	const bcrypt = require(bcryptDir) as { hashSync(password: string, rounds: number): string };
	return bcrypt.hashSync(password, 10);
}

/** The variables that make n8n (2.x) create the owner at startup; none where n8n cannot. */
export function ownerEnv(install: N8nInstall, owner: Owner | null): Record<string, string> {
	if (!owner || !install.features.ownerFromEnv) return {};
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(install, owner.password),
		N8N_INSTANCE_OWNER_FIRST_NAME: owner.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: owner.lastName,
	};
}
