import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAGE_ROWS } from './capture-rows';
import { openCoreStore, until, type CoreStore } from './test-support/core-store';

const stripeSdk = new Stripe('sk_test_hooklens_capture_facets');
const SECRET = 'whsec_slice_facets_0123456789abcdef';

function stripeHeaders(body: string): Record<string, string> {
  const sig = stripeSdk.webhooks.generateTestHeaderString({
    payload: body,
    secret: SECRET,
    timestamp: Math.floor(Date.now() / 1000),
  });
  return { 'Content-Type': 'application/json', 'Stripe-Signature': sig };
}

describe('capture facets in the captures slice', () => {
  let fx: CoreStore;
  beforeEach(async () => {
    fx = await openCoreStore();
  });
  afterEach(() => fx.close());

  it('come from the core: event types and duplicate counts include captures whose rows were never fetched', async () => {
    await fx.core.api.setSignatureSecret('default', 'stripe', SECRET);
    const paid = '{"id":"evt_f1","object":"event","type":"invoice.paid"}';
    const first = await fx.capture('/stripe', paid, stripeHeaders(paid));
    await fx.capture('/stripe', paid, stripeHeaders(paid));
    const refunded = '{"id":"evt_f2","object":"event","type":"charge.refunded"}';
    await fx.capture('/stripe', refunded, stripeHeaders(refunded));
    // A page and more of captures on top: the ones above are off the first page, never fetched.
    for (let i = 0; i < PAGE_ROWS + 5; i += 1) await fx.capture(`/plain/${i}`);
    await fx.store.getState().loadCaptures();
    const s = await until(
      fx.store,
      (st) => st.facets.duplicates === 1 && st.facets.eventTypes.length === 2 && st.captureTotal === PAGE_ROWS + 8,
    );
    expect(s.rows.slice(0, PAGE_ROWS).every(Boolean)).toBe(true);
    expect(s.rows.some((c) => c?.health?.eventType)).toBe(false);
    expect(s.facets.eventTypes).toEqual([
      { eventType: 'invoice.paid', count: 2 },
      { eventType: 'charge.refunded', count: 1 },
    ]);
    expect(s.facets.duplicateGroups).toEqual({ [first]: 2 });
    expect(s.facets).toEqual(await fx.core.api.captureFacets());

    // A removal is counted again from the core.
    await fx.core.api.deleteCaptures([first]);
    const after = await until(fx.store, (st) => st.facets.eventTypes[0]?.count === 1);
    expect(after.facets.eventTypes).toEqual(await fx.core.api.captureFacets().then((f) => f.eventTypes));
  });
});
