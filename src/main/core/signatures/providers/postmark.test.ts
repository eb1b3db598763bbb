import { describe } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { postmark } from './postmark';

// Postmark webhooks overview: credentials in the webhook URL. The credential travels as RFC 7617 Basic auth.
const basic = (secret: string) => `Basic ${Buffer.from(secret).toString('base64')}`;

describe('postmark', () => {
  schemeCases({
    provider: postmark,
    secret: 'hooks:Pm-9f2Kq7',
    wrongSecret: 'hooks:Pm-9f2Kq7'.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')),
    body: JSON.stringify({
      RecordType: 'Delivery',
      ServerID: 23,
      MessageStream: 'outbound',
      MessageID: '00000000-0000-0000-0000-000000000000',
      Recipient: 'john@example.com',
      Tag: 'welcome-email',
      DeliveredAt: '2026-01-01T00:00:00Z',
      Details: 'Test delivery webhook details',
    }),
    bodyUnsigned: true,
    delivery: [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'Postmark'],
    ],
    reference: (_body, secret): HeaderPair[] => [['Authorization', basic(secret)]],
    referenceVerify: (headers, _body, secret) => header({ headers }, 'Authorization') === basic(secret),
  });
});
