import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { persona } from './persona';

// Persona's best-practices page (Checking Signatures): t=<seconds>,v1=hex HMAC-SHA256 of "<t>.<body>" with the webhook secret.
const digest = (secret: string, t: number, body: string) =>
  createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

describe('persona', () => {
  schemeCases({
    provider: persona,
    secret: 'wbhsec_2f8b1c7e-9d3a-4e5f-8a6b-0c1d2e3f4a5b',
    wrongSecret: 'wbhsec_2f8b1c7e-9d3a-4e5f-8a6b-0c1d2e3f4a5b'.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')),
    body: JSON.stringify({
      data: {
        type: 'event',
        id: 'evt_XGuYWp7WzMnUAVbXGfJNbGqm',
        attributes: {
          name: 'inquiry.completed',
          'created-at': '2026-01-01T00:00:00.000Z',
          payload: {
            data: { type: 'inquiry', id: 'inq_2CVZ4HyVg7qaboXz2TEmTf7p', attributes: { status: 'completed' } },
          },
        },
      },
    }),
    toleranceSec: 300,
    reference: (body, secret, t): HeaderPair[] => [['Persona-Signature', `t=${t},v1=${digest(secret, t, body)}`]],
    referenceVerify(headers, body, secret) {
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header({ headers }, 'Persona-Signature') ?? '');
      return m !== null && m[2] === digest(secret, Number(m[1]), body);
    },
  });
});

describe('persona secret rotation', () => {
  it('accepts either of two space-separated pairs', () => {
    const body = '{"data":{"type":"event"}}';
    const sig = (secret: string, t: number) => `t=${t},v1=${digest(secret, t, body)}`;
    const headers: HeaderPair[] = [
      ['Persona-Signature', `${sig('wbhsec_old', 1_760_000_000)} ${sig('wbhsec_new', 1_760_000_001)}`],
    ];
    const req = { method: 'POST', headers, body: Buffer.from(body) };
    expect(persona.verify(req, { secret: 'wbhsec_new', now: 1_760_000_002 })).toMatchObject({ valid: true });
    expect(persona.verify(req, { secret: 'wbhsec_old', now: 1_760_000_002 })).toMatchObject({ valid: true });
    expect(persona.verify(req, { secret: 'wbhsec_other', now: 1_760_000_002 })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
  });
});
