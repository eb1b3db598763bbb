import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { HooklensError } from '../../../../shared/errors';
import type { SignedRequest } from '../types';
import { trello } from './trello';

// Trello publishes no SDK. The reference value is built here, independently of the provider, from
// the documented rule: base64(HMAC-SHA1(OAuth1 secret, raw body + callbackURL)).
// https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/#webhook-signatures
const SECRET = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0';
const CALLBACK = 'https://hooks.example.com/trello?board=5abbe4b7ddc1b351ef961414';
const BODY = Buffer.from(
  JSON.stringify({
    action: { type: 'updateCard', data: { card: { id: '5a', name: 'Ship it ✓' } } },
    model: { id: '5abbe4b7ddc1b351ef961414', name: 'Roadmap' },
  }),
);

function documented(secret: string, body: Buffer, url: string): string {
  return createHmac('sha1', secret)
    .update(Buffer.concat([body, Buffer.from(url)]))
    .digest('base64');
}

function request(headers: HeaderPair[], body = BODY, url: string | undefined = CALLBACK): SignedRequest {
  return { method: 'POST', url, headers, body };
}

describe('trello provider', () => {
  it('accepts the documented construction and signs the same value', () => {
    const sig = documented(SECRET, BODY, CALLBACK);
    const result = trello.verify(request([['X-Trello-Webhook', sig]]), { secret: SECRET });
    expect(result).toMatchObject({ valid: true, received: sig });
    expect(result.reason).toContain(CALLBACK);
    expect(trello.sign!({ secret: SECRET, body: BODY, url: CALLBACK })).toEqual([['X-Trello-Webhook', sig]]);
    expect(() => trello.sign!({ secret: SECRET, body: BODY })).toThrow(HooklensError);
    expect(trello.detect(request([['X-Trello-Webhook', sig]]))).toBe(true);
  });

  it('uses the URL option over the captured path, and rebuilds from Host when needed', () => {
    const sig = documented(SECRET, BODY, CALLBACK);
    const path = '/trello?board=5abbe4b7ddc1b351ef961414';
    expect(
      trello.verify(request([['X-Trello-Webhook', sig]], BODY, path), { secret: SECRET, url: CALLBACK }).valid,
    ).toBe(true);
    const rebuilt = trello.verify(
      request(
        [
          ['Host', 'hooks.example.com'],
          ['X-Trello-Webhook', sig],
        ],
        BODY,
        path,
      ),
      { secret: SECRET },
    );
    expect(rebuilt.valid).toBe(true);
    expect(rebuilt.hints?.[0]).toContain('rebuilt from the Host header');
    const unknown = trello.verify(request([['X-Trello-Webhook', sig]], BODY, path), { secret: SECRET });
    expect(unknown).toMatchObject({ failure: 'url_mismatch' });
    expect(unknown.reason).toContain('callbackURL');
  });

  it('names the registered URL when only the query string differs', () => {
    const sig = documented(SECRET, BODY, CALLBACK);
    const result = trello.verify(
      request([['X-Trello-Webhook', sig]], BODY, `${CALLBACK.split('?')[0]}/?board=5abbe4b7ddc1b351ef961414`),
      { secret: SECRET },
    );
    expect(result).toMatchObject({ failure: 'url_mismatch' });
    expect(result.reason).toContain(`matches the URL ${CALLBACK}`);
  });

  it('rejects a tampered body', () => {
    const tampered = Buffer.from(BODY.toString().replace('Roadmap', 'Backlog'));
    const result = trello.verify(request([['X-Trello-Webhook', documented(SECRET, BODY, CALLBACK)]], tampered), {
      secret: SECRET,
    });
    expect(result).toMatchObject({ failure: 'signature_mismatch' });
    expect(result.reason).toContain('X-Trello-Webhook does not match');
  });

  it('rejects the wrong secret and recognises an API key pasted instead', () => {
    const sig = documented(SECRET, BODY, CALLBACK);
    const result = trello.verify(request([['X-Trello-Webhook', sig]]), { secret: '0123456789abcdef0123456789abcdef' });
    expect(result).toMatchObject({ failure: 'signature_mismatch' });
    expect(result.hints?.join(' ')).toContain('shape of a Trello API key');
  });

  it('reports a missing header, naming the unsigned HEAD check', () => {
    const head = trello.verify(
      { method: 'HEAD', url: CALLBACK, headers: [], body: Buffer.alloc(0) },
      { secret: SECRET },
    );
    expect(head).toMatchObject({ failure: 'missing_header' });
    expect(head.reason).toContain('HEAD check');
  });

  it('reports a malformed header', () => {
    const hex = trello.verify(request([['X-Trello-Webhook', createHmac('sha1', SECRET).update(BODY).digest('hex')]]), {
      secret: SECRET,
    });
    expect(hex).toMatchObject({ failure: 'malformed_header' });
    expect(hex.reason).toContain('28 characters of base64');
  });
});
