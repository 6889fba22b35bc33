import * as fs from 'fs';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

/**
 * Validates requests and responses against ImageKit's OpenAPI 3.1 spec, read from outside the
 * repository at test time (the spec is not ours to copy).
 */
export const DEFAULT_OPENAPI_SPEC_PATH = path.resolve(
	__dirname,
	'../../../shared/imagekit/openapi.yaml',
);

export interface RequestToValidate {
	method: string;
	path: string;
	/** The Host the request was sent to; a real ImageKit host must be one the operation is served on. */
	host?: string;
	query?: Record<string, string>;
	json?: unknown;
	/** A multipart/form-data body: its text fields, and the names of its file parts. */
	form?: { fields: Record<string, string>; fileFields?: string[] };
}

export interface ResponseToValidate {
	method: string;
	path: string;
	status: number;
	/** The parsed JSON body; undefined when the response has none. */
	body?: unknown;
}

type SpecNode = Record<string, unknown>;

/** A node of the document together with its JSON pointer, which is how Ajv is pointed at schemas. */
interface Located {
	node: SpecNode;
	pointer: string;
}

interface Operation {
	method: string;
	template: string;
	pattern: RegExp;
	parameterNames: string[];
	hosts: string[];
	operation: Located;
	pathItem: Located;
}

const SPEC_SCHEMA_ID = 'https://imagekit-openapi.test/spec.json';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

const escapePointerToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapePointerToken = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

function isNode(value: unknown): value is SpecNode {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Two adaptations make the spec's schemas mean what their authors intended:
 * - `type: [string, null]` is YAML for the string "null" plus a real null; Ajv needs "null".
 * - Several unions are written as `oneOf` whose branches overlap (UpdateFileRequest's two shapes
 *   both accept any object), so valid data would fail "exactly one"; they are read as `anyOf`.
 */
function asIntendedSchemas(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(asIntendedSchemas);
	if (!isNode(value)) return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, child]) => {
			if (key === 'type' && Array.isArray(child)) {
				return [key, child.map((type) => (type === null ? 'null' : type))];
			}
			if (key === 'oneOf' && !('anyOf' in value)) return ['anyOf', asIntendedSchemas(child)];
			return [key, asIntendedSchemas(child)];
		}),
	);
}

function formatSchemaError(error: ErrorObject): string {
	const detail =
		error.keyword === 'additionalProperties'
			? ` (${String(error.params.additionalProperty)})`
			: error.keyword === 'enum'
				? ` (${JSON.stringify(error.params.allowedValues)})`
				: '';
	return `${error.instancePath ? `${error.instancePath} ` : ''}${error.message}${detail}`;
}

/** Hosts of absolute server URLs; a relative server URL names no host. */
function hostsOf(servers: unknown): string[] {
	if (!Array.isArray(servers)) return [];
	return servers.flatMap((server) => {
		const url = isNode(server) ? String(server.url) : '';
		return URL.canParse(url) ? [new URL(url).hostname] : [];
	});
}

function decodePathSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

function basePathsOf(servers: unknown): string[] {
	if (!Array.isArray(servers) || servers.length === 0) return [''];
	return servers.map((server) => {
		const url = isNode(server) ? String(server.url) : '';
		return new URL(url, 'http://relative.invalid').pathname.replace(/\/$/, '');
	});
}

/** Form fields travel as text; the property's schema says what the text stands for. */
function formFieldValue(raw: string, schema: SpecNode | undefined): unknown {
	const parseJson = () => {
		try {
			return JSON.parse(raw);
		} catch {
			return raw;
		}
	};
	switch (schema?.type) {
		case 'boolean':
			return raw === 'true' ? true : raw === 'false' ? false : raw;
		case 'integer':
		case 'number':
			return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
		case 'object':
			return parseJson();
		case 'array':
			// ImageKit's SDKs send lists of strings comma-joined and lists of objects as JSON.
			return raw.trimStart().startsWith('[')
				? parseJson()
				: raw
						.split(',')
						.map((item) => item.trim())
						.filter((item) => item !== '');
		default:
			return raw;
	}
}

function parameterValue(raw: string, schema: SpecNode | undefined): unknown {
	return schema?.type === 'array' ? raw.split(',') : formFieldValue(raw, schema);
}

export class OpenApiValidator {
	private readonly ajv: Ajv2020;
	private readonly operations: Operation[];
	private readonly declaredHosts: Set<string>;
	private readonly compiled = new Map<string, ValidateFunction>();

