import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../shared/capture';
import { detectProviders, getProvider, PROVIDERS } from './registry';
import type { SignedRequest } from './types';

const hex = (algorithm: 'sha1' | 'sha256', secret: string, body: string) =>
  createHmac(algorithm, secret).update(body).digest('hex');

// GitHub's documented test vector (docs › Validating webhook deliveries), with the delivery headers
// GitHub's docs show on every webhook.
const GITHUB_SECRET = "It's a Secret to Everybody";
const GITHUB_BODY = 'Hello, World!';
const GITHUB_SHA256 = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
const GITHUB_DELIVERY: HeaderPair[] = [
  ['X-GitHub-Delivery', '72d3162e-cc78-11e3-81ab-4c9367dc0958'],
  ['X-Hub-Signature', `sha1=${hex('sha1', GITHUB_SECRET, GITHUB_BODY)}`],
  ['X-Hub-Signature-256', GITHUB_SHA256],
  ['User-Agent', 'GitHub-Hookshot/044aadd'],
  ['Content-Type', 'application/json'],
  ['X-GitHub-Event', 'issues'],
  ['X-GitHub-Hook-ID', '292430182'],
];

const BITBUCKET_SECRET = 'bitbucket-webhook-secret';
const BITBUCKET_BODY = JSON.stringify({
  push: { changes: [] },
  repository: { full_name: 'team/repo', type: 'repository' },
  actor: { type: 'user' },
});
const BITBUCKET_DELIVERY: HeaderPair[] = [
  ['X-Event-Key', 'repo:push'],
  ['X-Hook-UUID', '{c1a0e8b2-7d4f-4b9e-9b1e-2f2d8f8f7a11}'],
  ['X-Request-UUID', 'afb7e4a4-1c3b-4a5f-8d43-7b8e7a3f0d2c'],
  ['User-Agent', 'Bitbucket-Webhooks/2.0'],
  ['Content-Type', 'application/json'],
  ['X-Hub-Signature', `sha256=${hex('sha256', BITBUCKET_SECRET, BITBUCKET_BODY)}`],
];

const INTERCOM_SECRET = 'c1a2b3c4-d5e6-47f8-9a0b-1c2d3e4f5a6b';
const INTERCOM_BODY = JSON.stringify({
  type: 'notification_event',
  app_id: 'abc123',
  data: { type: 'notification_event_data', item: { type: 'conversation', id: '147' } },
  id: 'notif_ccd8a4d2-c5f8-4d3b-ae9d-12c5a0ab3c4f',
  topic: 'conversation.user.created',
  delivery_attempts: 1,
  created_at: 1392731331,
});
const INTERCOM_DELIVERY: HeaderPair[] = [
  ['Content-Type', 'application/json'],
  ['X-Hub-Signature', `sha1=${hex('sha1', INTERCOM_SECRET, INTERCOM_BODY)}`],
];

interface Delivery {
  name: string;
  sender: string;
  secret: string;
  headers: HeaderPair[];
  body: string;
}

const sign = (id: string, secret: string, body: string): HeaderPair[] =>
  getProvider(id)!.sign!({ secret, body: Buffer.from(body) });

const DELIVERIES: Delivery[] = [
  { name: 'GitHub delivery', sender: 'github', secret: GITHUB_SECRET, headers: GITHUB_DELIVERY, body: GITHUB_BODY },
  {
    name: 'GitHub delivery with only the legacy SHA-1 header',
    sender: 'github',
    secret: GITHUB_SECRET,
    headers: GITHUB_DELIVERY.filter(([n]) => n !== 'X-Hub-Signature-256'),
    body: GITHUB_BODY,
  },
  {
    name: 'hooklens sign --provider github',
    sender: 'github',
    secret: GITHUB_SECRET,
    headers: sign('github', GITHUB_SECRET, GITHUB_BODY),
    body: GITHUB_BODY,
  },
  {
    name: 'Bitbucket delivery',
    sender: 'bitbucket',
    secret: BITBUCKET_SECRET,
    headers: BITBUCKET_DELIVERY,
    body: BITBUCKET_BODY,
  },
  {
    name: 'hooklens sign --provider bitbucket',
    sender: 'bitbucket',
    secret: BITBUCKET_SECRET,
    headers: sign('bitbucket', BITBUCKET_SECRET, BITBUCKET_BODY),
    body: BITBUCKET_BODY,
  },
  {
    name: 'Intercom notification',
    sender: 'intercom',
    secret: INTERCOM_SECRET,
    headers: INTERCOM_DELIVERY,
    body: INTERCOM_BODY,
  },
  {
    name: 'hooklens sign --provider intercom',
    sender: 'intercom',
    secret: INTERCOM_SECRET,
    headers: sign('intercom', INTERCOM_SECRET, INTERCOM_BODY),
    body: INTERCOM_BODY,
  },
];

