import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../shared/capture';
import { missingPages, PAGE_ROWS, withNewest, withPage } from './capture-rows';
import { openCoreStore, until, type CoreStore } from './test-support/core-store';
import { STORED, pagedRecords } from './test-support/paged-records';

const summary = (id: string): CaptureSummary => ({
  id,
  endpointId: 'default',
  receivedAt: new Date().toISOString(),
  method: 'POST',
  url: `/${id}`,
  size: 0,
  contentType: null,
  via: 'local',
  status: 200,
});

describe('capture rows (pure)', () => {
  it('names only the pages with an unfetched row in the range', () => {
    const rows = withPage(
      [],
      { total: 350, offset: 0, items: Array.from({ length: PAGE_ROWS }, (_, i) => summary(`r${i}`)) },
      0,
    );
    expect(rows).toHaveLength(350);
    expect(missingPages(rows, 0, 50)).toEqual([]);
    expect(missingPages(rows, 90, 210)).toEqual([1, 2]);
    expect(missingPages(rows, 340, 400)).toEqual([3]);
  });

  it('puts a page asked for before a live capture one row lower, and the list one row longer', () => {
    const first = withPage([], { total: 3, offset: 0, items: [summary('c'), summary('b')] }, 0);
    const withLive = withNewest(first, summary('d'))!;
    const after = withPage(withLive, { total: 3, offset: 2, items: [summary('a')] }, 1);
    expect(after.map((r) => r?.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(withNewest(after, summary('c'))).toBeNull();
  });
});

describe('paging against a real core with 250 stored', () => {
  let fx: CoreStore | undefined;
  afterEach(() => fx?.close());

  it('opens with one page fetched, fetches more on demand, and puts a live capture on top at once', async () => {
    fx = await openCoreStore({ records: pagedRecords() });
    const s = fx.store.getState();
    expect(s.rows).toHaveLength(STORED);
    expect(s.captureTotal).toBe(STORED);
    expect(s.rows[0]?.url).toBe('/hooks/249');
    expect(s.rows.filter(Boolean)).toHaveLength(PAGE_ROWS);
    expect(s.rows[STORED - 1]).toBeUndefined();

    fx.resetCalls();
    await s.showRows(230, 250);
    expect(fx.store.getState().rows[STORED - 1]?.url).toBe('/hooks/0');
    expect(fx.store.getState().rows[150]).toBeUndefined();
    expect(fx.calls.listCaptures).toBe(1);
    await fx.store.getState().showRows(230, 250);
    expect(fx.calls.listCaptures).toBe(1);

    fx.resetCalls();
    const id = await fx.capture('/hooks/live');
    const st = await until(fx.store, (x) => x.rows[0]?.id === id);
    expect(st.rows).toHaveLength(STORED + 1);
    expect(st.rows[STORED]?.url).toBe('/hooks/0');
    expect(fx.calls.listCaptures).toBeUndefined();
  });

  it('moves the selection across a page boundary with the keyboard action, fetching the next page', async () => {
    fx = await openCoreStore({ records: pagedRecords() });
    const s = fx.store.getState();
    await s.selectRow(PAGE_ROWS - 1);
    expect(fx.store.getState().selectedId).toBe(s.rows[PAGE_ROWS - 1]?.id);
    expect(fx.store.getState().rows[PAGE_ROWS]).toBeUndefined();
    const next = await fx.store.getState().moveSelection(1);
    const st = fx.store.getState();
    expect(next).toBe(st.rows[PAGE_ROWS]?.id);
    expect(st.selectedId).toBe(next);
    expect(st.rows[PAGE_ROWS]?.url).toBe(`/hooks/${STORED - 1 - PAGE_ROWS}`);
    const open = await until(fx.store, (x) => x.detail?.record?.id === next);
    expect(open.detail?.record?.url).toBe(`/hooks/${STORED - 1 - PAGE_ROWS}`);
    // Past the end stays on the last row.
    expect(await fx.store.getState().selectRow(STORED + 5)).toBe(
      (await until(fx.store, (x) => x.rows[STORED - 1] !== undefined)).rows[STORED - 1]?.id,
    );
  });

  it('keeps ticks on rows of different pages and compares them', async () => {
    fx = await openCoreStore({ records: pagedRecords() });
    const s = fx.store.getState();
    await s.showRows(240, 250);
    const newest = s.rows[0]!.id;
    const oldest = fx.store.getState().rows[STORED - 1]!.id;
    s.toggleChecked(newest);
    s.toggleChecked(oldest);
    // Scrolling back up does not lose the ticks.
    await fx.store.getState().showRows(0, 20);
    expect(fx.store.getState().checked).toEqual([newest, oldest]);
    await fx.store.getState().openCompare(newest, oldest);
    const pair = fx.store.getState().comparePair;
    expect(pair?.status).toBe('ready');
    if (pair?.status !== 'ready') throw new Error('unreachable');
    // The older one goes left, whichever was ticked first.
    expect([pair.left.url, pair.right.url]).toEqual(['/hooks/0', '/hooks/249']);
  });

  it('pages search results the same way: the first window only, the rest on demand', async () => {
    fx = await openCoreStore({ records: [...pagedRecords(), ...pagedRecords()] });
    fx.resetCalls();
    fx.store.getState().setFilters({ text: 'refund' });
    const st = await until(fx.store, (x) => x.rows.length === 50);
    expect(st.rows.filter(Boolean)).toHaveLength(50);
    expect(st.rows.every((r) => r && Number(r.url.split('/')[2]) % 10 === 0)).toBe(true);
    expect(fx.calls.searchCaptures).toBeGreaterThanOrEqual(1);

    fx.store.getState().setFilters({ text: 'charge' });
    const charged = await until(fx.store, (x) => x.rows.length === 450);
    expect(charged.rows.filter(Boolean)).toHaveLength(PAGE_ROWS);
    await charged.showRows(400, 450);
    expect(fx.store.getState().rows[449]?.url).toBe('/hooks/1');

    fx.store.getState().setFilters({ text: '' });
    await until(fx.store, (x) => x.rows.length === 500);
  });
});
