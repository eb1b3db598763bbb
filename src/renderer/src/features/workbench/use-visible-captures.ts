import { useMemo } from 'react';
import type { CaptureSummary } from '../../../../shared/capture';
import { useAppStore } from '../../app-store';
import { filterCaptures, visibleCaptures } from '../../store/visible-captures';

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
  return visibleCaptures(useAppStore.getState());
}
