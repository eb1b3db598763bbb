import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCoreStore, until, type CoreStore } from './test-support/core-store';

describe('view slice', () => {
  let fx: CoreStore;
  beforeEach(async () => {
    fx = await openCoreStore();
  });
  afterEach(() => fx.close());

  it('puts the older capture on the left whichever was ticked first', async () => {
    const older = await fx.capture('/first');
    const newer = await fx.capture('/second');
    await fx.store.getState().openCompare(newer, older);
    const pair = await until(fx.store, (s) => s.comparePair?.status === 'ready');
    if (pair.comparePair?.status !== 'ready') throw new Error('not ready');
    expect(pair.comparePair.left.id).toBe(older);
    expect(pair.comparePair.right.id).toBe(newer);
  });
});
