/*
 * Every catalog event, judged by its provider's official SDK: the signature verifies with the
 * secret the catalog generated, and where the SDK parses the body it gets an event of that type.
 * Twitch publishes no SDK; its check recomputes the documented HMAC independently.
 */
import { verify as octokitVerify } from '@octokit/webhooks-methods';
import { Signature as HubSpotSignature } from '@hubspot/api-client/lib/src/utils/signature';
import { LinearWebhookClient } from '@linear/sdk/webhooks';
import { Environment, Paddle } from '@paddle/paddle-node-sdk';
import { isValidSlackRequest } from '@slack/bolt/dist/receivers/verify-request';
import { AwsLambdaReceiver } from '@zoom/rivet/meetings';
import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
import * as twilioSdk from 'twilio/lib/webhooks/webhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HeaderPair } from '../../../shared/capture';
import { shopifyValidates } from '../signatures/test-support/shopify-sdk';
import { SquareWebhooks } from '../signatures/test-support/square-sdk';
import { buildTestEvent, listTestEventProviders, type TestEvent } from './index';

const URL_TARGET = 'https://hooks.example.com/webhooks/in?env=test';

function get(event: TestEvent, name: string): string {
  const found = event.headers.find(([k]) => k.toLowerCase() === name.toLowerCase());
  if (!found) throw new Error(`${event.provider} ${event.event}: no ${name} header`);
  return found[1];
}

const lowerHeaders = (headers: HeaderPair[]): Record<string, string> =>
  Object.fromEntries(headers.map(([k, v]) => [k.toLowerCase(), v]));

const paddleSdk = new Paddle('pdl_sdbx_apikey_01j8z3x6k2m4n5p7q9r0s1t2v3_placeholder', {
  environment: Environment.sandbox,
});
const stripeSdk = new Stripe('sk_test_hooklens');

type Judge = (event: TestEvent) => Promise<void>;

