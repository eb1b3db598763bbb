/*
 * Cutting one window out of a newest-first list. Arguments arrive from the renderer or over HTTP,
 * so they are checked here once for both `listCaptures` and `searchCaptures`.
 */
import { MAX_PAGE_ROWS, type CapturePage, type CaptureWindow } from '../../../shared/api/captures';
import type { CaptureSummary } from '../../../shared/capture';
import { HooklensError } from '../../../shared/errors';
import { isHealthFilterActive, passesHealthFilters, type HealthFilters } from '../../../shared/health-filters';

export interface WindowBounds {
  offset: number;
  /** Infinity when no limit was asked for. */
  limit: number;
  /** The health filters, when any is set. */
  health: Partial<HealthFilters> | null;
}

export function windowBounds(window: CaptureWindow | undefined): WindowBounds {
  if (window === undefined || window === null) return { offset: 0, limit: Infinity, health: null };
  if (typeof window !== 'object') throw new HooklensError('invalid_argument', 'Expected a window object.');
  const count = (v: unknown, name: string): number | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw new HooklensError('invalid_argument', `${name} must be a whole number of rows, 0 or more.`);
    }
    return v;
  };
  const offset = count(window.offset, 'offset') ?? 0;
  const limit = count(window.limit, 'limit');
  const health = window.health;
  if (health !== undefined && (typeof health !== 'object' || health === null)) {
    throw new HooklensError('invalid_argument', 'health must be an object of filters.');
  }
  return {
    offset,
    limit: limit === undefined ? Infinity : Math.min(limit, MAX_PAGE_ROWS),
    health: health && isHealthFilterActive(health) ? health : null,
  };
}

/**
 * The window of `rows` (newest first) that pass `keep`. Walks the list once and copies only the
 * window's rows, so a page of 100 out of 100,000 costs a scan, not a copy.
 */
export function pageOf(
  rows: readonly CaptureSummary[],
  keep: ((row: CaptureSummary) => boolean) | null,
  bounds: WindowBounds,
): CapturePage {
  const { offset, limit, health } = bounds;
  if (health) {
    const inner = keep;
    keep = (row) => passesHealthFilters(row, health) && (!inner || inner(row));
  }
  if (!keep) return { total: rows.length, offset, items: rows.slice(offset, offset + limit) };
  const items: CaptureSummary[] = [];
  let total = 0;
  for (const row of rows) {
    if (!keep(row)) continue;
    if (total >= offset && items.length < limit) items.push(row);
    total += 1;
  }
  return { total, offset, items };
}
