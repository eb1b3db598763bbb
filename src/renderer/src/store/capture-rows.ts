/*
 * The list as the renderer holds it: one slot per row of the current view (endpoint and search),
 * newest first, each either a fetched summary or `undefined` (not fetched yet). Only the rows on
 * screen and a margin are fetched, in fixed pages, so 100,000 stored captures cost a page per
 * screenful instead of one 100,000-summary answer. Pure functions, so paging is tested alone.
 */
import type { CapturePage } from '../../../shared/api/captures';
import type { CaptureSummary } from '../../../shared/capture';

export type Rows = readonly (CaptureSummary | undefined)[];

/** Rows per fetch: a screenful (about 15 rows) and a generous margin either side. */
export const PAGE_ROWS = 100;

/** The page numbers covering rows [start, end) that still have an unfetched row. */
export function missingPages(rows: Rows, start: number, end: number): number[] {
  const out: number[] = [];
  const last = Math.min(end, rows.length);
  for (let page = Math.floor(Math.max(0, start) / PAGE_ROWS); page * PAGE_ROWS < last; page += 1) {
    const to = Math.min(rows.length, (page + 1) * PAGE_ROWS);
    for (let i = page * PAGE_ROWS; i < to; i += 1) {
      if (rows[i] === undefined) {
        out.push(page);
        break;
      }
    }
  }
  return out;
}

/**
 * Rows with a fetched page put in place. `shifted` counts the captures put on top since the page
 * was asked for: the page's rows moved down by that much, and the list grew by it.
 */
export function withPage(rows: Rows, page: CapturePage, shifted: number): (CaptureSummary | undefined)[] {
  const total = page.total + shifted;
  const next = rows.length === total ? [...rows] : resized(rows, total);
  const at = page.offset + shifted;
  page.items.forEach((item, i) => {
    if (at + i < total) next[at + i] = item;
  });
  return next;
}

function resized(rows: Rows, total: number): (CaptureSummary | undefined)[] {
  const next: (CaptureSummary | undefined)[] = new Array<CaptureSummary | undefined>(total).fill(undefined);
  for (let i = 0; i < Math.min(rows.length, total); i += 1) next[i] = rows[i];
  return next;
}

/** The rows with one capture on top, unless it is already among the newest (an answer raced its event). */
export function withNewest(rows: Rows, summary: CaptureSummary): (CaptureSummary | undefined)[] | null {
  for (let i = 0; i < Math.min(rows.length, PAGE_ROWS); i += 1) if (rows[i]?.id === summary.id) return null;
  return [summary, ...rows];
}

/** The rows without the removed captures that were fetched, and how many of `gone` that was. */
export function withoutRows(
  rows: Rows,
  gone: ReadonlySet<string>,
): { rows: (CaptureSummary | undefined)[]; removed: number } {
  const next: (CaptureSummary | undefined)[] = [];
  let removed = 0;
  for (const row of rows) {
    if (row && gone.has(row.id)) removed += 1;
    else next.push(row);
  }
  return { rows: next, removed };
}

/** Where a capture is in the rows (-1: not fetched, or not in the view). */
export function indexOfRow(rows: Rows, id: string | null): number {
  if (!id) return -1;
  for (let i = 0; i < rows.length; i += 1) if (rows[i]?.id === id) return i;
  return -1;
}

/**
 * The rows with captures put back where the core orders them (ids sort by arrival, newest first),
 * placed among the fetched rows; those already present stay once.
 */
export function withRestoredRows(rows: Rows, restored: readonly CaptureSummary[]): (CaptureSummary | undefined)[] {
  const next = [...rows];
  const present = new Set(rows.map((c) => c?.id));
  for (const summary of [...restored].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))) {
    if (present.has(summary.id)) continue;
    const at = next.findIndex((c) => c !== undefined && c.id < summary.id);
    next.splice(at === -1 ? next.length : at, 0, summary);
  }
  return next;
}
