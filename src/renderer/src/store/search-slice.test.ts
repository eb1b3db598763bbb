import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RESEARCH_DELAY_MS } from './search-slice';
import { openCoreStore, until, type CoreStore } from './test-support/core-store';

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, RESEARCH_DELAY_MS * 4));

describe('search slice', () => {
  let fx: CoreStore;
  beforeEach(async () => {
    fx = await openCoreStore();
  });
  afterEach(() => fx.close());

  it('matches a new capture from its summary when the words are in its URL: no search round trip', async () => {
    fx.store.getState().setFilters({ text: 'invoice' });
    await until(fx.store, (s) => s.matchIds !== null);
    fx.resetCalls();
    const id = await fx.capture('/hooks/invoice?paid=1');
    await until(fx.store, (s) => s.matchIds!.has(id));
    await settle();
    expect(fx.calls.searchCaptures).toBeUndefined();
  });

  it('rules out a capture of another method locally', async () => {
    fx.store.getState().setFilters({ method: 'GET' });
    await until(fx.store, (s) => s.matchIds !== null);
    fx.resetCalls();
    const id = await fx.capture('/hooks/posted');
    await until(fx.store, (s) => s.captures.some((c) => c.id === id));
    await settle();
    expect(fx.store.getState().matchIds!.has(id)).toBe(false);
    expect(fx.calls.searchCaptures).toBeUndefined();
  });

  it('asks the core when only the body can tell, and finds the capture', async () => {
    fx.store.getState().setFilters({ text: 'amount' });
    await until(fx.store, (s) => s.matchIds !== null);
    fx.resetCalls();
    const hit = await fx.capture('/hooks/a', '{"amount": 5}');
    const miss = await fx.capture('/hooks/b', '{"other": 5}');
    await until(fx.store, (s) => s.matchIds!.has(hit) && s.captures.some((c) => c.id === miss));
    await settle();
    expect(fx.store.getState().matchIds!.has(miss)).toBe(false);
    expect(fx.calls.searchCaptures).toBeGreaterThanOrEqual(1);
  });
});
