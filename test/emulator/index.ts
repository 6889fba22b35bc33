export {
	EMULATOR_CA_CERT_PATH,
	ImageKitEmulator,
	type ImageKitEmulatorOptions,
	type RecordedFilePart,
	type RecordedRequest,
	type SeedFileInput,
} from './emulator';
export { placeholderPng } from './content';
export type { FaultMatch, FaultSpec } from './faults';
export type { SearchDateOptions } from './search-query';
export type { AITag, EmulatorBehaviour, StoredFile, StoredFolder } from './state';
export { signatureHeaders, webhookEvent } from './webhooks';
export type { SendWebhookOptions, WebhookDelivery, WebhookEvent, WebhookScheme } from './webhooks';
export type { ExtensionStatus, FileDetails, FolderDetails, Metadata } from './views';
