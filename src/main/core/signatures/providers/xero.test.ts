import { createHmac } from 'node:crypto';
import { describe } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { xero } from './xero';

// Xero webhooks overview: base64 HMAC-SHA256 of the raw body keyed with the webhooks key.
const digest = (secret: string, body: string) => `${createHmac('sha256', secret).update(body).digest('base64')}`;

describe('xero', () => {
  schemeCases({
    provider: xero,
    secret: 'OSd0eLlVIY9ZhViEqlDUh4+6n6M+Lo+eDaEJheJ6OCCgWwIz2D3JIAU6jPMipHRbgKTLz2uJ+xiACXGDBLrgdA==',
    wrongSecret: 'OSd0eLlVIY9ZhViEqlDUh4+6n6M+Lo+eDaEJheJ6OCCgWwIz2D3JIAU6jPMipHRbgKTLz2uJ+xiACXGDBLrgdA=='.replace(
      /.$/,
      (c) => (c === 'x' ? 'y' : 'x'),
    ),
    body: JSON.stringify({
      events: [
        {
          resourceUrl: 'https://api.xero.com/api.xro/2.0/Contacts/717f2bfc',
          resourceId: '717f2bfc',
          eventDateUtc: '2026-01-01T00:00:00.000',
          eventType: 'UPDATE',
          eventCategory: 'CONTACT',
          tenantId: 'c2cc9b6e',
          tenantType: 'ORGANISATION',
        },
      ],
      firstEventSequence: 1,
      lastEventSequence: 1,
      entropy: 'S0m3r4Nd0mt3xt',
    }),
    delivery: [['Content-Type', 'application/json; charset=utf-8']],
    reference: (body, secret): HeaderPair[] => [['x-xero-signature', digest(secret, body)]],
    referenceVerify: (headers, body, secret) => header({ headers }, 'x-xero-signature') === digest(secret, body),
  });
});
