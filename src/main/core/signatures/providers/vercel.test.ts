import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SignedRequest } from '../types';
import { vercel } from './vercel';

// Vercel publishes no verifier package. Reference per https://vercel.com/docs/webhooks
// ("Securing webhooks"): hex HMAC-SHA1 of the raw body with the webhook (or integration client)
// secret, in x-vercel-signature.
const reference = (body: string, secret: string): string => createHmac('sha1', secret).update(body).digest('hex');

const SECRET = 'wh_sec_Xv8c2q5Zp0mL3nR7tY1u';
const BODY = JSON.stringify({
  id: 'uev_KzZ8pNp7Yr2mcTQ0fdnL6gHb',
  type: 'deployment.succeeded',
  createdAt: 1700000000000,
  payload: {
    deployment: { id: 'dpl_2euZBFqxYdDMDG1jTrHFnNZ2eUVa', url: 'hooklens-abc.vercel.app' },
    target: 'production',
  },
});
const request = (body: string, headers: [string, string][]): SignedRequest => ({
  method: 'POST',
  headers,
  body: Buffer.from(body),
});

describe('vercel', () => {
  it('accepts the documented HMAC-SHA1', () => {
    const sig = reference(BODY, SECRET);
    expect(sig).toHaveLength(40);
    const r = vercel.verify(request(BODY, [['x-vercel-signature', sig]]), { secret: SECRET });
    expect(r).toMatchObject({ provider: 'vercel', valid: true, expected: sig, received: sig });
    expect(r.reason).toMatch(/HMAC-SHA1/);
  });

  it('signs exactly as the documented recipe', () => {
    expect(vercel.sign!({ secret: SECRET, body: Buffer.from(BODY) })).toEqual([
      ['x-vercel-signature', reference(BODY, SECRET)],
    ]);
  });

  it('reports a tampered body', () => {
    const sig = reference(BODY, SECRET);
    const r = vercel.verify(request(BODY.replace('production', 'preview'), [['x-vercel-signature', sig]]), {
      secret: SECRET,
    });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch', received: sig });
  });

  it('reports a wrong secret', () => {
    const r = vercel.verify(request(BODY, [['x-vercel-signature', reference(BODY, SECRET)]]), {
      secret: 'oac_client_id',
    });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.hints?.join(' ')).toMatch(/Client Secret/);
  });

  it('reports the missing header', () => {
    const r = vercel.verify(request(BODY, []), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'missing_header' });
  });

  it('calls a SHA-256 length value malformed rather than a wrong secret', () => {
    const sha256 = createHmac('sha256', SECRET).update(BODY).digest('hex');
    const r = vercel.verify(request(BODY, [['x-vercel-signature', sha256]]), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'malformed_header' });
    expect(r.reason).toBe('x-vercel-signature has 64 hex characters (a SHA-256 length); HMAC-SHA1 gives 40');
  });
});
