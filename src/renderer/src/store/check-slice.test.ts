import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startCorrectHandler,
  startNaiveHandler,
  type TestHandler,
} from '../../../main/core/check/test-support/handlers';
import { openCoreStore, until, type CoreStore } from './test-support/core-store';

const SECRET = 'whsec_slice_check_0123456789';
const stripeSdk = new Stripe('sk_test_hooklens');

describe('check slice', () => {
  let fx: CoreStore;
  let handler: TestHandler | undefined;
  beforeEach(async () => {
    fx = await openCoreStore();
  });
  afterEach(async () => {
    await fx.close();
    await handler?.close();
    handler = undefined;
  });

  async function stripeCapture(): Promise<string> {
    const body = JSON.stringify({
      id: 'evt_slice_1',
      object: 'event',
      type: 'invoice.paid',
      data: { object: { id: 'in_1' } },
    });
    const sig = stripeSdk.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
    return fx.capture('/webhook', body, { 'Content-Type': 'application/json', 'Stripe-Signature': sig });
  }

  it('builds the run up from streamed probe events into a scorecard', async () => {
    handler = await startNaiveHandler({ slowType: 'never-sent', slowMs: 0 });
    const id = await stripeCapture();
    const s = fx.store.getState();
    await s.updateReplaySettings({ targetBase: `http://127.0.0.1:${handler.port}` });
    await s.setSignatureSecret('default', 'stripe', SECRET);
    await s.loadCheckPlan(id);
    expect(fx.store.getState().checkPlans[id]?.plan).toMatchObject({
      providerId: 'stripe',
      hasSecret: true,
      loopback: true,
    });

    const seen: number[] = [];
    const off = fx.store.subscribe((st) => {
      const n = st.checkRuns[id]?.results.length ?? 0;
      if (seen[seen.length - 1] !== n) seen.push(n);
    });
    await fx.store.getState().startCheck(id);
    const done = await until(fx.store, (st) => st.checkRuns[id]?.status === 'done', 15_000);
    off();
    const run = done.checkRuns[id]!;
    // Probes arrived one by one, not as one final answer.
    expect(seen.length).toBeGreaterThan(3);
    expect(run.results.map((r) => r.id)).toEqual(run.planned.map((p) => p.id));
    expect(run.report?.summary.fail).toBeGreaterThan(0);
    expect(run.results.find((r) => r.id === 'forged-body')?.why).toMatch(/accepts forged webhooks/);
  });

  it('re-runs, keeping only the newest run; says plainly when nothing listens', async () => {
    handler = await startCorrectHandler('stripe', SECRET);
    const id = await stripeCapture();
    const s = fx.store.getState();
    await s.updateReplaySettings({ targetBase: `http://127.0.0.1:${handler.port}` });
    await s.setSignatureSecret('default', 'stripe', SECRET);
    await s.loadCheckPlan(id);
    await s.startCheck(id);
    const first = (await until(fx.store, (st) => st.checkRuns[id]?.status === 'done', 15_000)).checkRuns[id]!;
    expect(first.report?.summary.fail).toBe(0);

    await handler.close();
    handler = undefined;
    await fx.store.getState().startCheck(id);
    const second = (await until(fx.store, (st) => st.checkRuns[id]?.status === 'unreachable', 15_000)).checkRuns[id]!;
    expect(second.runId).not.toBe(first.runId);
    expect(second.message).toMatch(/^nothing is listening on 127\.0\.0\.1:\d+$/);
    expect(second.results).toEqual([]);
  });

  it('records a refused start (no secret) as a failed run with the reason', async () => {
    const id = await stripeCapture();
    await fx.store.getState().loadCheckPlan(id);
    await fx.store.getState().startCheck(id);
    expect(fx.store.getState().checkRuns[id]).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/No Stripe secret/),
    });
  });
});
