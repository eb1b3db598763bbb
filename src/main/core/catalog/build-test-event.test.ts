import { describe, expect, it } from 'vitest';
import { HooklensError } from '../../../shared/errors';
import { getProvider } from '../signatures/registry';
import {
  buildTestEvent,
  listTestEventProviders,
  listTestEvents,
  parseOverride,
  testEventLifecycles,
  type TestEvent,
} from './index';

function verifies(event: TestEvent, now?: number): boolean {
  const provider = getProvider(event.signer)!;
  return provider.verify(
    { method: 'POST', url: event.url, headers: event.headers, body: event.body },
    { secret: event.secret, ...(now ? { now } : {}) },
  ).valid;
}

const json = (event: TestEvent): Record<string, unknown> =>
  JSON.parse(event.body.toString('utf8')) as Record<string, unknown>;

describe('buildTestEvent', () => {
  it('makes fresh ids and timestamps on every send', () => {
    const a = buildTestEvent({ provider: 'stripe', event: 'payment_intent.succeeded', secret: 'whsec_x' });
    const b = buildTestEvent({ provider: 'stripe', event: 'payment_intent.succeeded', secret: 'whsec_x' });
    expect(a.eventId).toMatch(/^evt_[0-9A-Za-z]{24}$/);
    expect(a.eventId).not.toBe(b.eventId);
    expect((json(a).data as { object: { id: string } }).object.id).not.toBe(
      (json(b).data as { object: { id: string } }).object.id,
    );
    expect(json(a).id).toBe(a.eventId);
    // Stripe pretty-prints its payloads; most others send compact JSON.
    expect(a.body.toString()).toMatch(/^\{\n {2}"id": "evt_/);
    expect(buildTestEvent({ provider: 'github', event: 'ping' }).body.toString()).toMatch(/^\{"zen":/);
  });

  it('dates the body and the signature at `now`', () => {
    const now = Date.UTC(2026, 0, 2, 3, 4, 5);
    const event = buildTestEvent({ provider: 'stripe', event: 'invoice.paid', secret: 'whsec_x', now });
    expect(json(event).created).toBe(now / 1000);
    expect(event.headers.find(([k]) => k === 'Stripe-Signature')![1]).toMatch(new RegExp(`^t=${now / 1000},v1=`));
    expect(verifies(event, now / 1000 + 5)).toBe(true);
    expect(verifies(event, now / 1000 + 3600)).toBe(false);
    const zoom = buildTestEvent({ provider: 'zoom', event: 'meeting.started', now: new Date(now) });
    expect(json(zoom).event_ts).toBe(now);
  });

  it('signs with the given secret, or generates one in the provider format', () => {
    expect(buildTestEvent({ provider: 'github', event: 'ping', secret: 'given' })).toMatchObject({
      secret: 'given',
      secretGenerated: false,
    });
    const formats: Record<string, RegExp> = {
      stripe: /^whsec_[0-9A-Za-z]{32}$/,
      clerk: /^whsec_[A-Za-z0-9+/]+=*$/,
      paddle: /^pdl_ntfset_01[0-9a-z]{24}_[A-Za-z0-9]+$/,
      linear: /^lin_wh_[A-Za-z0-9]+$/,
      hubspot: /^[0-9a-f-]{36}$/,
    };
    for (const [provider, format] of Object.entries(formats)) {
      const event = buildTestEvent({ provider, event: listTestEvents(provider)[0]!.type });
      expect(event.secretGenerated).toBe(true);
      expect(event.secret).toMatch(format);
      expect(verifies(event)).toBe(true);
    }
  });

  it('shares the object id across a lifecycle, in any order', () => {
    const [subscription] = testEventLifecycles('stripe');
    expect(subscription).toEqual({
      kind: 'customer.subscription',
      events: [
        expect.objectContaining({
          type: 'customer.subscription.created',
          object: { kind: 'customer.subscription', stage: 'created' },
        }),
        expect.objectContaining({ type: 'customer.subscription.updated' }),
        expect.objectContaining({ type: 'customer.subscription.deleted' }),
      ],
    });
    const deleted = buildTestEvent({ provider: 'stripe', event: 'customer.subscription.deleted', secret: 'whsec_x' });
    expect(deleted.objectId).toMatch(/^sub_/);
    const created = buildTestEvent({
      provider: 'stripe',
      event: 'customer.subscription.created',
      secret: 'whsec_x',
      objectId: deleted.objectId,
    });
    expect((json(created).data as { object: { id: string } }).object.id).toBe(deleted.objectId);
    expect(created.eventId).not.toBe(deleted.eventId);

    const opened = buildTestEvent({ provider: 'github', event: 'pull_request.opened' });
    const closed = buildTestEvent({ provider: 'github', event: 'pull_request.closed', objectId: opened.objectId });
    expect((json(closed).pull_request as { id: number }).id).toBe(Number(opened.objectId));
    expect(json(closed).number).toBe(json(opened).number);
    // Events outside a lifecycle say so.
    expect(buildTestEvent({ provider: 'github', event: 'push' }).objectId).toBeUndefined();
  });

  it('every provider has at least one lifecycle with a created stage', () => {
    for (const p of listTestEventProviders()) {
      const cycles = testEventLifecycles(p.id);
      expect(cycles.length, p.id).toBeGreaterThan(0);
      expect(
        cycles.some((c) => c.events[0]!.object!.stage === 'created'),
        p.id,
      ).toBe(true);
    }
  });

  it('applies --set overrides before signing', () => {
    const event = buildTestEvent({
      provider: 'stripe',
      event: 'payment_intent.succeeded',
      overrides: [
        parseOverride('data.object.amount=500'),
        parseOverride('data.object.currency=eur'),
        parseOverride('data.object.metadata.tags.0=vip'),
      ],
    });
    const object = (json(event).data as { object: Record<string, unknown> }).object;
    expect(object).toMatchObject({ amount: 500, currency: 'eur', metadata: { tags: ['vip'] } });
    expect(verifies(event)).toBe(true);

    const sms = buildTestEvent({
      provider: 'twilio',
      event: 'message.received',
      url: 'https://example.com/sms',
      overrides: [['Body', 'STOP']],
    });
    expect(new URLSearchParams(sms.body.toString()).get('Body')).toBe('STOP');
    expect(verifies(sms)).toBe(true);
  });

  it('signs a replaced body byte for byte', () => {
    const text = '{"id":"evt_custom", "type":"invoice.paid"}\n';
    const event = buildTestEvent({ provider: 'stripe', event: 'invoice.paid', body: text });
    expect(event.body.toString('utf8')).toBe(text);
    expect(verifies(event)).toBe(true);
  });

  it('signs the URL for URL-signed providers and reports the path', () => {
    const event = buildTestEvent({
      provider: 'square',
      event: 'payment.created',
      url: 'http://127.0.0.1:4000/hooks/square?x=1',
    });
    expect(event).toMatchObject({
      url: 'http://127.0.0.1:4000/hooks/square?x=1',
      path: '/hooks/square?x=1',
      method: 'POST',
    });
    expect(verifies(event)).toBe(true);
    expect(
      getProvider('square')!.verify(
        { method: 'POST', url: 'http://127.0.0.1:4000/other', headers: event.headers, body: event.body },
        { secret: event.secret },
      ).valid,
    ).toBe(false);
  });

  it('rejects unknown providers, events, paths and URLs with clear errors', () => {
    expect(() => buildTestEvent({ provider: 'nope', event: 'x' })).toThrow(
      /No test events for provider "nope". Known: stripe, github/,
    );
    expect(() => buildTestEvent({ provider: 'stripe', event: 'x' })).toThrow(
      /Stripe has no test event "x". Known: payment_intent.succeeded/,
    );
    expect(() => parseOverride('amount')).toThrow(HooklensError);
    expect(() =>
      buildTestEvent({ provider: 'stripe', event: 'invoice.paid', overrides: [['__proto__.x', '1']] }),
    ).toThrow(/not a dotted path/);
    expect(() => buildTestEvent({ provider: 'stripe', event: 'invoice.paid', url: 'ftp://x' })).toThrow(/not an http/);
    expect(() => buildTestEvent({ provider: 'stripe', event: 'invoice.paid', url: 'not a url' })).toThrow(/not a URL/);
  });

  it('lists 13 providers and ~100 events', () => {
    const providers = listTestEventProviders();
    expect(providers.map((p) => p.id)).toEqual([
      'stripe',
      'github',
      'shopify',
      'slack',
      'clerk',
      'resend',
      'twilio',
      'square',
      'paddle',
      'linear',
      'zoom',
      'twitch',
      'hubspot',
    ]);
    expect(listTestEvents().length).toBe(providers.reduce((n, p) => n + p.events.length, 0));
    expect(providers.every((p) => p.secretHint.length > 0)).toBe(true);
  });
});
