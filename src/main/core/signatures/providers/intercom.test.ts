import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import type { SignedRequest } from '../types';
import { intercom } from './intercom';

// Intercom's Node client has no signature helper. The reference value is built here, independently
// of the provider, from the documented rule: "sha1=" + hex(HMAC-SHA1(client secret, raw body)).
// https://developers.intercom.com/docs/webhooks/webhook-notifications#signed-notifications
const SECRET = 'c1a2b3c4-d5e6-47f8-9a0b-1c2d3e4f5a6b';
// A notification as Intercom posts it: compact JSON, the bytes the signature covers.
const BODY = Buffer.from(
  '{"type":"notification_event","app_id":"abc123","topic":"conversation.user.created","id":"notif_1","data":{"item":{"type":"conversation","id":"147"}}}',
);

function documented(secret: string, body: Buffer): string {
  return `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;
}

function request(headers: HeaderPair[], body = BODY): SignedRequest {
  return { method: 'POST', url: '/intercom', headers, body };
}

describe('intercom provider', () => {
  it('accepts the documented construction and signs the same value', () => {
    const sig = documented(SECRET, BODY);
    expect(intercom.verify(request([['X-Hub-Signature', sig]]), { secret: SECRET })).toMatchObject({ valid: true });
    expect(intercom.sign!({ secret: SECRET, body: BODY })).toEqual([['X-Hub-Signature', sig]]);
    expect(intercom.detect(request([['X-Hub-Signature', sig]]))).toBe(true);
    // GitHub's legacy sha1 header travels with X-GitHub-Event and belongs to the GitHub provider.
    expect(
      intercom.detect(
        request([
          ['X-Hub-Signature', sig],
          ['X-GitHub-Event', 'push'],
        ]),
      ),
    ).toBe(false);
  });

  it('accepts an upper-case hex digest', () => {
    const sig = documented(SECRET, BODY)
      .replace(/[a-f]/g, (c) => c.toUpperCase())
      .replace('SHA1=', 'sha1=');
    expect(intercom.verify(request([['X-Hub-Signature', sig]]), { secret: SECRET }).valid).toBe(true);
  });

  it('rejects a tampered body', () => {
    const tampered = Buffer.from(BODY.toString().replace('"147"', '"148"'));
    const result = intercom.verify(request([['X-Hub-Signature', documented(SECRET, BODY)]], tampered), {
      secret: SECRET,
    });
    expect(result).toMatchObject({ failure: 'signature_mismatch' });
    expect(result.expected).toBe(documented(SECRET, tampered));
  });

  it('rejects the wrong secret and points at the client secret', () => {
    const result = intercom.verify(request([['X-Hub-Signature', documented(SECRET, BODY)]]), {
      secret: 'dG9rOmFjY2Vzcy10b2tlbg==',
    });
    expect(result).toMatchObject({ failure: 'signature_mismatch' });
    expect(result.hints?.join(' ')).toContain('client secret');
  });

  it('reports a missing header', () => {
    expect(intercom.verify(request([]), { secret: SECRET })).toMatchObject({ failure: 'missing_header' });
  });

  it('reports a sha256 header as not Intercom', () => {
    const result = intercom.verify(request([['X-Hub-Signature', `sha256=${'a'.repeat(64)}`]]), { secret: SECRET });
    expect(result).toMatchObject({ failure: 'malformed_header' });
    expect(result.reason).toContain('Intercom signs with sha1=');
  });
});