	constructor(private readonly document: SpecNode) {
		this.ajv = new Ajv2020({ strict: false, allErrors: true });
		addFormats(this.ajv);
		this.ajv.addFormat('binary', true);
		// Schemas are compiled by pointer into this container, so inline path schemas and
		// `#/components/...` references resolve alike.
		const container = {
			$id: SPEC_SCHEMA_ID,
			components: document.components,
			paths: document.paths,
		};
		this.ajv.addSchema(asIntendedSchemas(container) as SpecNode);
		this.operations = this.indexOperations();
		this.declaredHosts = new Set(this.operations.flatMap((operation) => operation.hosts));
	}

	validateRequest(request: RequestToValidate): string[] {
		const where = `${request.method.toUpperCase()} ${request.path}`;
		const found = this.findOperation(request.method, request.path);
		if (!found) return [`${where}: no operation of the OpenAPI spec matches this request`];
		const { operation, pathParameters } = found;
		const violations = [
			...this.hostViolations(operation, request.host),
			...this.parameterViolations(operation, pathParameters, request.query ?? {}),
			...this.bodyViolations(operation, request),
		];
		return violations.map((violation) => `${where} request: ${violation}`);
	}

	validateResponse(response: ResponseToValidate): string[] {
		const where = `${response.method.toUpperCase()} ${response.path} response ${response.status}`;
		// An unmatched request has been reported by validateRequest already.
		const found = this.findOperation(response.method, response.path);
		if (!found) return [];
		const responses = this.child(found.operation.operation, 'responses');
		const status = String(response.status);
		const declared =
			responses &&
			(this.child(responses, status) ??
				this.child(responses, `${status[0]}XX`) ??
				this.child(responses, 'default'));
		if (!declared) return [`${where}: status not declared for ${found.operation.template}`];
		const media = this.child(declared, 'content', 'application/json');
		if (!media) {
			return response.body === undefined
				? []
				: [`${where}: the spec declares no JSON body, but one was sent`];
		}
		if (response.body === undefined)
			return [`${where}: the spec declares a JSON body, but none was sent`];
		const schema = this.child(media, 'schema');
		if (!schema) return [];
		return this.schemaViolations(schema.pointer, response.body).map(
			(violation) => `${where}: ${violation}`,
		);
	}

