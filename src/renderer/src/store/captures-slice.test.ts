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
    const s = await until(fx.store, (st) => !st.rows.some((c) => c?.id === id));
    expect(s.selectedId).toBeNull();
    expect(s.checked).toEqual([]);
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
