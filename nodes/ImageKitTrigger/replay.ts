import type { IDataObject } from 'n8n-workflow';

/** Enough for bursts far above ImageKit's delivery rate, small enough for static data. */
const MAX_REMEMBERED_EVENTS = 1000;

/**
 * Remembers the ids of accepted events in the node's static data (id → when accepted, in ms),
 * so that a captured request sent again within the replay window starts nothing.
 * Returns false when the id was already accepted within `windowMs`.
 */
export function rememberEvent(
	staticData: IDataObject,
	eventId: string,
	nowMs: number,
	windowMs: number,
): boolean {
	const previous = (staticData.recentEventIds ?? {}) as Record<string, number>;
	// A request older than the window fails the timestamp check anyway; the window counts both ways.
	const recent = Object.entries(previous)
		.filter(([, acceptedAtMs]) => nowMs - acceptedAtMs <= 2 * windowMs)
		.sort(([, first], [, second]) => second - first)
		.slice(0, MAX_REMEMBERED_EVENTS - 1);
	const seen = recent.some(([id]) => id === eventId);
	if (!seen) recent.unshift([eventId, nowMs]);
	staticData.recentEventIds = Object.fromEntries(recent);
	return !seen;
}
