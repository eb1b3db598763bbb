/*
 * The list's facets counted over every stored capture in one walk of the index, so the event filter
 * offers types on rows never fetched and a duplicate badge counts copies scrolled past.
 */
import type { CaptureFacets } from '../../../shared/api/captures';
import type { SummaryScan } from '../store/capture-index';

export function facetsOf(rows: SummaryScan, endpointId?: string): CaptureFacets {
  const types = new Map<string, number>();
  // Copies of a first delivery, counted store-wide: a duplicate is always on its first's endpoint.
  const copies = new Map<string, number>();
  let duplicates = 0;
  rows.scanNewest((row) => {
    const h = row.health;
    if (!h) return true;
    if (h.duplicateOf) copies.set(h.duplicateOf, (copies.get(h.duplicateOf) ?? 0) + 1);
    if (endpointId !== undefined && row.endpointId !== endpointId) return true;
    if (h.eventType) types.set(h.eventType, (types.get(h.eventType) ?? 0) + 1);
    if (h.duplicateOf) duplicates += 1;
    return true;
  });
  const duplicateGroups: Record<string, number> = {};
  for (const [first, n] of copies) duplicateGroups[first] = n + 1;
  const eventTypes = [...types]
    .map(([eventType, count]) => ({ eventType, count }))
    .sort((a, b) => b.count - a.count || (a.eventType < b.eventType ? -1 : a.eventType > b.eventType ? 1 : 0));
  return { eventTypes, duplicates, duplicateGroups };
}
