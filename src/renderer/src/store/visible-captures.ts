/* The captures the list shows, from the state alone (slices and keyboard shortcuts need it outside React). */
import type { CaptureSummary } from '../../../shared/capture';
import { EMPTY_HEALTH_FILTERS, isHealthFilterActive, passesHealthFilters, type HealthFilters } from './health-slice';

export function filterCaptures(
  captures: CaptureSummary[],
  endpointId: string | null,
  matchIds: ReadonlySet<string> | null,
  health: HealthFilters = EMPTY_HEALTH_FILTERS,
): CaptureSummary[] {
  const byHealth = isHealthFilterActive(health);
  if (!endpointId && !matchIds && !byHealth) return captures;
  return captures.filter(
    (c) =>
      (!endpointId || c.endpointId === endpointId) && (!matchIds || matchIds.has(c.id)) && (!byHealth || passesHealthFilters(c, health)),
  );
}

export function visibleCaptures(s: {
  captures: CaptureSummary[];
  activeEndpointId: string | null;
  matchIds: ReadonlySet<string> | null;
  healthFilters: HealthFilters;
}): CaptureSummary[] {
  return filterCaptures(s.captures, s.activeEndpointId, s.matchIds, s.healthFilters);
}

/** `restored` put back into a newest-first list: ids sort by arrival, as the core orders them. */
export function withRestored(captures: CaptureSummary[], restored: CaptureSummary[]): CaptureSummary[] {
  const present = new Set(captures.map((c) => c.id));
  const back = restored.filter((c) => !present.has(c.id));
  if (back.length === 0) return captures;
  return [...captures, ...back].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
