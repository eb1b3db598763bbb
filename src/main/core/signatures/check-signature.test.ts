import { describe, expect, it } from 'vitest';
import { checkSignature } from './check-signature';
import { hmac } from './crypto-helpers';

const sign = (secret: string, body: Buffer) => hmac('sha256', secret, body, 'hex');
const BODY = Buffer.from('{"event":"ping","n":1}');

describe('checkSignature', () => {
  it('matches any one candidate and reports which', () => {
    const good = sign('k', BODY);
    const check = checkSignature(
      'p',
      { body: BODY },
      { secret: 'k' },
      {
        received: `old ${good.toUpperCase()}`,
        candidates: ['0'.repeat(64), good],
        compute: sign,
      },
    );
    expect(check).toMatchObject({ expected: good, matched: good });
  });

  it('explains a mismatch with the same computation and candidates it compared', () => {
    const received = sign('k', BODY).toUpperCase();
    const check = checkSignature(
      'p',
      { body: BODY },
      { secret: ' k ' },
      {
        received,
        candidates: [received.toLowerCase()],
        what: 'X-Sig',
        compute: sign,
        extra: { skewSec: -3 },
      },
    );
    expect(check.matched).toBeUndefined();
    const r = check.explain();
    // Upper-case hex only matches because the lower-cased candidate is what explain compares against.
    expect(r).toMatchObject({
      provider: 'p',
      valid: false,
      failure: 'secret_format',
      received,
      expected: sign(' k ', BODY),
      skewSec: -3,
    });
    expect(r.reason).toContain('X-Sig does not match as given, but it matches once the whitespace');
  });

  it('falls back to signature_mismatch with the shown value when nothing explains it', () => {
    const check = checkSignature('p', { body: BODY }, { secret: 'k' }, { received: 'f'.repeat(64), compute: sign });
    const r = check.explain();
    expect(r).toMatchObject({ failure: 'signature_mismatch', received: 'f'.repeat(64) });
    expect(r.reason).toMatch(/^signature does not match: expected /);
  });
});
