import { useMemo } from 'react';
import type { CaptureSummary } from '../../../../shared/capture';
import { useAppStore } from '../../app-store';
import { EMPTY_HEALTH_FILTERS, isHealthFilterActive, passesHealthFilters, type HealthFilters } from '../../store/health-slice';

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

/** The captures the list shows: those of the active endpoint that match the search, newest first. */
export function useVisibleCaptures(): CaptureSummary[] {
  const captures = useAppStore((s) => s.captures);
  const endpointId = useAppStore((s) => s.activeEndpointId);
  const matchIds = useAppStore((s) => s.matchIds);
  const health = useAppStore((s) => s.healthFilters);
  return useMemo(() => filterCaptures(captures, endpointId, matchIds, health), [captures, endpointId, matchIds, health]);
}

/** Reads the visible list outside React (keyboard shortcuts). */
export function visibleCapturesNow(): CaptureSummary[] {
  const s = useAppStore.getState();
  return filterCaptures(s.captures, s.activeEndpointId, s.matchIds, s.healthFilters);
}
