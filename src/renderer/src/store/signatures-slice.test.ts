import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINT_ID } from '../../../shared/capture';
import { openCoreStore, until, type CoreStore } from './test-support/core-store';

describe('signatures slice', () => {
  let fx: CoreStore;
  beforeEach(async () => {
    fx = await openCoreStore();
  });
  afterEach(() => fx.close());

  it('fetches the provider list once per run, however often it is asked for', async () => {
    expect(fx.store.getState().providers.some((p) => p.id === 'stripe')).toBe(true);
    await fx.store.getState().loadProviders();
    await fx.store.getState().loadAll();
    expect(fx.calls.listSignatureProviders).toBe(1);
  });

  it("keeps an endpoint's stored secrets current from the event's masked status, with no re-query", async () => {
    await fx.store.getState().loadSecretStatus(DEFAULT_ENDPOINT_ID);
    expect(fx.store.getState().secrets[DEFAULT_ENDPOINT_ID]).toEqual([]);
    const other = await fx.openSecondStore();
    fx.resetCalls();

    await other.getState().setSignatureSecret(DEFAULT_ENDPOINT_ID, 'stripe', 'whsec_test_0123456789abcdef');
    const s = await until(fx.store, (st) => st.secrets[DEFAULT_ENDPOINT_ID].length === 1);
    const status = s.secrets[DEFAULT_ENDPOINT_ID][0];
    expect(status.providerId).toBe('stripe');
    expect(status.masked).not.toContain('0123456789abcdef');

    await other.getState().setSignatureSecret(DEFAULT_ENDPOINT_ID, 'stripe', '');
    await until(fx.store, (st) => st.secrets[DEFAULT_ENDPOINT_ID].length === 0);
    expect(fx.calls.getSignatureSecretStatus).toBeUndefined();
  });
});
