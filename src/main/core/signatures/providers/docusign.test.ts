import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { docusign } from './docusign';

// DocuSign's "How to validate an HMAC signature": base64 HMAC-SHA256 of the whole body, one header per active key.
const digest = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64');
const BODY = JSON.stringify({
  event: 'envelope-completed',
  apiVersion: 'v2.1',
  uri: '/restapi/v2.1/accounts/1/envelopes/2',
  retryCount: 0,
  configurationId: 10,
  generatedDateTime: '2026-01-01T00:00:00.000Z',
  data: { accountId: '1', envelopeId: '93be49ab-afa0-4adf-933c-f752070d71ec' },
});
const KEY_1 = 'x3sFOmuqIZoLLvXLAs0Xb2zV95g8bbrMZ3dy8DC2uqE=';
const KEY_2 = 'lQ9m2lzXbFp1RKj4c2yZq0w5oD8nA1bT6uVx7sE3hGk=';

describe('docusign', () => {
  schemeCases({
    provider: docusign,
    secret: KEY_1,
    wrongSecret: KEY_2,
    body: BODY,
    delivery: [
      ['Content-Type', 'application/json'],
      ['X-Authorization-Digest', 'HMACSHA256'],
      ['X-DocuSign-AccountId', '1'],
    ],
    reference: (body, secret): HeaderPair[] => [['X-DocuSign-Signature-1', digest(secret, body)]],
    referenceVerify: (headers, body, secret) => header({ headers }, 'X-DocuSign-Signature-1') === digest(secret, body),
  });

  it('accepts the signature of a second active Connect key', () => {
    const headers: HeaderPair[] = [
      ['X-DocuSign-Signature-1', digest(KEY_1, BODY)],
      ['X-DocuSign-Signature-2', digest(KEY_2, BODY)],
    ];
    const r = docusign.verify({ method: 'POST', headers, body: Buffer.from(BODY) }, { secret: KEY_2 });
    expect(r).toMatchObject({ valid: true });
    expect(r.reason).toMatch(/X-DocuSign-Signature-2/);
    expect(
      docusign.verify({ method: 'POST', headers, body: Buffer.from(`${BODY} `) }, { secret: KEY_2 }),
    ).toMatchObject({ valid: false });
  });
});
