import { createHash, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { schemeCases } from '../test-support/scheme-cases';
import { plaid } from './plaid';

// Plaid's webhook verification guide: an ES256 JWT (made here with jose) holding iat and request_body_sha256; the key is a JWK.
const pair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const PLAID = pair();
const OTHER = pair();
const jwk = (k: ReturnType<typeof pair>) =>
  JSON.stringify({
    ...k.publicKey.export({ format: 'jwk' }),
    alg: 'ES256',
    kid: 'bfbd5111-8e33-4643-8ced-b2e642a72f3c',
    use: 'sig',
    created_at: 1560466150,
    expired_at: null,
  });
const BODY = JSON.stringify({
  webhook_type: 'TRANSACTIONS',
  webhook_code: 'SYNC_UPDATES_AVAILABLE',
  item_id: 'wz666MBjYWTp2PDzzggYhM6oWWmBb',
  initial_update_complete: true,
  historical_update_complete: false,
  environment: 'sandbox',
});

const tokens = new Map<string, string>();
async function token(body: string, t: number): Promise<string> {
  return new SignJWT({ request_body_sha256: createHash('sha256').update(body).digest('hex') })
    .setProtectedHeader({ alg: 'ES256', kid: 'bfbd5111-8e33-4643-8ced-b2e642a72f3c', typ: 'JWT' })
    .setIssuedAt(t)
    .sign(PLAID.privateKey);
}
tokens.set(BODY, await token(BODY, 1_760_000_000));

describe('plaid', () => {
  schemeCases({
    provider: plaid,
    secret: jwk(PLAID),
    wrongSecret: jwk(OTHER),
    body: BODY,
    toleranceSec: 300,
    delivery: [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'Plaid Verifier'],
    ],
    reference: (body): HeaderPair[] => [['Plaid-Verification', tokens.get(body)!]],
  });

  it('refuses a token that claims another algorithm, and a key that is not a P-256 JWK', async () => {
    const hs = await new SignJWT({ request_body_sha256: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(1_760_000_000)
      .sign(new TextEncoder().encode('k'));
    const req = (tok: string) => ({
      method: 'POST',
      headers: [['Plaid-Verification', tok]] as HeaderPair[],
      body: Buffer.from(BODY),
    });
    expect(plaid.verify(req(hs), { secret: jwk(PLAID), now: 1_760_000_001 })).toMatchObject({
      valid: false,
      failure: 'malformed_header',
    });
    expect(plaid.verify(req(tokens.get(BODY)!), { secret: 'not json', now: 1_760_000_001 })).toMatchObject({
      valid: false,
      failure: 'secret_format',
    });
  });
});
