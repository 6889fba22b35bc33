import type { Route } from '../router';
import { fileRoutes } from './files';
import { metadataRoutes } from './metadata';
import { purgeRoutes } from './purge';
import { uploadRoutes } from './upload';

/**
 * Every endpoint the emulator serves. An endpoint family (copy/move/rename, versions, folders,
 * bulk jobs, custom metadata fields, ...) is one module exporting its routes, listed here once.
 * Routes are tried in order: literal paths before templates that could also match them.
 */
export const routes: Route[] = [...uploadRoutes, ...purgeRoutes, ...fileRoutes, ...metadataRoutes];
