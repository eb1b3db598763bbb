import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckFinishedEvent, CheckProbeEvent } from '../../../shared/api/check';
import type { HooklensCore } from '../hooklens-core';
import { useTempCore } from '../test-support/temp-core';
import { startCorrectHandler, type TestHandler } from './test-support/handlers';
import { stripeInvoicePaid } from './test-support/stripe-events';

const SECRET = 'whsec_service_check_0123456789';
const stripeSdk = new Stripe('sk_test_hooklens');

describe('check service (in the core, against a capture)', () => {
  const tempCore = useTempCore('hooklens-check-service-');
  let handler: TestHandler | undefined;
  afterEach(async () => {
    await handler?.close();
    handler = undefined;
  });

  async function captureStripeEvent(c: HooklensCore): Promise<string> {
    const body = stripeInvoicePaid('evt_captured_1', 'in_1');
    const signature = stripeSdk.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
    const res = await fetch(new URL('/webhook', c.status().captureUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
      body,
    });
    return ((await res.json()) as { id: string }).id;
  }

  it('plans, streams every probe as an event, records each send in the replay history, and leaves the capture alone', async () => {
    const c = await tempCore.open();
    handler = await startCorrectHandler('stripe', SECRET);
    await c.api.updateReplaySettings({ targetBase: `http://127.0.0.1:${handler.port}` });
    const captureId = await captureStripeEvent(c);
    const capturedWith = await c.api.getCapture(captureId);

    const plan = await c.api.getCheckPlan(captureId);
    expect(plan).toMatchObject({
      providerId: 'stripe',
      target: `http://127.0.0.1:${handler.port}/webhook`,
      loopback: true,
      hasSecret: false,
    });
    expect(plan.command).toBe(
      `hooklens check --target http://127.0.0.1:${handler.port}/webhook --provider stripe --secret "$STRIPE_WEBHOOK_SECRET" --event invoice.paid`,
    );
    await expect(c.api.startCheck({ captureId })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/No Stripe secret/),
    });

    // Storing the secret re-judges the capture's signature (health); the check itself changes nothing.
    const rejudged = new Promise<void>((resolve) =>
      c.events.on('capture:updated', (s) => s.id === captureId && s.health?.verdict === 'valid' && resolve()),
    );
    await c.api.setSignatureSecret(capturedWith.endpointId, 'stripe', SECRET);
    await rejudged;
    const before = await c.api.getCapture(captureId);
    const probes: CheckProbeEvent[] = [];
    c.events.on('check:probe', (e) => probes.push(e));
    const finished = new Promise<CheckFinishedEvent>((resolve) => c.events.on('check:finished', resolve));
    const { runId } = await c.api.startCheck({ captureId });
    const done = await finished;

    expect(done).toMatchObject({ runId, captureId, kind: 'report' });
    if (done.kind !== 'report') throw new Error('no report');
    expect(done.report.summary.fail).toBe(0);
    expect(probes.map((p) => p.result.id)).toEqual(done.report.probes.map((p) => p.id));
    expect(probes.map((p) => p.index)).toEqual(probes.map((_, i) => i));

    const history = await c.api.listReplays(captureId);
    const sent = done.report.probes.reduce((n, p) => n + p.attempts.length, 0);
    expect(history.filter((h) => h.source === 'check')).toHaveLength(sent);
    const forged = done.report.probes.find((p) => p.id === 'forged-body')!.attempts[0]!;
    const entry = await c.api.getReplay(forged.replayId!);
    expect(entry.request.body.text).toContain('hooklens_forged');
    expect(entry.outcome).toMatchObject({ kind: 'response', response: { status: 400 } });

    expect(await c.api.getCapture(captureId)).toEqual(before);
    expect((await c.api.listCaptures()).items.length).toBe(1);
  }, 30_000);

  it('refuses a remote target without consent, before sending anything', async () => {
    const core = await tempCore.open();
    const captureId = await captureStripeEvent(core);
    await core.api.setSignatureSecret((await core.api.getCapture(captureId)).endpointId, 'stripe', SECRET);
    const plan = await core.api.getCheckPlan(captureId);
    expect(plan.loopback).toBe(true);
    await expect(core.api.startCheck({ captureId, target: 'http://192.0.2.10/webhook' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await core.api.listReplays(captureId)).toEqual([]);
  });
});
