import { createHmac } from 'node:crypto';
import { describe } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { customerio } from './customerio';

// Customer.io reporting webhooks (Securely verifying requests): hex HMAC-SHA256 of "v0:<X-CIO-Timestamp>:<body>" keyed with the signing key.
const timestamp = (t: number) => String(t);
const digest = (secret: string, ts: string, body: string) =>
  `${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;

describe('customerio', () => {
  schemeCases({
    provider: customerio,
    secret: 'cio_6b1f0e9a2d4c',
    wrongSecret: 'cio_6b1f0e9a2d4c'.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')),
    body: JSON.stringify({
      event_id: '01E4C4CT6YDC7Y5M7FE1GWWPQJ',
      object_type: 'email',
      metric: 'delivered',
      timestamp: 1613063089,
      data: {
        customer_id: '42',
        delivery_id: 'RAECAAFwnUSneIa0ZXkmq8EdkAM==',
        identifiers: { id: '42' },
        recipient: 'test@example.com',
        subject: 'Thanks for signing up',
      },
    }),
    delivery: [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'Customer.io Reporting Webhooks'],
    ],
    toleranceSec: 300,
    reference: (body, secret, t): HeaderPair[] => [
      ['X-CIO-Timestamp', timestamp(t)],
      ['X-CIO-Signature', digest(secret, timestamp(t), body)],
    ],
    referenceVerify(headers, body, secret) {
      const ts = header({ headers }, 'X-CIO-Timestamp');
      return ts !== undefined && header({ headers }, 'X-CIO-Signature') === digest(secret, ts, body);
    },
  });
});
