import {
	NodeConnectionTypes,
	type ICredentialTestRequest,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeType,
} from 'n8n-workflow';

// The wording of n8n's CLI `CredentialsTester.testCredentials`, which this module mirrors.
const CREDENTIAL_TEST_SUCCEEDED = 'Connection successful!';

export const CREDENTIAL_TEST_NODE_TYPE = 'credentialTest';

/**
 * A declarative node whose only request is the credential's `test.request`, as n8n's credential
 * tester builds it, so `RoutingNode` resolves, authenticates and sends it like any node request.
 */
export function credentialTestNodeType(
	credentialTypeName: string,
	test: ICredentialTestRequest,
): INodeType {
	return {
		description: {
			displayName: 'Credential Test',
			name: CREDENTIAL_TEST_NODE_TYPE,
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credentialTypeName, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
}

type RequestFailure = Error & {
	cause?: { code?: string; response?: { status: number; statusText?: string } };
};

export function failedCredentialTestResult(
	error: unknown,
	test: ICredentialTestRequest,
): INodeCredentialTestResult {
	const { cause, message } = error as RequestFailure;
	const response = cause?.response;
	if (response) {
		for (const rule of test.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === response.status) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		if (response.status < 199 || response.status > 299) {
			return {
				status: 'Error',
				message: response.statusText || `Received HTTP status code: ${response.status}`,
			};
		}
	} else if (cause?.code) {
		return { status: 'Error', message: cause.code };
	}
	return { status: 'Error', message };
}

export function succeededCredentialTestResult(
	output: INodeExecutionData[][] | undefined,
	test: ICredentialTestRequest,
): INodeCredentialTestResult {
	const body = output?.[0]?.[0]?.json;
	for (const rule of test.rules ?? []) {
		if (
			rule.type === 'responseSuccessBody' &&
			valueAtPath(body, rule.properties.key) === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: CREDENTIAL_TEST_SUCCEEDED };
}

// n8n uses lodash `get`; rule keys are dotted paths.
function valueAtPath(value: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(current, key) => (current as Record<string, unknown> | undefined)?.[key],
			value,
		);
}
