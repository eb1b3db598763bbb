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

/** Counted over the rows fetched so far: the list holds only what has been on screen. */
export function useDuplicateCounts(): Map<string, number> {
  const rows = useAppStore((s) => s.rows);
  return useMemo(() => duplicateCounts(rows.filter((c): c is CaptureSummary => c !== undefined)), [rows]);
}