// Senders that share Authorization: Atlassian's "JWT …" token, Okta's configured secret, and the
// Basic auth Postmark, Chargebee and Pipedrive send; only the sender's own evidence (the token
// form, Okta's event body, the User-Agent) may pick one.
const OKTA_BODY = JSON.stringify({
  eventType: 'com.okta.event_hook',
  eventTypeVersion: '1.0',
  cloudEventsVersion: '0.1',
  source: 'https://example.okta.com/api/v1/eventHooks/who1',
  data: { events: [{ eventType: 'user.session.start' }] },
});
const JIRA_BODY = JSON.stringify({
  timestamp: 1760000000000,
  webhookEvent: 'jira:issue_updated',
  issue: { key: 'PROJ-1' },
});
const POSTMARK_BODY = JSON.stringify({
  RecordType: 'Delivery',
  ServerID: 23,
  MessageID: '883953f4-6105-42a2-a16a-77a8eac79483',
  Recipient: 'john@example.com',
});
const CHARGEBEE_BODY = JSON.stringify({
  id: 'ev_16BHbhF4s42tO2lK',
  event_type: 'subscription_created',
  object: 'event',
  content: { subscription: { id: 's1' } },
});
const PIPEDRIVE_BODY = JSON.stringify({
  meta: { action: 'updated', object: 'deal', id: 1 },
  current: { id: 1 },
  event: 'updated.deal',
});
const jira = (): HeaderPair[] => [
  ['User-Agent', 'Atlassian Webhook HTTP Client'],
  ...getProvider('atlassian-connect')!.sign!({
    secret: 'shared-secret',
    body: Buffer.from(JIRA_BODY),
    url: 'https://hooks.example.com/in',
    method: 'POST',
    timestamp: Math.floor(Date.now() / 1000),
  }),
];
const basic = (userAgent: string): HeaderPair[] => [
  ['User-Agent', userAgent],
  ['Authorization', `Basic ${Buffer.from('hooks:pass-word').toString('base64')}`],
  ['Content-Type', 'application/json'],
];

// Lemon Squeezy and Segment both write X-Signature: SHA-256 beside X-Event-Name, SHA-1 from Segment's client.
const LEMON_BODY = JSON.stringify({
  meta: { event_name: 'order_created', custom_data: { customer_id: 25 } },
  data: { type: 'orders', id: '1', attributes: { store_id: 1, total: 999 } },
});
const SEGMENT_BODY = JSON.stringify({
  type: 'track',
  event: 'Order Completed',
  userId: '97980cfea0067',
  properties: { revenue: 39.95 },
});

const MORE_DELIVERIES: Delivery[] = [
  {
    name: 'Lemon Squeezy order',
    sender: 'lemonsqueezy',
    secret: 'lemon-secret',
    headers: [
      ['X-Event-Name', 'order_created'],
      ['User-Agent', 'LemonSqueezy-Hookshot'],
      ['X-Signature', hex('sha256', 'lemon-secret', LEMON_BODY)],
    ],
    body: LEMON_BODY,
  },
  {
    name: 'Segment track event',
    sender: 'segment',
    secret: 'segment-secret',
    headers: [
      ['User-Agent', 'Segment.io/1.0'],
      ['X-Signature', hex('sha1', 'segment-secret', SEGMENT_BODY)],
    ],
    body: SEGMENT_BODY,
  },
  {
    name: 'Jira Connect webhook',
    sender: 'atlassian-connect',
    secret: 'shared-secret',
    headers: jira(),
    body: JIRA_BODY,
  },
  {
    name: 'Okta event hook',
    sender: 'okta',
    secret: 'okta-hook-secret',
    headers: [
      ['Authorization', 'okta-hook-secret'],
      ['Content-Type', 'application/json'],
    ],
    body: OKTA_BODY,
  },
  {
    name: 'Postmark delivery webhook',
    sender: 'postmark',
    secret: 'hooks:pass-word',
    headers: basic('Postmark'),
    body: POSTMARK_BODY,
  },
  {
    name: 'Chargebee event',
    sender: 'chargebee',
    secret: 'hooks:pass-word',
    headers: basic('ChargeBee'),
    body: CHARGEBEE_BODY,
  },
  {
    name: 'Pipedrive webhook',
    sender: 'pipedrive',
    secret: 'hooks:pass-word',
    headers: basic('Pipedrive Webhooks'),
    body: PIPEDRIVE_BODY,
  },
];

const request = (d: Pick<Delivery, 'headers' | 'body'>): SignedRequest => ({
  method: 'POST',
  url: 'https://hooks.example.com/in',
  headers: d.headers,
  body: Buffer.from(d.body),
});
const pairKey = (a: string, b: string) => [a, b].sort().join(' + ');

