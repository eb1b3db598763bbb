import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { describe, expect, it } from 'vitest';
import type { SignedRequest } from '../types';
import { standardWebhooks } from './standard-webhooks';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const body = '{"type":"user.created","data":{"id":"user_29w83sxmDNGwOuEthce5gg56FcC","email":"a@example.com"}}';
const msgId = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const now = 1_760_000_000;

function request(headers: [string, string][], payload = body): SignedRequest {
  return { method: 'POST', headers, body: Buffer.from(payload) };
}

function sdkHeaders(prefix: 'webhook' | 'svix', ts = now, key = secret, payload = body): [string, string][] {
  const sig =
    prefix === 'webhook'
      ? new StandardWebhook(key).sign(msgId, new Date(ts * 1000), payload)
      : new SvixWebhook(key).sign(msgId, new Date(ts * 1000), payload);
  return [
    [`${prefix}-id`, msgId],
    [`${prefix}-timestamp`, String(ts)],
    [`${prefix}-signature`, sig],
  ];
}

describe('standard-webhooks provider', () => {
  it('accepts webhook-* headers made by the standardwebhooks library', () => {
    const r = standardWebhooks.verify(request(sdkHeaders('webhook')), { secret, now: now + 5 });
    expect(r).toMatchObject({ provider: 'standard-webhooks', valid: true, skewSec: -5 });
  });

  it('accepts svix-* headers made by the svix library (Clerk, Resend…)', () => {
    const headers = sdkHeaders('svix');
    expect(standardWebhooks.detect(request(headers))).toBe(true);
    expect(standardWebhooks.verify(request(headers), { secret, now })).toMatchObject({ valid: true });
  });

  it('signs headers both libraries verify', () => {
    const ts = Math.floor(Date.now() / 1000);
    const headers = standardWebhooks.sign!({ secret, body: Buffer.from(body), timestamp: ts, id: msgId });
    const asObject = Object.fromEntries(headers);
    expect(new StandardWebhook(secret).verify(body, asObject)).toMatchObject({ type: 'user.created' });
    const svixHeaders = Object.fromEntries(headers.map(([n, v]) => [n.replace('webhook-', 'svix-'), v]));
    expect(new SvixWebhook(secret).verify(body, svixHeaders)).toMatchObject({ type: 'user.created' });
    expect(() => new StandardWebhook('whsec_b3RoZXJzZWNyZXQ=').verify(body, asObject)).toThrow();
  });

  it('rejects a tampered body and the wrong secret', () => {
    const headers = sdkHeaders('webhook');
    expect(standardWebhooks.verify(request(headers, body.replace('a@', 'b@')), { secret, now })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
    expect(standardWebhooks.verify(request(headers), { secret: 'whsec_b3RoZXJzZWNyZXQ=', now })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
  });

  it('reports a stale timestamp, as the library does', () => {
    const headers = sdkHeaders('webhook', now - 600);
    const r = standardWebhooks.verify(request(headers), { secret, now });
    expect(r).toMatchObject({ valid: false, failure: 'timestamp_out_of_tolerance', skewSec: -600 });
    expect(() =>
      new StandardWebhook(secret).verify(
        body,
        Object.fromEntries(sdkHeaders('webhook', Math.floor(Date.now() / 1000) - 600)),
      ),
    ).toThrow(/too old/i);
  });

  it('explains a secret in the wrong form', () => {
    const headers = sdkHeaders('webhook');
    const notBase64 = standardWebhooks.verify(request(headers), { secret: 'whsec_not base64!', now });
    expect(notBase64).toMatchObject({ failure: 'secret_format' });
    expect(notBase64.reason).toContain('base64');
    // The same key pasted without its prefix still decodes: the library accepts both forms.
    expect(standardWebhooks.verify(request(headers), { secret: secret.slice('whsec_'.length), now })).toMatchObject({
      valid: true,
    });
  });

  it('names a sender that used the secret text as the key', () => {
    const raw = Buffer.from(secret, 'utf8').toString('base64');
    const headers = sdkHeaders('webhook', now, `whsec_${raw}`);
    const r = standardWebhooks.verify(request(headers), { secret, now });
    expect(r).toMatchObject({ failure: 'secret_format' });
    expect(r.reason).toContain('did not base64-decode');
  });

  it('detects sorted keys as re-serialisation', () => {
    const headers = sdkHeaders('webhook');
    const sorted = '{"data":{"email":"a@example.com","id":"user_29w83sxmDNGwOuEthce5gg56FcC"},"type":"user.created"}';
    const signedSorted = sdkHeaders('webhook', now, secret, sorted);
    const r = standardWebhooks.verify(request(signedSorted, body), { secret, now });
    expect(r).toMatchObject({ failure: 'body_reserialized' });
    expect(r.reason).toContain('sorted keys');
    expect(standardWebhooks.verify(request(headers), { secret, now }).valid).toBe(true);
  });

  it('reports missing headers and v1a-only signatures', () => {
    const headers = sdkHeaders('webhook');
    expect(standardWebhooks.verify(request([]), { secret, now })).toMatchObject({ failure: 'missing_header' });
    expect(
      standardWebhooks.verify(request(headers.filter(([n]) => n !== 'webhook-id')), { secret, now }),
    ).toMatchObject({ failure: 'missing_header' });
    expect(
      standardWebhooks.verify(request(headers.filter(([n]) => n !== 'webhook-timestamp')), { secret, now }),
    ).toMatchObject({
      failure: 'missing_header',
    });
    const asym: [string, string][] = [...headers.slice(0, 2), ['webhook-signature', 'v1a,AAAA']];
    expect(standardWebhooks.verify(request(asym), { secret, now })).toMatchObject({ failure: 'unsupported' });
  });
});
