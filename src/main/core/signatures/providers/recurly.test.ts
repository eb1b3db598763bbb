import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { recurly } from './recurly';

// Recurly's "Signature verification": "<ms>,<sig>[,<sig>]" with hex HMAC-SHA256 of "<ms>.<body>". (The recurly npm client has no webhook helper.)
const sig = (secret: string, ms: number, body: string) =>
  createHmac('sha256', secret).update(`${ms}.${body}`).digest('hex');
const BODY = JSON.stringify({
  id: 'r8n0l1bpcvfd',
  object_type: 'subscription',
  site_id: 'r7g7oiy8j3o6',
  event_type: 'renewed',
  event_time: '2026-01-01T00:00:00Z',
  account_code: 'acct-1',
  uuid: '5c1b3d7c0e4e4f6a8b9a1c2d3e4f5a6b',
});

describe('recurly', () => {
  schemeCases({
    provider: recurly,
    secret: 'f5c8a2f3b6e14e9a9a2d1c0b7e6f5d4c',
    wrongSecret: 'f5c8a2f3b6e14e9a9a2d1c0b7e6f5d4x',
    body: BODY,
    toleranceSec: 300,
    delivery: [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'Recurly Webhooks'],
    ],
    reference: (body, secret, t): HeaderPair[] => [['recurly-signature', `${t * 1000},${sig(secret, t * 1000, body)}`]],
    referenceVerify(headers, body, secret) {
      const [ms, ...sigs] = (header({ headers }, 'recurly-signature') ?? '').split(',');
      return sigs.includes(sig(secret, Number(ms), body));
    },
  });

  it('accepts either signature while a key rotates', () => {
    const ms = 1_760_000_000_000;
    const req = {
      method: 'POST',
      headers: [['recurly-signature', `${ms},${sig('old', ms, BODY)},${sig('new', ms, BODY)}`]] as HeaderPair[],
      body: Buffer.from(BODY),
    };
    expect(recurly.verify(req, { secret: 'new', now: 1_760_000_001 })).toMatchObject({ valid: true });
    expect(recurly.verify(req, { secret: 'other', now: 1_760_000_001 })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
  });
});
