import { useMemo } from 'react';
import type { CaptureSummary } from '../../../../shared/capture';
import { useAppStore } from '../../app-store';

/** For each capture that others duplicate: how many stored captures carry its event (itself included). */
export function duplicateCounts(captures: readonly CaptureSummary[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of captures) {
    const first = c.health?.duplicateOf;
    if (first) counts.set(first, (counts.get(first) ?? 1) + 1);
  }
  return counts;
}

export function useDuplicateCounts(): Map<string, number> {
  const captures = useAppStore((s) => s.captures);
  return useMemo(() => duplicateCounts(captures), [captures]);
}
