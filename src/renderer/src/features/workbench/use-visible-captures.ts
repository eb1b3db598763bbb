import { useMemo } from 'react';
import type { CaptureSummary } from '../../../../shared/capture';
import { useAppStore } from '../../app-store';

/** The captures the list shows: those of the active endpoint that match the search, newest first. */
export function useVisibleCaptures(): CaptureSummary[] {
  const captures = useAppStore((s) => s.captures);
  const endpointId = useAppStore((s) => s.activeEndpointId);
  const matchIds = useAppStore((s) => s.matchIds);
  return useMemo(() => {
    if (!endpointId && !matchIds) return captures;
    return captures.filter((c) => (!endpointId || c.endpointId === endpointId) && (!matchIds || matchIds.has(c.id)));
  }, [captures, endpointId, matchIds]);
}

/** Reads the visible list outside React (keyboard shortcuts). */
export function visibleCapturesNow(): CaptureSummary[] {
  const s = useAppStore.getState();
  if (!s.activeEndpointId && !s.matchIds) return s.captures;
  return s.captures.filter((c) => (!s.activeEndpointId || c.endpointId === s.activeEndpointId) && (!s.matchIds || s.matchIds.has(c.id)));
}
