// Alphabetical order of labels, as n8n's lint asks of options and collection entries. Compared as
// lower-case code units rather than with localeCompare: ICU collation cost ~15 ms of the node's cold
// load, and for these ASCII labels both give the same order.
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

function byLowerCase(first: string, second: string): number {
	const a = first.toLowerCase();
	const b = second.toLowerCase();
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts in place by `displayName` (collection entries, fixed-collection sections). */
export function sortedByDisplayName<T extends INodeProperties | INodePropertyCollection>(
	entries: T[],
): T[] {
	return entries.sort((first, second) => byLowerCase(first.displayName, second.displayName));
}

/** Sorts in place by `name` (the choices of an options field). */
export function sortedByName<T extends INodePropertyOptions>(choices: T[]): T[] {
	return choices.sort((first, second) => byLowerCase(first.name, second.name));
}
