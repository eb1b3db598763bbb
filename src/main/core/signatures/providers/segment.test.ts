import { createHmac } from 'node:crypto';
import { describe } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { segment } from './segment';

// Segment's webhooks destination docs: hex HMAC-SHA1 of the body keyed with the shared secret.
const digest = (secret: string, body: string) => createHmac('sha1', secret).update(body).digest('hex');

describe('segment', () => {
  schemeCases({
    provider: segment,
    secret: 'segment-shared-secret-91ab',
    wrongSecret: 'segment-shared-secret-91ax',
    body: JSON.stringify({
      type: 'track',
      event: 'Order Completed',
      userId: '97980cfea0067',
      messageId: 'ajs-next-6b9b3c7b',
      properties: { revenue: 39.95, currency: 'USD' },
      timestamp: '2026-01-01T00:00:00.000Z',
    }),
    delivery: [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'Segment.io/1.0'],
    ],
    reference: (body, secret): HeaderPair[] => [['X-Signature', digest(secret, body)]],
    referenceVerify: (headers, body, secret) => header({ headers }, 'X-Signature') === digest(secret, body),
  });
});
