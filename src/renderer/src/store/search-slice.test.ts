import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_DELAY_MS } from './captures-slice';
import { openCoreStore, until, type CoreStore } from './test-support/core-store';

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, REFRESH_DELAY_MS * 4));

describe('search slice', () => {
  let fx: CoreStore;
  beforeEach(async () => {
    fx = await openCoreStore();
  });
  afterEach(() => fx.close());

  const shown = (id: string) => (s: { rows: readonly ({ id: string } | undefined)[] }) =>
    s.rows.some((c) => c?.id === id);

  it('matches a new capture from its summary when the words are in its URL: no search round trip', async () => {
    await fx.capture('/hooks/other');
    fx.store.getState().setFilters({ text: 'invoice' });
    await until(fx.store, (s) => s.rows.length === 0 && s.captureTotal === 1);
    await settle();
    fx.resetCalls();
    const id = await fx.capture('/hooks/invoice?paid=1');
    await until(fx.store, shown(id));
    await settle();
    expect(fx.calls.searchCaptures).toBeUndefined();
  });

  it('rules out a capture of another method locally', async () => {
    fx.store.getState().setFilters({ method: 'GET' });
    await settle();
    fx.resetCalls();
    await fx.capture('/hooks/posted');
    await until(fx.store, (s) => s.captureTotal === 1);
    await settle();
    expect(fx.store.getState().rows).toHaveLength(0);
    expect(fx.calls.searchCaptures).toBeUndefined();
  });

  it('asks the core when only the body can tell, and finds the capture', async () => {
    fx.store.getState().setFilters({ text: 'amount' });
    await settle();
    fx.resetCalls();
    const hit = await fx.capture('/hooks/a', '{"amount": 5}');
    const miss = await fx.capture('/hooks/b', '{"other": 5}');
    await until(fx.store, (s) => shown(hit)(s) && s.captureTotal === 2);
    await settle();
    expect(shown(miss)(fx.store.getState())).toBe(false);
    expect(fx.calls.searchCaptures).toBeGreaterThanOrEqual(1);
  });

  it('lets a caller wait for the search already running (Enter right after the debounce fired)', async () => {
    const other = await fx.capture('/hooks/other');
    const special = await fx.capture('/hooks/special', '{"word": "special"}');
    await until(fx.store, (s) => s.captureTotal === 2);
    // Newest first: before the search lands, the first row is the one the search will leave out.
    expect(fx.store.getState().rows[0]?.id).toBe(special);
    void fx.store.getState().setFilters({ text: 'other' });
    await fx.store.getState().searchSettled();
    expect(fx.store.getState().rows.map((r) => r?.id)).toEqual([other]);
    // With nothing running it answers at once.
    await fx.store.getState().searchSettled();
  });
});
