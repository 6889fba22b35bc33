import type { Route } from '../router';
import { accountRoutes } from './account';
import { customMetadataFieldRoutes } from './custom-metadata-fields';
import { fileManagementRoutes } from './file-management';
import { fileRoutes } from './files';
import { folderRoutes } from './folders';
import { metadataRoutes } from './metadata';
import { purgeRoutes } from './purge';
import { uploadRoutes } from './upload';
import { versionRoutes } from './versions';

/**
 * Every endpoint the emulator serves. An endpoint family (copy/move/rename, versions, folders,
 * bulk jobs, custom metadata fields, ...) is one module exporting its routes, listed here once.
 * Routes are tried in order: literal paths before templates that could also match them.
 */
export const routes: Route[] = [
	...uploadRoutes,
	...purgeRoutes,
	...fileManagementRoutes,
	...versionRoutes,
	...fileRoutes,
	...metadataRoutes,
	...accountRoutes,
	...folderRoutes,
	...customMetadataFieldRoutes,
];
