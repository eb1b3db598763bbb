import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReport } from '../../../shared/health-report';
import { passesHealthFilters, type HealthFilters } from './health-slice';
import { openCoreStore, until, type CoreStore } from './test-support/core-store';

const stripeSdk = new Stripe('sk_test_hooklens_health_slice');
const SECRET = 'whsec_slice_health_0123456789abcdef';

function stripeHeaders(body: string, secret: string): Record<string, string> {
  const sig = stripeSdk.webhooks.generateTestHeaderString({
    payload: body,
    secret,
    timestamp: Math.floor(Date.now() / 1000),
  });
  return { 'Content-Type': 'application/json', 'Stripe-Signature': sig };
}

describe('health slice', () => {
  let fx: CoreStore;
  beforeEach(async () => {
    fx = await openCoreStore();
  });
  afterEach(() => fx.close());

  it('keeps its buckets current from health:changed alone, and builds the same report as the core', async () => {
    await fx.core.api.setSignatureSecret('default', 'stripe', SECRET);
    await fx.store.getState().openHealth(null);
    expect(fx.store.getState().view.kind).toBe('health');
    fx.resetCalls();
    const good = '{"id":"evt_s1","object":"event","type":"invoice.paid"}';
    const bad = '{"id":"evt_s2","object":"event","type":"invoice.paid"}';
    await fx.capture('/a', good, stripeHeaders(good, SECRET));
    await fx.capture('/b', bad, stripeHeaders(bad, 'whsec_wrong_0000000000000000000'));
    const count = (s: ReturnType<typeof fx.store.getState>, key: 'valid' | 'invalid'): number =>
      [...(s.health?.scope.values() ?? [])].reduce((n, b) => n + b.counts[key === 'valid' ? 1 : 2], 0);
    const s = await until(fx.store, (st) => count(st, 'valid') === 1 && count(st, 'invalid') === 1);
    expect(fx.calls.getHealthBuckets).toBeUndefined();
    expect(fx.calls.getHealth).toBeUndefined();

    const now = Date.now();
    const h = s.health!;
    const mine = buildReport({ ...h, minutes: 60, now });
    const core = await fx.core.api.getHealth({ minutes: 60 });
    expect(mine.totals).toEqual(core.totals);
    expect(mine.series.deliveries).toEqual(core.series.deliveries);
    expect(mine.recentErrors.map((e) => e.captureId)).toEqual(core.recentErrors.map((e) => e.captureId));
  });

  it('shows an alert as a toast in browser mode, and opening it selects the capture', async () => {
    await fx.core.api.setSignatureSecret('default', 'stripe', SECRET);
    const good = '{"id":"evt_t1","object":"event","type":"invoice.paid"}';
    await fx.capture('/ok', good, stripeHeaders(good, SECRET));
    const forged = await fx.capture('/forged', good, stripeHeaders(good, 'whsec_wrong_0000000000000000000'));
    const s = await until(fx.store, (st) => st.healthToasts.length === 1);
    expect(s.healthToasts[0]).toMatchObject({ kind: 'signature-failures-started', captureId: forged });
    await s.openHealthAlert(s.healthToasts[0]);
    expect(fx.store.getState().selectedId).toBe(forged);
    expect(fx.store.getState().healthToasts).toEqual([]);
  });

  it('filters the list by verdict, event type and duplicates from the summaries', async () => {
    const headers = { 'Content-Type': 'application/json', 'X-GitHub-Event': 'push', 'X-GitHub-Delivery': 'same-guid' };
    const first = await fx.capture('/gh', '{}', headers);
    const second = await fx.capture('/gh', '{}', headers);
    await fx.capture('/plain', 'x', { 'Content-Type': 'text/plain' });
    await until(fx.store, (st) => st.rows.length === 3);
    // The core cuts the list's window with the filters; the rows are what it answered.
    const ids = async (f: HealthFilters, n: number): Promise<string[]> => {
      fx.store.getState().setHealthFilters(f);
      const st = await until(
        fx.store,
        (x) => x.rows.length === n && x.rows.every((c) => c && passesHealthFilters(c, f)),
      );
      return st.rows.map((c) => c!.id);
    };
    expect(await ids({ verdict: '', eventType: '', duplicatesOnly: true }, 1)).toEqual([second]);
    expect((await ids({ verdict: '', eventType: 'push', duplicatesOnly: false }, 2)).sort()).toEqual(
      [first, second].sort(),
    );
    expect(await ids({ verdict: 'unsigned', eventType: '', duplicatesOnly: false }, 3)).toHaveLength(3);
    expect(await ids({ verdict: 'valid', eventType: '', duplicatesOnly: false }, 0)).toEqual([]);
  });

  it('saves alert thresholds and shows the core refusing a bad one', async () => {
    await fx.store.getState().updateHealthSettings({ invalidPerMinute: 9 });
    expect(fx.store.getState().healthSettings?.invalidPerMinute).toBe(9);
    await expect(fx.store.getState().updateHealthSettings({ forwardFailuresInRow: 0 })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    expect(fx.store.getState().healthSettings?.forwardFailuresInRow).toBe(3);
  });
});
