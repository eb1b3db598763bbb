import { useAppStore } from '../../app-store';

/**
 * For each capture that others duplicate: how many stored captures carry its event (itself
 * included), counted by the core over every capture, not only the rows fetched so far.
 */
export function useDuplicateCounts(): Readonly<Record<string, number>> {
  return useAppStore((s) => s.facets.duplicateGroups);
}
