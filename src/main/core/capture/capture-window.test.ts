import { describe, expect, it } from 'vitest';
import { MAX_PAGE_ROWS } from '../../../shared/api/captures';
import type { CaptureSummary } from '../../../shared/capture';
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
