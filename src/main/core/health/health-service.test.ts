/*
 * Health through the real core: captures sent over HTTP to the real listener, signed by the
 * providers' own SDKs, secrets stored through the API, and the data directory reopened.
 */
import { sign as octokitSign } from '@octokit/webhooks-methods';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import type { HealthAlert } from '../../../shared/api/health';
import type { HooklensCore } from '../hooklens-core';
import { startEchoServer } from '../replay/test-support/echo-server';
import { useTempCore } from '../test-support/temp-core';

const stripeSdk = new Stripe('sk_test_hooklens_health');
const SECRET = 'whsec_health_0123456789abcdef';

const tempCore = useTempCore('hooklens-health-');
const { open } = tempCore;

async function post(c: HooklensCore, url: string, headers: Record<string, string>, body: string): Promise<string> {
  const res = await fetch(new URL(url, c.status().captureUrl), { method: 'POST', headers, body });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

function stripeEvent(id: string, type = 'invoice.paid'): string {
  return JSON.stringify({ id, object: 'event', type, data: { object: {} } });
}

async function sendStripe(c: HooklensCore, body: string, secret = SECRET): Promise<string> {
  const header = stripeSdk.webhooks.generateTestHeaderString({
    payload: body,
    secret,
    timestamp: Math.floor(Date.now() / 1000),
  });
  return post(c, '/hooks/stripe', { 'Content-Type': 'application/json', 'Stripe-Signature': header }, body);
}

const summary = async (c: HooklensCore, id: string) => (await c.api.listCaptures()).items.find((s) => s.id === id);

describe('health on arrival', () => {
  it('gives each capture its provider, event, id and verdict, and keeps them across a restart', async () => {
    let c = await open();
    await c.api.setSignatureSecret('default', 'stripe', SECRET);
    const good = await sendStripe(c, stripeEvent('evt_good', 'payment_intent.succeeded'));
    const forged = await sendStripe(c, stripeEvent('evt_forged'), 'whsec_not_the_right_one_000000');
    const plain = await post(c, '/plain', { 'Content-Type': 'text/plain' }, 'hello');

    expect((await summary(c, good))?.health).toEqual({
      provider: 'stripe',
      verdict: 'valid',
      eventType: 'payment_intent.succeeded',
      eventId: 'evt_good',
    });
    expect((await summary(c, forged))?.health).toMatchObject({
      provider: 'stripe',
      verdict: 'invalid',
      eventId: 'evt_forged',
    });
    expect((await summary(c, forged))?.health?.reason).toMatch(/signature|match/i);
    expect((await summary(c, plain))?.health).toEqual({ verdict: 'unsigned' });
    expect((await c.api.getCapture(good)).health?.verdict).toBe('valid');

    const report = await c.api.getHealth();
    expect(report.totals).toMatchObject({ deliveries: 3, valid: 1, invalid: 1, unsigned: 1, noSecret: 0 });
    expect(report.recentErrors.find((e) => e.kind === 'signature')?.captureId).toBe(forged);

    await c.close();
    c = await open();
    expect((await summary(c, forged))?.health?.verdict).toBe('invalid');
    expect((await c.api.getHealth()).totals).toMatchObject({ deliveries: 3, valid: 1, invalid: 1 });
  });

  it('recomputes the verdicts of the affected captures when a secret is stored, changed or removed', async () => {
    const c = await open();
    const ep = await c.api.createEndpoint({ name: 'other' });
    const a = await sendStripe(c, stripeEvent('evt_a'));
    const b = await sendStripe(c, stripeEvent('evt_b'), 'whsec_other_secret_0000000000');
    const gh = await post(
      c,
      '/gh',
      { 'X-GitHub-Event': 'ping', 'X-Hub-Signature-256': await octokitSign('gh', '{}') },
      '{}',
    );
    expect((await summary(c, a))?.health?.verdict).toBe('no-secret');

    const updated: string[] = [];
    c.events.on('capture:updated', (s) => updated.push(s.id));
    await c.api.setSignatureSecret('default', 'stripe', SECRET);
    await c.health.idle();
    expect((await summary(c, a))?.health?.verdict).toBe('valid');
    expect((await summary(c, b))?.health?.verdict).toBe('invalid');
    // GitHub captures are untouched by a Stripe secret.
    expect((await summary(c, gh))?.health?.verdict).toBe('no-secret');
    expect(updated.sort()).toEqual([a, b].sort());
    expect((await c.api.getHealth()).totals).toMatchObject({ valid: 1, invalid: 1, noSecret: 1 });

    // Another endpoint's secret changes nothing here.
    await c.api.setSignatureSecret(ep.id, 'stripe', 'whsec_other_secret_0000000000');
    await c.health.idle();
    expect((await summary(c, b))?.health?.verdict).toBe('invalid');

    await c.api.setSignatureSecret('default', 'stripe', 'whsec_other_secret_0000000000');
    await c.health.idle();
    expect((await summary(c, a))?.health?.verdict).toBe('invalid');
    expect((await summary(c, b))?.health).toEqual({
      provider: 'stripe',
      verdict: 'valid',
      eventType: 'invoice.paid',
      eventId: 'evt_b',
    });

    await c.api.setSignatureSecret('default', 'stripe', '');
    await c.health.idle();
    expect((await summary(c, a))?.health?.verdict).toBe('no-secret');
    expect((await summary(c, a))?.health?.reason).toBeUndefined();
    expect((await c.api.getHealth()).totals).toMatchObject({ valid: 0, invalid: 0, noSecret: 3 });

    // The rewritten verdicts are durable.
    await tempCore.close();
    const again = await open();
    expect((await summary(again, a))?.health?.verdict).toBe('no-secret');
  });

  it('flags a redelivered event as a duplicate of the first, per endpoint', async () => {
    const c = await open();
    const delivery = '72d3162e-cc78-11e3-81ab-4c9367dc0958';
    const headers = { 'X-GitHub-Event': 'issues', 'X-GitHub-Delivery': delivery, 'Content-Type': 'application/json' };
    const body = '{"action":"opened"}';
    const first = await post(c, '/gh', headers, body);
    const second = await post(c, '/gh', headers, body);
    const third = await post(c, '/gh', headers, body);
    const other = await post(c, '/gh', { ...headers, 'X-GitHub-Delivery': 'another' }, body);
    expect((await summary(c, first))?.health?.duplicateOf).toBeUndefined();
    expect((await summary(c, second))?.health?.duplicateOf).toBe(first);
    expect((await summary(c, third))?.health?.duplicateOf).toBe(first);
    expect((await summary(c, other))?.health?.duplicateOf).toBeUndefined();
    expect((await c.api.getHealth()).totals.duplicates).toBe(2);

    // Same delivery id on another endpoint is not a duplicate.
    const ep = await c.api.createEndpoint({ name: 'second' });
    const elsewhere = await post(c, `/e/${ep.slug}/gh`, headers, body);
    expect((await summary(c, elsewhere))?.endpointId).toBe(ep.id);
    expect((await summary(c, elsewhere))?.health?.duplicateOf).toBeUndefined();

    // Once the first is deleted, the oldest remaining one is what new arrivals duplicate.
    await c.api.deleteCapture(first);
    const fourth = await post(c, '/gh', headers, body);
    expect((await summary(c, fourth))?.health?.duplicateOf).toBe(second);
  });

  it('alerts when signatures start failing, not when alerts are off', async () => {
    const c = await open();
    const alerts: HealthAlert[] = [];
    c.events.on('health:alert', (a) => alerts.push(a));
    await c.api.setSignatureSecret('default', 'stripe', SECRET);
    await c.api.updateHealthSettings({ invalidPerMinute: 2 });
    await sendStripe(c, stripeEvent('evt_1'));
    expect(alerts).toEqual([]);
    const bad = await sendStripe(c, stripeEvent('evt_2'), 'whsec_wrong_000000000000000000');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'signature-failures-started', captureId: bad, endpointId: 'default' });
    // A second invalid in a row is the same episode (the per-minute burst rule is unit-tested with a clock).
    await sendStripe(c, stripeEvent('evt_3'), 'whsec_wrong_000000000000000000');
    expect(alerts.filter((a) => a.kind === 'signature-failures-started')).toHaveLength(1);
    expect((await c.api.getHealth()).recentAlerts.map((a) => a.id)).toContain(alerts[0].id);

    await c.api.updateHealthSettings({ alertsEnabled: false });
    await sendStripe(c, stripeEvent('evt_5'));
    await sendStripe(c, stripeEvent('evt_6'), 'whsec_wrong_000000000000000000');
    expect(alerts.filter((a) => a.kind === 'signature-failures-started')).toHaveLength(1);
    await expect(c.api.updateHealthSettings({ invalidPerMinute: 0 })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  });

  it('counts auto-forward outcomes and latency on the endpoint the capture arrived on', async () => {
    const c = await open();
    const target = await startEchoServer();
    try {
      const ep = await c.api.createEndpoint({ name: 'forwarded' });
      await c.api.updateReplaySettings({ forwardEnabled: true, forwardTarget: target.url, forwardMaxAttempts: 1 });
      await post(c, `/e/${ep.slug}/hook`, { 'Content-Type': 'application/json' }, '{"n":1}');
      await post(c, `/e/${ep.slug}/hook`, { 'Content-Type': 'application/json' }, '{"n":2}');
      await expect.poll(async () => (await c.api.getHealth({ endpointId: ep.id })).totals.forwardDelivered).toBe(2);
      const own = await c.api.getHealth({ endpointId: ep.id });
      expect(own.totals.latencyP50).not.toBeNull();
      expect((await c.api.getHealth({ endpointId: 'default' })).totals.forwardDelivered).toBe(0);
      expect((await c.api.getHealth()).totals.forwardDelivered).toBe(2);
    } finally {
      await c.api.updateReplaySettings({ forwardEnabled: false });
      await target.close();
    }
  });

  it("counts the listener's refusals with their reasons", async () => {
    const c = await open();
    const res = await fetch(new URL('/big', c.status().captureUrl), {
      method: 'POST',
      headers: { 'Content-Length': String(64 * 1024 * 1024) },
      body: 'x',
      // Content-Length larger than the limit: answered 413 before the body is read.
      duplex: 'half',
    } as RequestInit).catch(() => null);
    if (res) expect(res.status).toBe(413);
    await expect.poll(async () => (await c.api.getHealth()).totals.refusals).toBe(1);
    const report = await c.api.getHealth();
    expect(report.refusalsByReason).toEqual([
      expect.objectContaining({ status: 413, error: 'payload_too_large', count: 1 }),
    ]);
    expect(report.recentRefusals[0]).toMatchObject({ status: 413, via: 'local' });
  });
});
