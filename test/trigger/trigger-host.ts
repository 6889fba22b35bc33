/**
 * Hosts one trigger node the way an active n8n workflow does, with n8n-core's real contexts:
 * `PollContext` for scheduled polls (mode 'trigger') and `WebhookContext` for webhook requests.
 * One `Workflow` lives across polls and requests, so the node's static data persists between
 * them as n8n keeps it between the executions of an active workflow.
 */
import 'reflect-metadata';

import { PollContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type INode,
	type INodeParameters,
	type INodeType,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { FixtureCredentialsHelper } from '../engine/credentials-helper';

export interface TriggerHostOptions {
	type: string;
	nodeType: INodeType;
	parameters: INodeParameters;
	credentialTypes: ICredentialType[];
	credentials: Record<string, ICredentialDataDecryptedObject>;
}

export class TriggerHost {
	readonly workflow: Workflow;
	readonly node: INode;
	private readonly credentialsHelper: FixtureCredentialsHelper;

	constructor(private readonly options: TriggerHostOptions) {
		this.credentialsHelper = new FixtureCredentialsHelper(
			options.credentialTypes,
			options.credentials,
		);
		const credentials = Object.fromEntries(
			Object.keys(options.credentials).map((name) => [name, { id: name, name }]),
		);
		this.node = {
			id: 'trigger-node',
			name: 'Trigger',
			type: options.type,
			typeVersion: 1,
			position: [0, 0],
			webhookId: 'imagekit-trigger-test',
			parameters: options.parameters,
			credentials,
		};
		this.workflow = new Workflow({
			id: 'triggerWorkflow',
			name: 'Trigger workflow',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: {
				getByName: () => options.nodeType,
				getByNameAndVersion: () => options.nodeType,
				getKnownTypes: () => ({}),
			},
			staticData: {},
		});
	}

	/** The node's static data, as n8n would persist it. */
	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.workflow.getNode('Trigger') as INode);
	}

	/** One scheduled poll, as n8n's poll executor runs it for an active workflow. */
	async poll() {
		const context = new PollContext(
			this.workflow,
			this.workflowNode,
			this.additionalData(),
			'trigger',
			'activate',
		);
		return await this.options.nodeType.poll!.call(context);
	}

	/** Runs the node's `webhook()` for one request, with n8n's WebhookContext over it. */
	async webhook(
		request: IWorkflowExecuteAdditionalData['httpRequest'],
		response: IWorkflowExecuteAdditionalData['httpResponse'],
	) {
		const webhookDescription = this.options.nodeType.description.webhooks![0];
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: this.node.name,
			path: String(webhookDescription.path),
			webhookDescription,
			workflowId: String(this.workflow.id),
			workflowExecuteAdditionalData: this.additionalData(),
			webhookId: this.node.webhookId,
		};
		const additionalData = {
			...this.additionalData(),
			httpRequest: request,
			httpResponse: response,
		};
		const context = new WebhookContext(
			this.workflow,
			this.workflowNode,
			additionalData,
			'webhook',
			webhookData,
			[],
			null,
		);
		return await this.options.nodeType.webhook!.call(context);
	}

	/** The node as the Workflow holds it, parameters completed with their defaults. */
	private get workflowNode(): INode {
		return this.workflow.getNode(this.node.name) as INode;
	}

	private additionalData(): IWorkflowExecuteAdditionalData {
		const baseUrl = 'http://localhost:5678';
		return {
			credentialsHelper: this.credentialsHelper,
			executionId: undefined,
			restApiUrl: `${baseUrl}/rest`,
			instanceBaseUrl: baseUrl,
			webhookBaseUrl: `${baseUrl}/webhook`,
			webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
			webhookTestBaseUrl: `${baseUrl}/webhook-test`,
			formWaitingBaseUrl: `${baseUrl}/form-waiting`,
			variables: {},
		} as unknown as IWorkflowExecuteAdditionalData;
	}
}
