import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { box } from './box';

// Box "Signature verification" (v2 webhooks): base64 HMAC-SHA256 of the body bytes followed by the BOX-DELIVERY-TIMESTAMP bytes.
const timestamp = (t: number) => new Date(t * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const digest = (secret: string, ts: string, body: string) =>
  `${createHmac('sha256', secret).update(`${body}${ts}`).digest('base64')}`;

describe('box', () => {
  schemeCases({
    provider: box,
    secret: 'SamplePrimaryKey0Q7yWx',
    wrongSecret: 'SamplePrimaryKey0Q7yWx'.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')),
    body: JSON.stringify({
      type: 'webhook_event',
      id: 'eac4dc71-3e3f-4f43-84b1-6fe8e6a6f7d2',
      created_at: '2026-01-01T00:00:00-08:00',
      trigger: 'FILE.UPLOADED',
      webhook: { id: '53', type: 'webhook' },
      source: { id: '12345', type: 'file', name: 'report.pdf' },
    }),
    delivery: [
      ['BOX-DELIVERY-ID', '673a081b-bb4b-4d45-b4f1-4131a29c1d07'],
      ['BOX-SIGNATURE-VERSION', '1'],
      ['BOX-SIGNATURE-ALGORITHM', 'HmacSHA256'],
      ['User-Agent', 'Box-WH-Client/0.1'],
    ],
    toleranceSec: 600,
    reference: (body, secret, t): HeaderPair[] => [
      ['BOX-DELIVERY-TIMESTAMP', timestamp(t)],
      ['BOX-SIGNATURE-PRIMARY', digest(secret, timestamp(t), body)],
    ],
    referenceVerify(headers, body, secret) {
      const ts = header({ headers }, 'BOX-DELIVERY-TIMESTAMP');
      return ts !== undefined && header({ headers }, 'BOX-SIGNATURE-PRIMARY') === digest(secret, ts, body);
    },
  });
});

describe('box key rotation', () => {
  it('accepts the secondary key against BOX-SIGNATURE-SECONDARY', () => {
    const body = '{"type":"webhook_event","trigger":"FILE.UPLOADED"}';
    const ts = '2026-01-01T00:00:00Z';
    const headers: HeaderPair[] = [
      ['BOX-DELIVERY-TIMESTAMP', ts],
      ['BOX-SIGNATURE-PRIMARY', digest('primary-key', ts, body)],
      ['BOX-SIGNATURE-SECONDARY', digest('secondary-key', ts, body)],
    ];
    const now = Date.parse(ts) / 1000 + 30;
    const r = box.verify({ method: 'POST', headers, body: Buffer.from(body) }, { secret: 'secondary-key', now });
    expect(r).toMatchObject({ valid: true });
    expect(r.reason).toMatch(/BOX-SIGNATURE-SECONDARY/);
    expect(
      box.verify({ method: 'POST', headers, body: Buffer.from(body) }, { secret: 'other-key', now }),
    ).toMatchObject({ valid: false, failure: 'signature_mismatch' });
  });
});