describe('order of evidence between overlapping schemes', () => {
  it.each([...DELIVERIES, ...MORE_DELIVERIES])(
    '$name is detected as $sender first and verifies with its secret',
    (d) => {
      const detected = detectProviders(request(d));
      expect(detected[0]?.id).toBe(d.sender);
      expect(detected[0]!.verify(request(d), { secret: d.secret })).toMatchObject({ valid: true });
    },
  );

  it('a sender header outranks the signature form, which outranks the body shape', () => {
    // Intercom's body shape under GitHub's event header is still GitHub's delivery.
    const githubWithIntercomBody = {
      headers: [['X-GitHub-Event', 'ping'], ...sign('github', 's', INTERCOM_BODY)] as HeaderPair[],
      body: INTERCOM_BODY,
    };
    expect(detectProviders(request(githubWithIntercomBody)).map((p) => p.id)).toEqual(['github']);
    // Only the sha1 header and a body of no known shape: the more specific registry entry (Intercom) first, GitHub next.
    const bare = { headers: [['X-Hub-Signature', `sha1=${hex('sha1', 's', '{}')}`]] as HeaderPair[], body: '{}' };
    expect(detectProviders(request(bare)).map((p) => p.id)).toEqual(['intercom', 'github']);
  });

  it('Authorization alone names no sender; the token form, the event body or the User-Agent does', () => {
    const ids = (headers: HeaderPair[], body: string) => detectProviders(request({ headers, body })).map((p) => p.id);
    // Basic auth from an unknown client (a load balancer, curl) is nobody's webhook.
    expect(ids(basic('curl/8.5.0'), POSTMARK_BODY)).toEqual([]);
    // A bearer token on Okta's event shape is Okta's; a Connect JWT on the same body is Atlassian's.
    expect(ids([['Authorization', 'Bearer abc']], OKTA_BODY)).toEqual(['okta']);
    expect(ids(jira(), OKTA_BODY)[0]).toBe('atlassian-connect');
    // The Basic senders are told apart by User-Agent only, whatever the body looks like.
    expect(ids(basic('ChargeBee'), POSTMARK_BODY)).toEqual(['chargebee']);
    // Both X-Signature senders' evidence on one request: the signature's length decides.
    const both: HeaderPair[] = [
      ['X-Event-Name', 'order_created'],
      ['User-Agent', 'Segment.io/1.0'],
    ];
    expect(ids([...both, ['X-Signature', hex('sha1', 's', SEGMENT_BODY)]], SEGMENT_BODY)).toEqual([
      'segment',
      'lemonsqueezy',
    ]);
    expect(ids([...both, ['X-Signature', hex('sha256', 's', LEMON_BODY)]], LEMON_BODY)).toEqual([
      'lemonsqueezy',
      'segment',
    ]);
  });

  it('every pair of providers that can claim the same request is covered by a delivery from each side', () => {
    const overlapping = new Set<string>();
    // Statically: providers that share a signature header name.
    for (const a of PROVIDERS) {
      for (const b of PROVIDERS) {
        if (
          a.id < b.id &&
          a.signatureHeaders.some((h) => b.signatureHeaders.some((k) => k.toLowerCase() === h.toLowerCase()))
        )
          overlapping.add(pairKey(a.id, b.id));
      }
    }
    // Observed: every signing provider's own output, and the deliveries above.
    // The first secret of a form the provider accepts: whsec_… for Standard Webhooks, base64 for Airtable, user:password for Basic auth.
    const secrets = [
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'hooks:MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    ];
    const signWithAnySecret = (p: (typeof PROVIDERS)[number]): HeaderPair[] => {
      for (const secret of secrets) {
        try {
          return p.sign!({ secret, body: Buffer.from('{"a":1}'), url: 'https://hooks.example.com/in', id: 'msg_1' });
        } catch {
          // A secret of another form; try the next.
        }
      }
      throw new Error(`${p.id} signs with none of the test secrets`);
    };
    const signed = PROVIDERS.filter((p) => p.sign).map((p) => ({
      sender: p.id,
      req: request({ headers: signWithAnySecret(p), body: '{"a":1}' }),
    }));
    for (const { req } of [...signed, ...[...DELIVERIES, ...MORE_DELIVERIES].map((d) => ({ req: request(d) }))]) {
      const ids = detectProviders(req).map((p) => p.id);
      for (const a of ids) for (const b of ids) if (a < b) overlapping.add(pairKey(a, b));
    }
    // A provider's own signature is never claimed first by another.
    for (const { sender, req } of signed) {
      const first = detectProviders(req)[0]?.id;
      if (first !== undefined) expect(first, sender).toBe(sender);
    }

    const covered = new Set<string>();
    const senders = new Set([...DELIVERIES, ...MORE_DELIVERIES].map((d) => d.sender));
    for (const a of senders) for (const b of senders) if (a < b) covered.add(pairKey(a, b));
    expect([...overlapping].sort()).toEqual([
      'atlassian-connect + okta',
      'bitbucket + github',
      'bitbucket + intercom',
      'chargebee + pipedrive',
      'chargebee + postmark',
      'github + intercom',
      'lemonsqueezy + segment',
      'pipedrive + postmark',
    ]);
    for (const pair of overlapping) expect(covered, pair).toContain(pair);
  });
});
