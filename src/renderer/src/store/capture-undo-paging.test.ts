import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_ROWS } from './capture-rows';
import { openCoreStore, until, type CoreStore } from './test-support/core-store';
import { STORED, pagedRecords } from './test-support/paged-records';

describe('undoable delete over the paged list (250 stored)', () => {
  let fx: CoreStore | undefined;
  afterEach(() => fx?.close());

  it('cuts pages fetched in the undo window without the pending rows, in their places; Undo brings them back', async () => {
    fx = await openCoreStore({ records: pagedRecords() });
    const core = fx.core.api;
    const all = (await core.listCaptures({ limit: 1000 })).items.map((c) => c.id);
    await fx.store.getState().selectCapture(all[5]);
    const gone = all.slice(5, 15);
    await fx.store.getState().deleteCaptures(gone);

    let s = fx.store.getState();
    expect(s.rows).toHaveLength(STORED - gone.length);
    expect(s.captureTotal).toBe(STORED - gone.length);
    expect(s.selectedId).toBe(all[15]);
    expect(s.pendingDelete?.label).toBe('Deleted 10 captures');

    // Pages past the first come from the core, which still holds the pending rows.
    await s.showRows(PAGE_ROWS, STORED);
    s = fx.store.getState();
    const kept = all.filter((id) => !gone.includes(id));
    expect(s.rows.map((c) => c?.id)).toEqual(kept);
    await s.loadCaptures();
    await fx.store.getState().showRows(STORED - 20, STORED);
    expect(
      fx.store
        .getState()
        .rows.slice(-20)
        .map((c) => c?.id),
    ).toEqual(kept.slice(-20));

    fx.store.getState().undoDelete();
    s = await until(fx.store, (x) => x.rows.length === STORED && x.rows[5]?.id === all[5]);
    expect(s.selectedId).toBe(all[5]);
    expect(s.captureTotal).toBe(STORED);
    expect((await core.listCaptures({ limit: 0 })).total).toBe(STORED);
  });

  it('"Delete the N shown" takes every row of the filtered view, fetched or not, in one undoable delete', async () => {
    fx = await openCoreStore({ records: pagedRecords() });
    await fx.store.getState().setFilters({ text: 'refund' });
    expect(fx.store.getState().rows).toHaveLength(25);
    await fx.store.getState().deleteShown();
    expect(fx.store.getState().pendingDelete?.label).toBe('Deleted 25 captures');
    expect(fx.store.getState().rows).toHaveLength(0);
    expect(fx.store.getState().captureTotal).toBe(STORED - 25);

    await fx.store.getState().setFilters({ text: '' });
    expect(fx.store.getState().rows).toHaveLength(STORED - 25);
    await fx.store.getState().commitDelete();
    const left = await fx.core.api.searchCaptures({ text: 'refund', range: 'all' }, { limit: 0 });
    expect(left.total).toBe(0);
    expect((await fx.core.api.listCaptures({ limit: 0 })).total).toBe(STORED - 25);
  });
});