const JUDGES: Record<string, Judge> = {
  async stripe(event) {
    const parsed = stripeSdk.webhooks.constructEvent(event.body, get(event, 'Stripe-Signature'), event.secret);
    expect(parsed.type).toBe(event.event);
    expect(parsed.id).toBe(event.eventId);
  },
  async github(event) {
    expect(await octokitVerify(event.secret, event.body.toString('utf8'), get(event, 'X-Hub-Signature-256'))).toBe(
      true,
    );
    const [name, action] = event.event.split('.');
    expect(get(event, 'X-GitHub-Event')).toBe(name);
    expect(get(event, 'X-GitHub-Delivery')).toBe(event.eventId);
    const body = JSON.parse(event.body.toString('utf8')) as {
      action?: string;
      repository: { full_name: string };
      sender: { login: string };
    };
    expect(body.action).toBe(action);
    expect(body.repository.full_name).toBe('hooklens-test/webhook-playground');
  },
  async shopify(event) {
    expect(await shopifyValidates(event)).toEqual({ valid: true, topic: event.event.toUpperCase().replace('/', '_') });
  },
  async slack(event) {
    const ok = isValidSlackRequest({
      signingSecret: event.secret,
      body: event.body.toString('utf8'),
      headers: {
        'x-slack-signature': get(event, 'X-Slack-Signature'),
        'x-slack-request-timestamp': Number(get(event, 'X-Slack-Request-Timestamp')),
      },
    });
    expect(ok).toBe(true);
    const body = JSON.parse(event.body.toString('utf8')) as {
      type: string;
      event?: { type: string; channel_type?: string };
    };
    if (event.event === 'url_verification') expect(body.type).toBe('url_verification');
    else expect(`${body.event!.type}${body.event!.channel_type === 'channel' ? '.channels' : ''}`).toBe(event.event);
  },
  async clerk(event) {
    const parsed = new SvixWebhook(event.secret).verify(event.body.toString('utf8'), lowerHeaders(event.headers)) as {
      type: string;
    };
    expect(parsed.type).toBe(event.event);
  },
  async resend(event) {
    const parsed = new SvixWebhook(event.secret).verify(event.body.toString('utf8'), lowerHeaders(event.headers)) as {
      type: string;
    };
    expect(parsed.type).toBe(event.event);
  },
  async twilio(event) {
    const params = Object.fromEntries(new URLSearchParams(event.body.toString('utf8')));
    expect(twilioSdk.validateRequest(event.secret, get(event, 'X-Twilio-Signature'), event.url, params)).toBe(true);
    expect(twilioSdk.validateRequest('0'.repeat(32), get(event, 'X-Twilio-Signature'), event.url, params)).toBe(false);
  },
  async square(event) {
    const ok = await SquareWebhooks.verifySignature({
      requestBody: event.body.toString('utf8'),
      signatureHeader: get(event, 'x-square-hmacsha256-signature'),
      signatureKey: event.secret,
      notificationUrl: event.url,
    });
    expect(ok).toBe(true);
    expect((JSON.parse(event.body.toString('utf8')) as { type: string }).type).toBe(event.event);
  },
  async paddle(event) {
    const parsed = await paddleSdk.webhooks.unmarshal(
      event.body.toString('utf8'),
      event.secret,
      get(event, 'Paddle-Signature'),
    );
    expect(parsed.eventType).toBe(event.event);
    expect(parsed.eventId).toBe(event.eventId);
  },
  async linear(event) {
    const parsed = new LinearWebhookClient(event.secret).parseData(event.body, get(event, 'Linear-Signature'));
    expect(`${parsed.type}.${parsed.action}`).toBe(event.event);
    expect(get(event, 'Linear-Event')).toBe(parsed.type);
  },
  async zoom(event) {
    const handler = new AwsLambdaReceiver({ webhooksSecretToken: event.secret }).start();
    const res = (await handler(
      { body: event.body.toString('utf8'), headers: lowerHeaders(event.headers), isBase64Encoded: false } as never,
      {} as never,
    )) as { statusCode: number };
    expect(res.statusCode).toBe(200);
  },
  async twitch(event) {
    const id = get(event, 'Twitch-Eventsub-Message-Id');
    const ts = get(event, 'Twitch-Eventsub-Message-Timestamp');
    const expected = `sha256=${createHmac('sha256', event.secret)
      .update(id + ts)
      .update(event.body)
      .digest('hex')}`;
    expect(get(event, 'Twitch-Eventsub-Message-Signature')).toBe(expected);
    const type = get(event, 'Twitch-Eventsub-Message-Type');
    expect(type === 'notification' ? get(event, 'Twitch-Eventsub-Subscription-Type') : type).toBe(event.event);
  },
  async hubspot(event) {
    const ok = HubSpotSignature.isValid({
      signatureVersion: 'v3',
      signature: get(event, 'X-HubSpot-Signature-v3'),
      clientSecret: event.secret,
      requestBody: event.body.toString('utf8'),
      url: event.url,
      method: 'POST',
      timestamp: Number(get(event, 'X-HubSpot-Request-Timestamp')),
    });
    expect(ok).toBe(true);
    expect((JSON.parse(event.body.toString('utf8')) as { subscriptionType: string }[])[0]!.subscriptionType).toBe(
      event.event,
    );
  },
};

beforeAll(() => {
  // Zoom's receiver logs every event it processes.
  vi.spyOn(console, 'debug').mockImplementation(() => undefined);
});
afterAll(() => {
  vi.restoreAllMocks();
});

describe.each(listTestEventProviders().map((p) => [p.id, p] as const))('%s test events', (id, provider) => {
  it('has 5 to 8 event types and a judge', () => {
    expect(provider.events.length).toBeGreaterThanOrEqual(5);
    expect(provider.events.length).toBeLessThanOrEqual(8);
    expect(JUDGES[id]).toBeDefined();
  });

  it.each(provider.events.map((e) => e.type))('%s is accepted by the official SDK', async (type) => {
    const event = buildTestEvent({ provider: id, event: type, url: URL_TARGET });
    expect(event.secretGenerated).toBe(true);
    expect(get(event, 'Content-Type')).toBe(provider.contentType);
    expect(get(event, 'User-Agent').length).toBeGreaterThan(3);
    await JUDGES[id]!(event);
  });

  it('the same judge rejects a tampered body', async () => {
    const event = buildTestEvent({ provider: id, event: provider.events[1]!.type, url: URL_TARGET });
    const text = event.body.toString('utf8');
    // One character of content changed, the signature kept: every SDK must refuse it.
    const at = text.search(/[a-z]/);
    const tampered = {
      ...event,
      body: Buffer.from(text.slice(0, at) + (text[at] === 'x' ? 'y' : 'x') + text.slice(at + 1)),
    };
    await expect(JUDGES[id]!(tampered)).rejects.toThrow();
  });
});
