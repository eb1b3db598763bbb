/*
 * Event type and id per provider, on the example deliveries the providers document (headers and
 * bodies as shown in their webhook reference pages, trimmed to the fields that matter), run through
 * the whole classification so detection and extraction are checked together.
 */
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../shared/capture';
import { makeRecord } from '../store/test-support/records';
import { classifyCapture } from './classify';

const noSecrets = (): undefined => undefined;

function classify(headers: HeaderPair[], body: string, contentType = 'application/json') {
  const record = makeRecord(body, { headers: [['Host', 'example.test'], ['Content-Type', contentType], ...headers] });
  return classifyCapture(record, noSecrets);
}

describe('event type and id per provider', () => {
  it('Stripe: the event object type and evt_ id', () => {
    const body = JSON.stringify({
      id: 'evt_1NG8Du2eZvKYlo2CUI79vXWy',
      object: 'event',
      api_version: '2019-02-19',
      created: 1686089970,
      data: { object: { id: 'seti_1NG8Du2eZvKYlo2C9XMqbR0x', object: 'setup_intent' } },
      livemode: false,
      pending_webhooks: 0,
      request: { id: null, idempotency_key: null },
      type: 'setup_intent.created',
    });
    expect(classify([['Stripe-Signature', 't=1686089970,v1=abc']], body)).toEqual({
      provider: 'stripe',
      verdict: 'no-secret',
      eventType: 'setup_intent.created',
      eventId: 'evt_1NG8Du2eZvKYlo2CUI79vXWy',
    });
  });

  it('GitHub: X-GitHub-Event with the action, and the delivery GUID', () => {
    const h = classify(
      [
        ['X-GitHub-Delivery', '72d3162e-cc78-11e3-81ab-4c9367dc0958'],
        ['X-GitHub-Event', 'issues'],
        ['X-GitHub-Hook-ID', '292430182'],
        ['X-Hub-Signature-256', 'sha256=d57c68ca6f92289e6987922ff26938930f6e66a2d161ef06abdf1859230aa23c'],
        ['User-Agent', 'GitHub-Hookshot/044aadd'],
      ],
      JSON.stringify({
        action: 'opened',
        issue: { url: 'https://api.github.com/repos/octocat/Hello-World/issues/1347', number: 1347 },
      }),
    );
    expect(h).toMatchObject({
      provider: 'github',
      eventType: 'issues.opened',
      eventId: '72d3162e-cc78-11e3-81ab-4c9367dc0958',
    });
  });

  it('GitHub push (no action) and an unsigned delivery still say GitHub', () => {
    const h = classify(
      [
        ['X-GitHub-Delivery', 'd0c1b2a3-0000-11ee-8000-000000000001'],
        ['X-GitHub-Event', 'push'],
      ],
      JSON.stringify({ ref: 'refs/heads/main' }),
    );
    expect(h).toEqual({
      provider: 'github',
      verdict: 'unsigned',
      eventType: 'push',
      eventId: 'd0c1b2a3-0000-11ee-8000-000000000001',
    });
  });

  it('Shopify: X-Shopify-Topic and X-Shopify-Webhook-Id', () => {
    const h = classify(
      [
        ['X-Shopify-Topic', 'orders/create'],
        ['X-Shopify-Hmac-Sha256', 'XWmrwMey6OsLMeiZKwP4FppHH3cmAiiJJAweH5Jo4bM='],
        ['X-Shopify-Shop-Domain', 'example.myshopify.com'],
        ['X-Shopify-API-Version', '2024-07'],
        ['X-Shopify-Webhook-Id', 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043'],
        ['X-Shopify-Event-Id', '98880550-7158-44d4-b7cd-2c97c8a091b5'],
      ],
      JSON.stringify({ id: 820982911946154500, email: 'jon@example.com' }),
    );
    expect(h).toMatchObject({
      provider: 'shopify',
      eventType: 'orders/create',
      eventId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    });
  });

  it('Slack Events API: the inner event type and event_id', () => {
    const body = JSON.stringify({
      token: 'XXYYZZ',
      team_id: 'T123ABC456',
      api_app_id: 'A123ABC456',
      event: { type: 'app_mention', user: 'U123ABC456', text: 'hello', ts: '1515449522.000016', channel: 'C123ABC456' },
      type: 'event_callback',
      event_id: 'Ev123ABC456',
      event_time: 1515449522000016,
    });
    const h = classify(
      [
        ['X-Slack-Request-Timestamp', '1531420618'],
        ['X-Slack-Signature', 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503'],
      ],
      body,
    );
    expect(h).toMatchObject({ provider: 'slack', eventType: 'app_mention', eventId: 'Ev123ABC456' });
  });

  it('Slack slash command (form body): the command', () => {
    const h = classify(
      [
        ['X-Slack-Request-Timestamp', '1531420618'],
        ['X-Slack-Signature', 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503'],
      ],
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fweather&text=94070&trigger_id=13345224609.738474920.8088930838d88f008e0',
      'application/x-www-form-urlencoded',
    );
    expect(h).toMatchObject({
      provider: 'slack',
      eventType: '/weather',
      eventId: '13345224609.738474920.8088930838d88f008e0',
    });
  });

  it('Standard Webhooks / Svix: body type and webhook-id', () => {
    const h = classify(
      [
        ['webhook-id', 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W'],
        ['webhook-timestamp', '1674087231'],
        ['webhook-signature', 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4='],
      ],
      JSON.stringify({
        type: 'contact.created',
        timestamp: '2022-11-03T20:26:10.344522Z',
        data: { id: '1f81eb52-5198-4599-803e-771906343485' },
      }),
    );
    expect(h).toMatchObject({
      provider: 'standard-webhooks',
      eventType: 'contact.created',
      eventId: 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
    });
    const svix = classify(
      [
        ['svix-id', 'msg_p5jXN8AQM9LWM0D4loKWxJek'],
        ['svix-timestamp', '1614265330'],
        ['svix-signature', 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='],
      ],
      JSON.stringify({ type: 'invoice.paid', data: {} }),
    );
    expect(svix).toMatchObject({
      provider: 'standard-webhooks',
      eventType: 'invoice.paid',
      eventId: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    });
  });

  it('Twilio (form body): message status and the idempotency token', () => {
    const h = classify(
      [
        ['X-Twilio-Signature', 'RSOYDt4T1cUTdK1PDd93/VVr8B8='],
        ['I-Twilio-Idempotency-Token', '2b1e1f4c-6d39-4d5a-9e5f-0a2ae1b23c1d'],
      ],
      'AccountSid=ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX&MessageSid=SM1342fe1b2c904d1ab04f0fc7a58abca9&MessageStatus=delivered&SmsStatus=delivered&To=%2B15558675310',
      'application/x-www-form-urlencoded',
    );
    expect(h).toMatchObject({
      provider: 'twilio',
      eventType: 'message.delivered',
      eventId: '2b1e1f4c-6d39-4d5a-9e5f-0a2ae1b23c1d',
    });
  });

  it('Square: type and event_id', () => {
    const h = classify(
      [['x-square-hmacsha256-signature', '2kRE5qRU2tR+tBGlDwMEw2avJ7QM4ikPYD/PJ3bd9Og=']],
      JSON.stringify({
        merchant_id: '6SSW7HV8K2ST5',
        type: 'payment.created',
        event_id: '13b867cf-db3d-4b1c-90b6-2f32a9d78124',
        created_at: '2020-02-06T21:27:30.792Z',
        data: { type: 'payment', id: 'KkAkhdMsgzn59SM8A89WgKwekxLZY' },
      }),
    );
    expect(h).toMatchObject({
      provider: 'square',
      eventType: 'payment.created',
      eventId: '13b867cf-db3d-4b1c-90b6-2f32a9d78124',
    });
  });

  it('Paddle Billing: event_type and event_id', () => {
    const h = classify(
      [['Paddle-Signature', 'ts=1671552777;h1=eb4d0dc8853be92b7f063b9f3ba5233eb920a09459b6e6b2c26705b4364db151']],
      JSON.stringify({
        event_id: 'evt_01h8bzakzx3hm2fmen703n5q45',
        event_type: 'transaction.updated',
        occurred_at: '2023-08-21T11:57:47.390028Z',
        notification_id: 'ntf_01h8bzam1z32agrxjwhjgqk8w6',
        data: { id: 'txn_01h8bxpvx398a7zbawb77y0kp5' },
      }),
    );
    expect(h).toMatchObject({
      provider: 'paddle',
      eventType: 'transaction.updated',
      eventId: 'evt_01h8bzakzx3hm2fmen703n5q45',
    });
  });

  it('Linear: type.action and Linear-Delivery', () => {
    const h = classify(
      [
        ['Linear-Delivery', '234d1a4e-b617-4388-90fe-adc3633d6b72'],
        ['Linear-Event', 'Issue'],
        ['Linear-Signature', '766e1d90a96e2f5ecec342a99c5552999dd95d49250171b902d703fd674f5086'],
      ],
      JSON.stringify({
        action: 'create',
        type: 'Issue',
        data: { id: '2174add1-f7c8-44e3-bbf3-2d60b5ea8bc9' },
        webhookTimestamp: 1676056940508,
      }),
    );
    expect(h).toMatchObject({
      provider: 'linear',
      eventType: 'Issue.create',
      eventId: '234d1a4e-b617-4388-90fe-adc3633d6b72',
    });
  });

  it('Zoom: the event name (Zoom documents no delivery id)', () => {
    const h = classify(
      [
        ['x-zm-request-timestamp', '1626230691'],
        ['x-zm-signature', 'v0=a05d830fa017433bc47887f835a00b9ff33d3882f22f63a2986a8a8ed1d0fa31'],
      ],
      JSON.stringify({
        event: 'meeting.started',
        event_ts: 1626230691572,
        payload: { account_id: 'AAAAAABBBB', object: { id: '1234567890' } },
      }),
    );
    expect(h).toEqual({ provider: 'zoom', verdict: 'no-secret', eventType: 'meeting.started' });
  });

  it('Twitch EventSub: subscription type and message id; the challenge says so', () => {
    const headers: HeaderPair[] = [
      ['Twitch-Eventsub-Message-Id', 'e76c6bd4-55c9-4987-8304-da1588d8988b'],
      ['Twitch-Eventsub-Message-Retry', '0'],
      ['Twitch-Eventsub-Message-Type', 'notification'],
      ['Twitch-Eventsub-Message-Signature', 'sha256=e9d5f9f3e2a4f7d0c1b2a3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4'],
      ['Twitch-Eventsub-Message-Timestamp', '2019-11-16T10:11:12.634234626Z'],
      ['Twitch-Eventsub-Subscription-Type', 'channel.follow'],
      ['Twitch-Eventsub-Subscription-Version', '2'],
    ];
    expect(classify(headers, '{"subscription":{},"event":{}}')).toMatchObject({
      provider: 'twitch',
      eventType: 'channel.follow',
      eventId: 'e76c6bd4-55c9-4987-8304-da1588d8988b',
    });
    const challenge = headers.map(([n, v]): HeaderPair => [
      n,
      n === 'Twitch-Eventsub-Message-Type' ? 'webhook_callback_verification' : v,
    ]);
    expect(classify(challenge, '{"challenge":"pogchamp-kappa-360noscope-vohiyo"}').eventType).toBe(
      'channel.follow.webhook_callback_verification',
    );
  });

  it('HubSpot: subscriptionType and eventId of a single event; a batch says how many', () => {
    const event = {
      objectId: 1246965,
      propertyName: 'lifecyclestage',
      propertyValue: 'subscriber',
      changeSource: 'ACADEMY',
      eventId: 3816279340,
      subscriptionId: 25,
      portalId: 33,
      appId: 1160452,
      occurredAt: 1462216307945,
      subscriptionType: 'contact.propertyChange',
      attemptNumber: 0,
    };
    const headers: HeaderPair[] = [
      ['X-HubSpot-Signature-v3', 'pR7mvd0yv1Dd8aQ0fB9h+1+a9mJbbf2n3w8Y7nS1nS4='],
      ['X-HubSpot-Request-Timestamp', '1462216307945'],
    ];
    expect(classify(headers, JSON.stringify([event]))).toMatchObject({
      provider: 'hubspot',
      eventType: 'contact.propertyChange',
      eventId: '3816279340',
    });
    const batch = classify(headers, JSON.stringify([event, { ...event, eventId: 3816279341 }]));
    expect(batch.eventType).toBe('contact.propertyChange (+1 more)');
    expect(batch.eventId).toBeUndefined();
  });

  it('a request no provider claims is unsigned with no event', () => {
    expect(classify([['X-Custom', '1']], '{"type":"looks.like.an.event","id":"x"}')).toEqual({ verdict: 'unsigned' });
  });

  it('a damaged or non-JSON body gives no event type, and never throws', () => {
    expect(classify([['Stripe-Signature', 't=1,v1=00']], '{"type": "payment_intent')).toEqual({
      provider: 'stripe',
      verdict: 'no-secret',
    });
    expect(classify([['Stripe-Signature', 't=1,v1=00']], '[1,2,3]')).toEqual({
      provider: 'stripe',
      verdict: 'no-secret',
    });
    const binary = makeRecord(Buffer.from([0xff, 0xfe, 0x00, 0x7b]), { headers: [['Stripe-Signature', 't=1,v1=00']] });
    expect(classifyCapture(binary, noSecrets)).toEqual({ provider: 'stripe', verdict: 'no-secret' });
  });
});
