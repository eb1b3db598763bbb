import { describe, expect, it } from 'vitest';
import { MAX_PAGE_ROWS } from '../../../shared/api/captures';
import type { CaptureSummary } from '../../../shared/capture';
import { CaptureIndex } from '../store/capture-index';
import { pageOf, windowBounds } from './capture-window';

const rows: CaptureSummary[] = Array.from({ length: 10 }, (_, i) => ({
  id: `c${i}`,
  endpointId: i % 2 ? 'odd' : 'even',
  receivedAt: new Date(0).toISOString(),
  method: 'POST',
  url: `/${i}`,
  size: 0,
  contentType: null,
  via: 'local',
  status: 200,
}));

describe('capture windows', () => {
  it('cuts a window and counts the whole list, filtered or not', () => {
    expect(pageOf(rows, null, windowBounds({ offset: 8, limit: 5 }))).toEqual({
      total: 10,
      offset: 8,
      items: rows.slice(8),
    });
    const odd = pageOf(rows, (r) => r.endpointId === 'odd', windowBounds({ offset: 1, limit: 2 }));
    expect(odd.total).toBe(5);
    expect(odd.items.map((r) => r.id)).toEqual(['c3', 'c5']);
    expect(pageOf(rows, null, windowBounds({ limit: 0 }))).toEqual({ total: 10, offset: 0, items: [] });
  });

  it('returns everything without a window, and caps a window at MAX_PAGE_ROWS', () => {
    expect(windowBounds(undefined)).toEqual({ offset: 0, limit: Infinity, health: null });
    expect(windowBounds({ limit: 10 ** 9 }).limit).toBe(MAX_PAGE_ROWS);
  });

  it('refuses windows that are not whole row counts', () => {
    for (const bad of [{ offset: -1 }, { limit: 1.5 }, { offset: '3' }, 'all']) {
      expect(() => windowBounds(bad as never)).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
    }
  });
});

describe('pages walked over the store index', () => {
  const summary = (i: number): CaptureSummary => ({
    ...rows[0],
    id: `c${String(i).padStart(6, '0')}`,
    url: `/${i}`,
    endpointId: i % 3 ? 'a' : 'b',
  });
  const fill = (count: number): CaptureIndex => {
    const index = new CaptureIndex();
    for (let i = 0; i < count; i += 1) index.put({ summary: summary(i), seg: 0, off: i * 10, len: 9 });
    return index;
  };
  // What a page was before: the whole newest-first list copied, then filtered and sliced.
  const oldPage = (
    index: CaptureIndex,
    keep: ((r: CaptureSummary) => boolean) | null,
    offset: number,
    limit: number,
  ) => {
    const all = index.newestFirst().filter((r) => !keep || keep(r));
    return { total: all.length, offset, items: all.slice(offset, offset + limit) };
  };
  const windows: [number, number][] = [
    [0, 100],
    [0, 0],
    [1, 1],
    [99, 100],
    [250, 1000],
    [1990, 100],
    [5000, 10],
  ];
  const sameAsOld = (index: CaptureIndex): void => {
    const filters = [null, (r: CaptureSummary) => r.endpointId === 'b'];
    for (const keep of filters) {
      for (const [offset, limit] of windows) {
        expect(pageOf(index, keep, windowBounds({ offset, limit }))).toEqual(oldPage(index, keep, offset, limit));
      }
    }
  };

  it('equals the old full-list slices, filtered and unfiltered, with nothing removed', () => {
    sameAsOld(fill(2000));
  });

  it('equals them after deletes here and there and evictions of the oldest', () => {
    const index = fill(2000);
    index.remove(['c001999', 'c001500', 'c000700', 'c000003']);
    sameAsOld(index);
    index.remove(index.pickEvictions(1500, 0, new Set()));
    expect(index.size).toBe(1500);
    sameAsOld(index);
  });

  it('equals them once enough removals made the index compact its order', () => {
    const index = fill(4000);
    // More than 1,024 holes and over half the order: the order array is rebuilt.
    index.remove(Array.from({ length: 2100 }, (_, i) => summary(i * 2 < 4000 ? i * 2 : i).id));
    sameAsOld(index);
    index.remove(['c003999', 'c003001']);
    sameAsOld(index);
    index.clear();
    expect(pageOf(index, null, windowBounds({ offset: 0, limit: 10 }))).toEqual({ total: 0, offset: 0, items: [] });
  });
});
