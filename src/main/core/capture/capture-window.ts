/*
 * Cutting one window out of a newest-first list. Arguments arrive from the renderer or over HTTP,
 * so they are checked here once for both `listCaptures` and `searchCaptures`.
 */
import { MAX_PAGE_ROWS, type CapturePage, type CaptureWindow } from '../../../shared/api/captures';
import type { CaptureSummary } from '../../../shared/capture';
import { HooklensError } from '../../../shared/errors';
import { isHealthFilterActive, passesHealthFilters, type HealthFilters } from '../../../shared/health-filters';
import type { SummaryScan } from '../store/capture-index';

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

/** A plain newest-first list as a scan (tests, and callers that hold a list already). */
export function scanOf(rows: readonly CaptureSummary[]): SummaryScan {
  return {
    size: rows.length,
    scanNewest(visit, skip = 0) {
      for (let i = skip; i < rows.length; i += 1) if (!visit(rows[i])) return;
    },
  };
}

/**
 * The window of `rows` (newest first) that pass `keep`. The rows are walked where they are (the
 * store's index) and only the window's are copied: an unfiltered page costs its offset and limit
 * (nothing for the offset while nothing was removed), a filtered one a scan that stops copying
 * at the window but keeps counting for the total.
 */
export function pageOf(
  rows: SummaryScan | readonly CaptureSummary[],
  keep: ((row: CaptureSummary) => boolean) | null,
  bounds: WindowBounds,
): CapturePage {
  const source = isList(rows) ? scanOf(rows) : rows;
  const { offset, limit, health } = bounds;
  if (health) {
    const inner = keep;
    keep = (row) => passesHealthFilters(row, health) && (!inner || inner(row));
  }
  const items: CaptureSummary[] = [];
  if (!keep) {
    if (limit > 0 && offset < source.size)
      source.scanNewest((row) => {
        items.push(row);
        return items.length < limit;
      }, offset);
    return { total: source.size, offset, items };
  }
  const test = keep;
  let total = 0;
  source.scanNewest((row) => {
    if (!test(row)) return true;
    if (total >= offset && items.length < limit) items.push(row);
    total += 1;
    return true;
  });
  return { total, offset, items };
}

function isList(rows: SummaryScan | readonly CaptureSummary[]): rows is readonly CaptureSummary[] {
  return Array.isArray(rows);
}