	private indexOperations(): Operation[] {
		const paths = this.at('/paths');
		const operations: Operation[] = [];
		for (const template of Object.keys(paths.node)) {
			const pathItem = this.child(paths, template);
			if (!pathItem) continue;
			for (const method of HTTP_METHODS) {
				const operation = this.child(pathItem, method);
				if (!operation) continue;
				const servers = operation.node.servers ?? pathItem.node.servers ?? this.document.servers;
				for (const basePath of basePathsOf(servers)) {
					const fullTemplate = `${basePath}${template}`;
					const parameterNames = [...fullTemplate.matchAll(/\{([^}]+)\}/g)].map(
						(match) => match[1],
					);
					const literal = fullTemplate.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
					// Exactly the template: a trailing slash or an extra segment is another path.
					const pattern = new RegExp(`^${literal.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
					const hosts = hostsOf(servers);
					operations.push({
						method,
						template: fullTemplate,
						pattern,
						parameterNames,
						hosts,
						operation,
						pathItem,
					});
				}
			}
		}
		// A literal segment wins over a template segment that would also match it.
		return operations.sort((a, b) => a.parameterNames.length - b.parameterNames.length);
	}

	private findOperation(method: string, requestPath: string) {
		for (const operation of this.operations) {
			if (operation.method !== method.toLowerCase()) continue;
			const match = operation.pattern.exec(requestPath);
			if (!match) continue;
			const pathParameters = Object.fromEntries(
				operation.parameterNames.map((name, index) => [name, decodePathSegment(match[index + 1])]),
			);
			return { operation, pathParameters };
		}
		return undefined;
	}

	private hostViolations(operation: Operation, host: string | undefined): string[] {
		const hostname = host?.replace(/:\d+$/, '').toLowerCase();
		if (!hostname || !this.declaredHosts.has(hostname) || operation.hosts.includes(hostname))
			return [];
		return [
			`sent to ${hostname}, but ${operation.template} is served by ${operation.hosts.join(' or ')}`,
		];
	}

	private parameterViolations(
		operation: Operation,
		pathParameters: Record<string, string>,
		query: Record<string, string>,
	): string[] {
		const declared = new Map<string, Located>();
		for (const owner of [operation.pathItem, operation.operation]) {
			const list = owner.node.parameters;
			if (!Array.isArray(list)) continue;
			list.forEach((_, index) => {
				const parameter = this.child(owner, 'parameters', String(index));
				if (parameter)
					declared.set(`${String(parameter.node.in)}:${String(parameter.node.name)}`, parameter);
			});
		}
		const violations: string[] = [];
		for (const parameter of declared.values()) {
			const {
				name,
				in: location,
				required,
			} = parameter.node as { name: string; in: string; required?: boolean };
			if (location !== 'query' && location !== 'path') continue;
			const raw = location === 'path' ? pathParameters[name] : query[name];
			const label = `${location} parameter "${name}"`;
			if (raw === undefined) {
				if (required) violations.push(`${label} is required`);
				continue;
			}
			const schema = this.child(parameter, 'schema');
			if (!schema) continue;
			const schemaViolations = this.schemaViolations(
				schema.pointer,
				parameterValue(raw, schema.node),
			);
			violations.push(...schemaViolations.map((violation) => `${label} ${violation}`));
		}
		// A parameter the spec does not declare may be ignored by ImageKit without a word.
		for (const name of Object.keys(query)) {
			if (!declared.has(`query:${name}`))
				violations.push(`query parameter "${name}" is not declared for ${operation.template}`);
		}
		return violations;
	}

	private bodyViolations(operation: Operation, request: RequestToValidate): string[] {
		const requestBody = this.child(operation.operation, 'requestBody');
		const hasBody = request.json !== undefined || request.form !== undefined;
		if (!requestBody)
			return hasBody ? ['the operation takes no request body, but one was sent'] : [];
		if (!hasBody) return requestBody.node.required === true ? ['a request body is required'] : [];
		const mediaType = request.form ? 'multipart/form-data' : 'application/json';
		const media = this.child(requestBody, 'content', mediaType);
		if (!media) return [`the body is ${mediaType}, which the operation does not accept`];
		const schema = this.child(media, 'schema');
		if (!schema) return [];
		const body = request.form ? this.formAsObject(request.form, schema) : request.json;
		return this.schemaViolations(schema.pointer, body).map((violation) => `body ${violation}`);
	}

	private formAsObject(form: NonNullable<RequestToValidate['form']>, schema: Located): SpecNode {
		const body: SpecNode = {};
		for (const [name, raw] of Object.entries(form.fields)) {
			body[name] = formFieldValue(raw, this.child(schema, 'properties', name)?.node);
		}
		for (const name of form.fileFields ?? []) body[name] = '<binary>';
		return body;
	}

	private schemaViolations(pointer: string, data: unknown): string[] {
		let validate = this.compiled.get(pointer);
		if (!validate) {
			const fragment = pointer.split('/').map(encodeURIComponent).join('/');
			validate = this.ajv.compile({ $ref: `${SPEC_SCHEMA_ID}#${fragment}` });
			this.compiled.set(pointer, validate);
		}
		return validate(data) ? [] : (validate.errors ?? []).map(formatSchemaError);
	}

	/** The object (or array) at a JSON pointer, with local `$ref`s followed. */
	private at(pointer: string): Located {
		let node: unknown = this.document;
		for (const token of pointer.split('/').slice(1))
			node = (node as SpecNode)[unescapePointerToken(token)];
		if (typeof node !== 'object' || node === null) {
			throw new Error(`The OpenAPI document has no object at ${pointer}`);
		}
		const reference = (node as SpecNode).$ref;
		if (typeof reference === 'string' && reference.startsWith('#/'))
			return this.at(reference.slice(1));
		return { node: node as SpecNode, pointer };
	}

	/** A descendant object reached through `keys`, following `$ref`s on the way; undefined when absent. */
	private child(from: Located, ...keys: string[]): Located | undefined {
		let current = from;
		for (const key of keys) {
			const next = current.node[key];
			if (typeof next !== 'object' || next === null) return undefined;
			current = this.at(`${current.pointer}/${escapePointerToken(key)}`);
		}
		return current;
	}
}

const loadedValidators = new Map<string, OpenApiValidator>();

/**
 * The validator for the spec at `specPath`, parsed once per process; undefined when the file is
 * absent (a clone with nothing beside it), where tests needing it are skipped (see spec.ts).
 */
export function loadOpenApi(specPath = DEFAULT_OPENAPI_SPEC_PATH): OpenApiValidator | undefined {
	const loaded = loadedValidators.get(specPath);
	if (loaded) return loaded;
	if (!fs.existsSync(specPath)) return undefined;
	const validator = new OpenApiValidator(parseYaml(fs.readFileSync(specPath, 'utf8')) as SpecNode);
	loadedValidators.set(specPath, validator);
	return validator;
}
