import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCoreStore, until, type CoreStore } from './test-support/core-store';

describe('status slice', () => {
  let fx: CoreStore;
  beforeEach(async () => {
    // Another program's file where the captures index belongs: the core sets it aside with a notice.
    fx = await openCoreStore({ files: { 'captures.json': '[1, 2, 3]' } });
  });
  afterEach(() => fx.close());

  it('drops a dismissed notice on the status:changed that follows, without asking for the status', async () => {
    const notices = fx.store.getState().status!.storeNotices;
    expect(notices.length).toBeGreaterThan(0);
    fx.resetCalls();
    await fx.store.getState().dismissNotice(0);
    await until(fx.store, (s) => s.status!.storeNotices.length === notices.length - 1);
    expect(fx.calls.getStatus).toBeUndefined();
  });

  it('holds the tunnel once, in the tunnel slice', () => {
    const s = fx.store.getState();
    expect(s.tunnel?.state).toBe('off');
    expect(s.status).not.toHaveProperty('tunnel');
  });
});
