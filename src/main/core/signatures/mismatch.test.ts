import { describe, expect, it } from 'vitest';
import { hmac, safeEqual } from './crypto-helpers';
import { bodyVariants, explainMismatch, genericSecretVariants, withHints, withoutDiagnosis } from './mismatch';
import type { VerifyResult } from './types';

const sign = (secret: string, body: Buffer) => hmac('sha256', secret, body, 'hex');

function explain(signedBody: string, capturedBody: string, signedWith: string, given: string) {
  const received = sign(signedWith, Buffer.from(signedBody));
  const body = Buffer.from(capturedBody);
  return explainMismatch({
    provider: 'test',
    body,
    secret: given,
    expected: sign(given, body),
    received,
    matches: (c) => safeEqual(received, sign(c.secret, c.body)),
  });
}

describe('explainMismatch', () => {
  const compact = '{"b":1,"a":{"text":"café / ok","list":[1,2]}}';

  it('skips the re-reading of secret and body inside withoutDiagnosis, and only there', () => {
    const pretty = JSON.stringify(JSON.parse(compact), null, 2);
    let tries = 0;
    const run = (): VerifyResult => {
      const received = sign('s', Buffer.from(compact));
      const body = Buffer.from(pretty);
      return explainMismatch({
        provider: 'test',
        body,
        secret: 's',
        expected: sign('s', body),
        received,
        matches: (c) => {
          tries += 1;
          return safeEqual(received, sign(c.secret, c.body));
        },
      });
    };
    const quick = withoutDiagnosis(run);
    expect(quick.failure).toBe('signature_mismatch');
    expect(tries).toBe(0);
    expect(run().failure).toBe('body_reserialized');
    expect(tries).toBeGreaterThan(0);
  });

  it('recognises each common re-encoding of a JSON body', () => {
    const cases: [string, RegExp][] = [
      [JSON.stringify(JSON.parse(compact), null, 2), /compact JSON/],
      [`${compact}\n`, /without its trailing newline/],
      ['{"b": 1, "a": {"text": "caf\\u00e9 / ok", "list": [1, 2]}}', /compact JSON/],
    ];
    for (const [captured, reason] of cases) {
      const r = explain(compact, captured, 'k', 'k');
      expect(r.failure).toBe('body_reserialized');
      expect(r.reason).toMatch(reason);
    }
    // The sender signed Python-style bytes, the capture holds compact ones.
    const python = explain('{"b": 1, "a": {"text": "caf\\u00e9 / ok", "list": [1, 2]}}', compact, 'k', 'k');
    expect(python.reason).toContain('Python');
    const php = explain('{"b":1,"a":{"text":"caf\\u00e9 \\/ ok","list":[1,2]}}', compact, 'k', 'k');
    expect(php.reason).toContain('PHP');
    const sorted = explain('{"a":{"list":[1,2],"text":"café / ok"},"b":1}', compact, 'k', 'k');
    expect(sorted.reason).toContain('sorted keys');
  });

  it('names secrets with whitespace, quotes or a missing/extra whsec_ prefix', () => {
    expect(explain(compact, compact, 'k1', ' k1 ').reason).toContain('whitespace');
    expect(explain(compact, compact, 'k1', '"k1"').reason).toContain('quotes');
    expect(explain(compact, compact, 'whsec_k1', 'k1').reason).toContain('with a whsec_ prefix');
    expect(explain(compact, compact, 'k1', 'whsec_k1').reason).toContain('without the whsec_ prefix');
    expect(explain(compact, compact, 'k1', ' k1').failure).toBe('secret_format');
  });

  it("stays a plain mismatch when nothing explains it, with no hint drawn from the body's shape", () => {
    const pretty = JSON.stringify({ changed: true }, null, 2);
    const r = explain(compact, pretty, 'k', 'other');
    expect(r.failure).toBe('signature_mismatch');
    expect(r.reason).toMatch(/expected .+ received/);
    expect(r.hints).toBeUndefined();
    const empty = explain(compact, '', 'k', 'k');
    expect(empty.hints?.join(' ')).toContain('empty');
  });

  it('flags a signature of another length (algorithm or encoding)', () => {
    const r = explainMismatch({
      provider: 'test',
      body: Buffer.from('x'),
      secret: 'k',
      expected: 'a'.repeat(64),
      received: 'b'.repeat(40),
      matches: () => false,
    });
    expect(r.hints?.join(' ')).toContain('40 characters, ours 64');
  });

  it('never offers the captured bytes themselves as a variant', () => {
    const body = Buffer.from(compact);
    for (const v of bodyVariants(body)) expect(v.body.equals(body)).toBe(false);
    expect(bodyVariants(Buffer.from('not json')).map((v) => v.label)).toEqual(['with a trailing newline']);
    expect(genericSecretVariants('abc').map((v) => v.secret)).toEqual(['whsec_abc']);
  });
});

describe('explainMismatch without an expected signature (public keys)', () => {
  // Stands in for a public-key verifier: only the sender's exact bytes and secret "verify".
  const verifier = (secret: string, body: string) => (c: { body: Buffer; secret: string }) =>
    c.secret === secret && c.body.toString() === body;

  it('speaks of verifying and shows no expected value', () => {
    const r = explainMismatch({
      provider: 'k',
      body: Buffer.from('{"a":1}'),
      secret: 'pub',
      received: 'sig',
      what: 'Ed25519 signature',
      keySource: 'the app key',
      matches: verifier('other', 'x'),
    });
    expect(r).toMatchObject({ failure: 'signature_mismatch', received: 'sig' });
    expect(r).not.toHaveProperty('expected');
    expect(r.hints).toBeUndefined();
    expect(r.reason).toBe(
      'Ed25519 signature sig does not verify with this public key: the key is not the app key, or the body or timestamp changed after signing',
    );
  });

  it('tries provider body readings before the generic ones, and secret readings', () => {
    const body = Buffer.from('{"a":1}');
    const own = { label: 'with a marker', body: Buffer.from('{"a":1}!') };
    const byBody = explainMismatch({
      provider: 'k',
      body,
      secret: 'pub',
      received: 's',
      what: 'sig',
      bodyVariants: [own],
      matches: verifier('pub', '{"a":1}!'),
    });
    expect(byBody.failure).toBe('body_reserialized');
    expect(byBody.reason).toContain('the sig verifies over the body with a marker');
    const bySecret = explainMismatch({
      provider: 'k',
      body,
      secret: ' pub',
      received: 's',
      what: 'sig',
      matches: verifier('pub', '{"a":1}'),
    });
    expect(bySecret.failure).toBe('secret_format');
    expect(bySecret.reason).toContain('sig does not verify with the key as given, but it matches once the whitespace');
  });
});

describe('withHints', () => {
  it('appends hints and leaves the verdict alone when there are none', () => {
    const r: VerifyResult = { provider: 'p', valid: false, reason: 'x', hints: ['a'] };
    expect(withHints(r, [])).toBe(r);
    expect(withHints(r, ['b']).hints).toEqual(['a', 'b']);
    expect(withHints({ provider: 'p', valid: false, reason: 'x' }, ['b']).hints).toEqual(['b']);
  });
});
