import { createHmac } from 'node:crypto';
import { describe } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { airtable } from './airtable';

// Airtable's webhooks overview: hmac-sha256= and the hex HMAC-SHA256 of the body, keyed with the decoded macSecretBase64.
const mac = (secretBase64: string, body: string) =>
  `hmac-sha256=${createHmac('sha256', Buffer.from(secretBase64, 'base64')).update(body, 'utf8').digest('hex')}`;

describe('airtable', () => {
  schemeCases({
    provider: airtable,
    secret: 'Jb1xNJtXlFtPpDvMvCeLbU3TmWKcjxj8Eo3bjlYfJRTTGWk7FIbljzkHy0P1BX9tpnZOazCnT8gMbddS3QfCJQ==',
    wrongSecret: 'Kb1xNJtXlFtPpDvMvCeLbU3TmWKcjxj8Eo3bjlYfJRTTGWk7FIbljzkHy0P1BX9tpnZOazCnT8gMbddS3QfCJQ==',
    body: JSON.stringify({
      base: { id: 'appYKv0Q3lxFUA0Nn' },
      webhook: { id: 'achW0oXEzzrZNFcSv' },
      timestamp: '2026-01-01T00:00:00.000Z',
    }),
    delivery: [['Content-Type', 'application/json; charset=utf-8']],
    reference: (body, secret): HeaderPair[] => [['X-Airtable-Content-MAC', mac(secret, body)]],
    referenceVerify: (headers, body, secret) => header({ headers }, 'X-Airtable-Content-MAC') === mac(secret, body),
  });
});
