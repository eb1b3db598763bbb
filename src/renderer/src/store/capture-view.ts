/*
 * How the list view judges a capture from what the renderer holds: whether a summary belongs to
 * the view, and a page from the core as it will look once a pending (undoable) delete is done.
 */
import type { CapturePage } from '../../../shared/api/captures';
import type { CaptureSummary } from '../../../shared/capture';
import { passesHealthFilters } from '../../../shared/health-filters';
import { isActiveQuery } from '../../../shared/search/capture-search';
import type { AppState } from './app-state';
import { matchFromSummary } from './search-match';
import { toQuery } from './search-slice';

export interface PendingDelete {
  summaries: CaptureSummary[];
  /** What the toast says, e.g. "Deleted POST /hook" or "Deleted 400 captures". */
  label: string;
  /** The capture that was open, reopened by Undo. */
  selectedId: string | null;
}

/** The summary with the flag set or removed (an unpinned record carries no `pinned` key). */
export function withPinned<T extends { pinned?: boolean }>(item: T, pinned: boolean): T {
  const next = { ...item };
  if (pinned) next.pinned = true;
  else delete next.pinned;
  return next;
}

/** Whether a capture belongs to the view: true or false when its summary settles it, null when only the core can tell. */
export function inView(s: AppState, summary: CaptureSummary): boolean | null {
  if (s.activeEndpointId && summary.endpointId !== s.activeEndpointId) return false;
  if (!passesHealthFilters(summary, s.healthFilters)) return false;
  const query = toQuery(s.filters);
  return isActiveQuery(query) ? matchFromSummary(query, summary) : true;
}

/**
 * A page from the core cut as if the pending delete were done: its rows leave, the page moves up by
 * those of them newer than its first kept row (ids sort by arrival, as the core orders the list), and
 * the total drops by those in the view.
 */
export function withoutPending(s: AppState, page: CapturePage, pending: PendingDelete | null): CapturePage {
  if (!pending) return page;
  const ids = new Set(pending.summaries.map((c) => c.id));
  const items = page.items.filter((c) => !ids.has(c.id));
  const seen = new Set(page.items.filter((c) => ids.has(c.id)).map((c) => c.id));
  const inside = pending.summaries.filter((c) => seen.has(c.id) || inView(s, c) !== false);
  const first = items[0]?.id;
  const before = inside.filter((c) => !seen.has(c.id) && (first === undefined || c.id > first)).length;
  return {
    total: Math.max(0, page.total - inside.length),
    offset: Math.max(0, page.offset - before),
    items,
  };
}
