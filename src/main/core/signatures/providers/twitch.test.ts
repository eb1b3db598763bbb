import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import type { SignedRequest } from '../types';
import { twitch } from './twitch';
import { channelFollowSubscription } from './twitch.profile';

// Twitch publishes no SDK for EventSub. The reference vector is built here, independently of the
// provider, from the documented rule: HMAC-SHA256(secret, message id + timestamp + raw body), hex,
// prefixed "sha256=".
// https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message
const SECRET = 'evs-secret-0123456789';
const ID = 'befa7b53-d79d-478f-86b9-120f112b044e';
const TS = '2026-11-25T06:00:00.634234626Z';
const TS_SEC = Date.parse('2026-11-25T06:00:00Z') / 1000;
const BODY = Buffer.from(
  JSON.stringify({
    subscription: channelFollowSubscription(),
    event: {
      user_id: '1337',
      user_login: 'awesome_user',
      broadcaster_user_id: '12826',
      followed_at: '2026-11-25T05:59:59.998Z',
    },
  }),
);

function documented(secret: string, id: string, ts: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', secret)
    .update(id + ts)
    .update(body)
    .digest('hex')}`;
}

function headers(sig = documented(SECRET, ID, TS, BODY), id = ID, ts = TS): HeaderPair[] {
  return [
    ['Twitch-Eventsub-Message-Id', id],
    ['Twitch-Eventsub-Message-Retry', '0'],
    ['Twitch-Eventsub-Message-Type', 'notification'],
    ['Twitch-Eventsub-Message-Signature', sig],
    ['Twitch-Eventsub-Message-Timestamp', ts],
  ];
}

function request(h: HeaderPair[], body = BODY): SignedRequest {
  return { method: 'POST', url: '/eventsub', headers: h, body };
}

describe('twitch provider', () => {
  it('accepts the documented construction, with nanosecond timestamps', () => {
    const result = twitch.verify(request(headers()), { secret: SECRET, now: TS_SEC + 30 });
    expect(result).toMatchObject({ valid: true, skewSec: -30 });
    expect(result.reason).toBe('EventSub signature matches (timestamp 30 s old)');
    expect(twitch.detect(request(headers()))).toBe(true);
  });

  it('signs with the documented construction and verifies its own signature', () => {
    const signed = twitch.sign!({ secret: SECRET, body: BODY, id: ID, timestamp: TS_SEC });
    const get = (n: string): string => signed.find(([k]) => k === n)![1];
    expect(get('Twitch-Eventsub-Message-Signature')).toBe(
      documented(SECRET, ID, get('Twitch-Eventsub-Message-Timestamp'), BODY),
    );
    expect(twitch.verify(request(signed), { secret: SECRET, now: TS_SEC }).valid).toBe(true);
  });

  it('hints at the challenge answer on a verification message', () => {
    const h = headers().map(([k, v]): HeaderPair =>
      k === 'Twitch-Eventsub-Message-Type' ? [k, 'webhook_callback_verification'] : [k, v],
    );
    expect(twitch.verify(request(h), { secret: SECRET, now: TS_SEC }).hints?.[0]).toContain('challenge');
  });

  it('rejects a tampered body and a swapped message id', () => {
    const tampered = Buffer.from(BODY.toString().replace('awesome_user', 'other_user'));
    const result = twitch.verify(request(headers(), tampered), { secret: SECRET, now: TS_SEC });
    expect(result).toMatchObject({ failure: 'signature_mismatch' });
    expect(result.reason).toContain('EventSub signature does not match');
    const otherId = twitch.verify(request(headers(undefined, 'another-id')), { secret: SECRET, now: TS_SEC });
    expect(otherId).toMatchObject({ failure: 'signature_mismatch' });
  });

  it('rejects the wrong secret, and flags one outside 10–100 characters', () => {
    expect(twitch.verify(request(headers()), { secret: 'another-secret-value', now: TS_SEC })).toMatchObject({
      failure: 'signature_mismatch',
    });
    const short = twitch.verify(request(headers()), { secret: 'abc', now: TS_SEC });
    expect(short).toMatchObject({ failure: 'secret_format' });
    expect(short.reason).toContain('Twitch requires 10–100');
  });

  it('rejects a message older than 10 minutes with the skew', () => {
    const result = twitch.verify(request(headers()), { secret: SECRET, now: TS_SEC + 3600 });
    expect(result).toMatchObject({ failure: 'timestamp_out_of_tolerance', skewSec: -3600 });
    expect(result.reason).toContain('3600 s old, outside the 600 s tolerance');
  });

  it('reports missing headers', () => {
    expect(twitch.verify(request([]), { secret: SECRET })).toMatchObject({ failure: 'missing_header' });
    const noId = twitch.verify(request(headers().filter(([k]) => k !== 'Twitch-Eventsub-Message-Id')), {
      secret: SECRET,
    });
    expect(noId.reason).toContain('Twitch-Eventsub-Message-Id missing');
  });

  it('reports malformed headers', () => {
    const bare = twitch.verify(request(headers('a'.repeat(64))), { secret: SECRET });
    expect(bare).toMatchObject({ failure: 'malformed_header' });
    expect(bare.reason).toContain('"sha256=" followed by 64 hex');
    const unix = twitch.verify(request(headers(undefined, ID, String(TS_SEC))), { secret: SECRET });
    expect(unix.reason).toContain('is not an RFC 3339 time');
  });
});
