import { Receiver } from '@upstash/qstash';
import { SignJWT } from 'jose';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { qstash } from './qstash';

// Judged by @upstash/qstash's Receiver; QStash's own tokens are made as its docs describe (jose, which the SDK also uses).
const URL = 'https://api.example.com/api/qstash';
const CURRENT = 'sig_7kYjw48mhY7kAjqNGcy6cr29RJ6r';
const NEXT = 'sig_5ZB6DVzB1wjE8S6rZ7eenA8Pdnhs';
const NOW = Math.floor(Date.now() / 1000);

async function qstashToken(body: string, secret: string, t: number, url = URL): Promise<string> {
  return new SignJWT({ body: createHash('sha256').update(body).digest('base64url') })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('Upstash')
    .setSubject(url)
    .setIssuedAt(t)
    .setNotBefore(t)
    .setExpirationTime(t + 300)
    .setJti('jwt_67kxXD6UBAk7DqU6hzuHMDdXFXfP')
    .sign(new TextEncoder().encode(secret));
}

const tokens = new Map<string, string>();
const BODY = JSON.stringify({ hello: 'world', count: 3 });
for (const [b, s] of [
  [BODY, CURRENT],
  [BODY, NEXT],
] as const)
  tokens.set(`${b}|${s}`, await qstashToken(b, s, NOW));

describe('qstash', () => {
  schemeCases({
    provider: qstash,
    secret: CURRENT,
    wrongSecret: NEXT,
    body: BODY,
    t: NOW,
    url: URL,
    delivery: [
      ['Content-Type', 'application/json'],
      ['Upstash-Message-Id', 'msg_26hZCxZCuWyyTWPmSVBrNB882AMRP1TsgzpygELRcLWep'],
      ['User-Agent', 'Upstash-QStash'],
    ],
    reference: (body, secret): HeaderPair[] => [['Upstash-Signature', tokens.get(`${body}|${secret}`)!]],
    referenceVerify: async (headers, body, secret) =>
      new Receiver({ currentSigningKey: secret, nextSigningKey: secret })
        .verify({ signature: header({ headers }, 'Upstash-Signature')!, body, url: URL })
        .catch(() => false),
  });

  it('rejects a token made for another destination URL', async () => {
    const tok = await qstashToken(BODY, CURRENT, NOW, 'https://other.example.com/hook');
    const r = qstash.verify(
      { method: 'POST', url: URL, headers: [['Upstash-Signature', tok]], body: Buffer.from(BODY) },
      { secret: CURRENT, now: NOW },
    );
    expect(r).toMatchObject({ valid: false, failure: 'url_mismatch' });
  });

  it('rejects an expired token that the SDK also rejects', async () => {
    const old = await qstashToken(BODY, CURRENT, NOW - 900);
    await expect(
      new Receiver({ currentSigningKey: CURRENT, nextSigningKey: NEXT }).verify({
        signature: old,
        body: BODY,
        url: URL,
      }),
    ).rejects.toThrow();
    const r = qstash.verify(
      { method: 'POST', url: URL, headers: [['Upstash-Signature', old]], body: Buffer.from(BODY) },
      { secret: CURRENT, now: NOW },
    );
    expect(r).toMatchObject({ valid: false, failure: 'timestamp_out_of_tolerance' });
  });
});
