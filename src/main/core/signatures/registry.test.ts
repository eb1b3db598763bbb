import { describe, expect, it } from 'vitest';
import { detectProviders, getProvider, PROVIDERS } from './registry';
import type { SignedRequest } from './types';

const bare: SignedRequest = {
  method: 'POST',
  url: 'https://example.com/hook',
  headers: [['Content-Type', 'application/json']],
  body: Buffer.from('{"a":1}'),
};

describe('provider registry', () => {
  it('has unique kebab-case ids, and getProvider finds each', () => {
    const ids = PROVIDERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PROVIDERS) {
      expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.signatureHeaders.length, p.id).toBeGreaterThan(0);
      expect(getProvider(p.id)).toBe(p);
    }
    expect(getProvider('nope')).toBeUndefined();
  });

  // The CLI maps missing_header to "no signature header" (exit 2), so every provider must say so.
  it('every provider ignores and rejects a request without its headers as missing_header', () => {
    expect(detectProviders(bare)).toEqual([]);
    for (const p of PROVIDERS) {
      const r = p.verify(bare, { secret: 'secret', now: 1_700_000_000 });
      expect(r, p.id).toMatchObject({ provider: p.id, valid: false, failure: 'missing_header' });
      expect(r.reason.length, p.id).toBeGreaterThan(0);
    }
  });

  it('detects by header name case-insensitively', () => {
    const req: SignedRequest = { ...bare, headers: [['stripe-signature', 't=1,v1=00']] };
    expect(detectProviders(req).map((p) => p.id)).toEqual(['stripe']);
  });
});

describe('provider aliases', () => {
  it('maps services built on Standard Webhooks to it', () => {
    for (const alias of ['svix', 'Clerk', 'resend', 'replicate'])
      expect(getProvider(alias)?.id).toBe('standard-webhooks');
    expect(getProvider('constructor')).toBeUndefined();
  });
});
