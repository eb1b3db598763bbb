import { describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../shared/capture';
import type { SearchEntry } from '../../../shared/search/capture-search';
import { scanOf } from '../capture/capture-window';
import { SearchRows } from './search-rows';

const entry = (id: string): SearchEntry => ({
  id,
  endpointId: 'default',
  receivedAtMs: 0,
  method: 'POST',
  status: 200,
  providers: [],
  haystack: id,
});
const summary = (id: string): CaptureSummary => ({ id }) as CaptureSummary;

/** Walks `storeNewest` as a search does; returns the ids found and whether the walk reported disorder. */
function walk(rows: SearchRows, storeNewest: string[]): { found: (string | undefined)[]; disordered: boolean } {
  const stored = new Set(storeNewest);
  const w = rows.walk((id) => stored.has(id));
  const found = storeNewest.map((id) => w.entryFor(summary(id))?.id);
  return { found, disordered: w.disordered };
}

describe('search rows', () => {
  it('finds each row under the cursor while the list follows the store', () => {
    const rows = new SearchRows();
    ['a', 'b', 'c', 'd'].forEach((id) => rows.put(entry(id)));
    rows.remove(['b']);
    expect(walk(rows, ['d', 'c', 'a'])).toEqual({ found: ['d', 'c', 'a'], disordered: false });
  });

  it('passes over an entry whose capture the store removed before the removal was announced', () => {
    const rows = new SearchRows();
    ['a', 'b', 'c'].forEach((id) => rows.put(entry(id)));
    expect(walk(rows, ['c', 'a'])).toEqual({ found: ['c', 'a'], disordered: false });
  });

  it('finds a capture it has no entry for as nothing, without losing its place', () => {
    const rows = new SearchRows();
    ['a', 'c'].forEach((id) => rows.put(entry(id)));
    expect(walk(rows, ['c', 'b', 'a'])).toEqual({ found: ['c', undefined, 'a'], disordered: false });
  });

  it('still finds every entry when they arrived out of the store order, and reorder fixes the list', () => {
    const rows = new SearchRows();
    ['b', 'a', 'c'].forEach((id) => rows.put(entry(id)));
    const store = ['c', 'b', 'a'];
    expect(walk(rows, store)).toEqual({ found: ['c', 'b', 'a'], disordered: true });
    rows.reorder(scanOf(store.map(summary)));
    expect(walk(rows, store)).toEqual({ found: ['c', 'b', 'a'], disordered: false });
  });

  it('reorder drops entries of captures the store no longer has', () => {
    const rows = new SearchRows();
    ['a', 'b', 'c'].forEach((id) => rows.put(entry(id)));
    rows.reorder(scanOf(['c', 'a'].map(summary)));
    expect(rows.size).toBe(2);
    expect(rows.has('b')).toBe(false);
  });

  it('replaces a known entry in place instead of moving it to the newest end', () => {
    const rows = new SearchRows();
    ['a', 'b'].forEach((id) => rows.put(entry(id)));
    rows.put({ ...entry('a'), haystack: 'again' });
    const w = rows.walk(() => true);
    expect(w.entryFor(summary('b'))?.id).toBe('b');
    expect(w.entryFor(summary('a'))?.haystack).toBe('again');
    expect(w.disordered).toBe(false);
  });

  it('keeps the order through the compaction of many removals', () => {
    const rows = new SearchRows();
    const ids = Array.from({ length: 3000 }, (_, i) => `c${i}`);
    ids.forEach((id) => rows.put(entry(id)));
    const removed = ids.filter((_, i) => i % 3 !== 0);
    rows.remove(removed);
    const kept = ids.filter((_, i) => i % 3 === 0).reverse();
    rows.put(entry('late'));
    const result = walk(rows, ['late', ...kept]);
    expect(result.disordered).toBe(false);
    expect(result.found).toEqual(['late', ...kept]);
  });
});
