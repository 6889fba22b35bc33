import {
	ICredentialsHelper,
	isExpression,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

/**
 * Hands nodes decrypted fixture credentials and authenticates requests with the credential
 * type's own `authenticate`, resolving generic auth the way n8n's CLI `CredentialsHelper` does.
 * Secrets only ever land where `authenticate` puts them.
 */
export class FixtureCredentialsHelper extends ICredentialsHelper {
	private readonly types: Map<string, ICredentialType>;

	constructor(
		credentialTypes: ICredentialType[],
		private readonly fixtures: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
		this.types = new Map(credentialTypes.map((type) => [type.name, type]));
		// Fail at engine creation, not mid-run, on data for a credential type nobody registered.
		for (const typeName of Object.keys(fixtures)) this.credentialType(typeName);
	}

	credentialType(typeName: string): ICredentialType {
		const type = this.types.get(typeName);
		if (!type) throw new Error(`Credential type "${typeName}" is not registered with the engine`);
		return type;
	}

	hasFixture(typeName: string): boolean {
		return typeName in this.fixtures;
	}

	fixture(typeName: string): ICredentialDataDecryptedObject {
		const data = this.fixtures[typeName];
		if (!data) throw new Error(`No credentials of type "${typeName}" were given to the engine`);
		// A copy, so a node that mutates its credentials cannot change later runs.
		return { ...data };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.credentialType(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type !== 'generic') return requestOptions as IHttpRequestOptions;
		if (!workflow || !node) {
			throw new Error('Generic credential authentication needs the workflow and node');
		}

		const resolve = (value: unknown): unknown => {
			if (!isExpression(value)) return value;
			const resolved = workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
			return resolved ? resolved.toString() : '';
		};

		// Each property (auth, headers, qs, body) merges its resolved entries into the request.
		const request = requestOptions as unknown as Record<
			string,
			Record<string, unknown> | undefined
		>;
		request.headers ??= {};
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			const resolvedEntries = Object.entries(entries as Record<string, unknown>).map(
				([key, value]) => [resolve(key), resolve(value)] as const,
			);
			request[target] = { ...request[target], ...Object.fromEntries(resolvedEntries) };
		}
		return requestOptions as IHttpRequestOptions;
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject> {
		return this.fixture(typeName);
	}

	getCredentialsProperties(typeName: string): INodeProperties[] {
		return this.credentialType(typeName).properties;
	}

	getParentTypes(typeName: string): string[] {
		return this.credentialType(typeName).extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	// Token-fetching credentials (expirable properties, OAuth) are out of scope: fail loudly
	// rather than silently sending unauthenticated requests.
	async preAuthentication(
		_helpers: unknown,
		_credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<undefined> {
		if (this.credentialType(typeName).preAuthentication) {
			throw new Error(`The engine does not support preAuthentication ("${typeName}")`);
		}
		return undefined;
	}

	async runPreAuthentication(
		helpers: unknown,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<undefined> {
		return await this.preAuthentication(helpers, credentials, typeName);
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('The engine only holds decrypted fixture credentials');
	}

	async updateCredentials(): Promise<void> {
		throw new Error('The engine cannot store refreshed credentials');
	}

	async updateCredentialsOauthTokenData(): Promise<void> {
		throw new Error('The engine cannot store refreshed credentials');
	}
}
