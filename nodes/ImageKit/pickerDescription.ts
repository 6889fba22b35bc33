/**
 * What the ImageKit node does, in one line: its `description`, and the ImageKit Trigger's too.
 *
 * n8n's node picker shows a node and the trigger named after it (`imageKit` and `imageKitTrigger`) as
 * one entry, whose description is the trigger's (editor-ui generateMergedNodesAndActions:
 * `app.description = trigger.description`, in nodeCreator/composables/useActionsGeneration.ts of
 * n8n 1.123 and 2.40). Giving the trigger the app's description is how n8n's own pairs whose entry
 * reads as the app do it: n8n and n8n Trigger, n8n Form and n8n Form Trigger.
 */
export const IMAGEKIT_NODE_DESCRIPTION =
	'Upload, transform, deliver and manage images and videos with ImageKit.io';
