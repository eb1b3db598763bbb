import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCoreStore, until, type CoreStore } from './test-support/core-store';

describe('captures, selection and endpoints slices', () => {
  let fx: CoreStore;
  beforeEach(async () => {
    fx = await openCoreStore();
  });
  afterEach(() => fx.close());

  it('pins at once in the list and the open record, and another window follows through capture:updated', async () => {
    const id = await fx.capture('/keep/me');
    await until(fx.store, (s) => s.rows.some((c) => c?.id === id));
    await fx.store.getState().selectCapture(id);
    const other = await fx.openSecondStore();

    const pinning = fx.store.getState().setPinned(id, true);
    expect(fx.store.getState().rows.find((c) => c?.id === id)?.pinned).toBe(true);
    expect(fx.store.getState().detail?.record?.pinned).toBe(true);
    await pinning;
    await until(other, (s) => s.rows.find((c) => c?.id === id)?.pinned === true);

    await fx.store.getState().setPinned(id, false);
    expect(fx.store.getState().detail?.record).not.toHaveProperty('pinned');
    await until(other, (s) => s.rows.find((c) => c?.id === id)?.pinned === undefined);
    expect((await fx.core.api.getCapture(id)).pinned).toBeFalsy();
  });

  it('counts a capture once when its event reaches the window after a load that counted it', async () => {
    const ids = [await fx.capture('/a'), await fx.capture('/b'), await fx.capture('/c')];
    await until(fx.store, (s) => s.captureTotal === 3);
    await fx.store.getState().loadCaptures();
    expect(fx.store.getState().captureTotal).toBe(3);
    // The event of /c, late (events and answers travel apart): it was in the load's total already.
    const late = (await fx.core.api.listCaptures()).items.find((c) => c.id === ids[2])!;
    fx.store.getState().captureAdded(late);
    expect(fx.store.getState().captureTotal).toBe(3);
    expect(fx.store.getState().rows.filter((c) => c?.id === ids[2])).toHaveLength(1);
    // A capture stored after the load is counted by its event.
    const next = await fx.capture('/d');
    const s = await until(fx.store, (st) => st.rows[0]?.id === next);
    expect(s.captureTotal).toBe(4);
    expect((await fx.core.api.listCaptures()).total).toBe(4);
  });

  it('puts the row back when the core refuses to pin', async () => {
    fx.store.getState().captureAdded({
      id: 'gone',
      endpointId: 'default',
      receivedAt: new Date().toISOString(),
      method: 'POST',
      url: '/gone',
      size: 0,
      contentType: null,
      via: 'local',
      status: 200,
    });
    await expect(fx.store.getState().setPinned('gone', true)).rejects.toMatchObject({ code: 'not_found' });
    expect(fx.store.getState().rows.find((c) => c?.id === 'gone')?.pinned).toBeUndefined();
  });

  it('forgets the open and ticked capture when another window deletes it', async () => {
    const id = await fx.capture('/short/lived');
    await until(fx.store, (s) => s.rows.some((c) => c?.id === id));
    await fx.store.getState().selectCapture(id);
    fx.store.getState().toggleChecked(id);
    const other = await fx.openSecondStore();
    await other.getState().deleteCapture(id);
    await other.getState().commitDelete();
    const s = await until(fx.store, (st) => !st.rows.some((c) => c?.id === id));
    expect(s.selectedId).toBeNull();
    expect(s.checked).toEqual([]);
  });

  it('deletes undoably: the row goes at once, the next row opens, fetches meanwhile leave it out, Undo brings it back', async () => {
    const [one, two, three] = [await fx.capture('/one'), await fx.capture('/two'), await fx.capture('/three')];
    await until(fx.store, (s) => s.rows.length === 3 && s.rows.every(Boolean));
    await fx.store.getState().selectCapture(two);
    fx.resetCalls();

    await fx.store.getState().deleteCapture(two);
    let s = fx.store.getState();
    expect(s.rows.map((c) => c?.id)).toEqual([three, one]);
    expect(s.selectedId).toBe(one);
    expect(s.pendingDelete?.label).toBe('Deleted POST /two');
    expect(s.captureTotal).toBe(2);
    expect(fx.calls.deleteCaptures).toBeUndefined();

    // A refetch during the undo window does not bring the row back, and the counts leave it out.
    await s.loadCaptures();
    expect(fx.store.getState().rows.map((c) => c?.id)).toEqual([three, one]);
    expect(fx.store.getState().captureTotal).toBe(2);

    fx.store.getState().undoDelete();
    s = fx.store.getState();
    expect(s.rows.map((c) => c?.id)).toEqual([three, two, one]);
    expect(s.selectedId).toBe(two);
    expect(s.pendingDelete).toBeNull();
    expect(s.captureTotal).toBe(3);
    expect(fx.calls.deleteCaptures).toBeUndefined();
    expect((await fx.core.api.listCaptures()).total).toBe(3);
  });

  it('commits a delete (and the previous one when the next starts); the last row deleted opens the one above', async () => {
    const [one, two, three] = [await fx.capture('/one'), await fx.capture('/two'), await fx.capture('/three')];
    await until(fx.store, (s) => s.rows.length === 3 && s.rows.every(Boolean));
    await fx.store.getState().selectCapture(one);
    await fx.store.getState().deleteCapture(one);
    expect(fx.store.getState().selectedId).toBe(two);
    await fx.store.getState().deleteCaptures([two, three]);
    expect(fx.store.getState().pendingDelete?.label).toBe('Deleted 2 captures');
    expect((await fx.core.api.listCaptures()).items.map((c) => c.id)).toEqual([three, two]);
    await fx.store.getState().commitDelete();
    expect((await fx.core.api.listCaptures()).items).toEqual([]);
    expect(fx.store.getState().pendingDelete).toBeNull();
    // The core's removal events come after the answer: the total is not taken down twice.
    await until(fx.store, (s) => s.rows.length === 0);
    expect(fx.store.getState().captureTotal).toBe(0);
  });

  it('puts rows back and says why when the core refuses the delete', async () => {
    const id = await fx.capture('/refused');
    await until(fx.store, (s) => s.rows.length === 1 && s.rows.every(Boolean));
    await fx.store.getState().deleteCapture(id);
    await fx.core.close();
    await fx.store.getState().commitDelete();
    expect(fx.store.getState().rows.map((c) => c?.id)).toEqual([id]);
    expect(fx.store.getState().captureActionError).toMatch(/^Could not delete: /);
  });

  it('shows a created endpoint from the answer, without listing endpoints again', async () => {
    fx.resetCalls();
    const created = await fx.store.getState().createEndpoint({ name: 'Stripe dev' });
    expect(fx.store.getState().endpoints.map((e) => e.id)).toContain(created.id);
    fx.store.getState().setActiveEndpoint(created.id);
    await fx.store.getState().deleteEndpoint(created.id);
    expect(fx.store.getState().activeEndpointId).toBeNull();
    expect(fx.calls.listEndpoints).toBeUndefined();
  });
});
