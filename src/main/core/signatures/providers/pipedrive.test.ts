import { describe } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { pipedrive } from './pipedrive';

// Pipedrive webhooks guide: http_auth_user / http_auth_password. The credential travels as RFC 7617 Basic auth.
const basic = (secret: string) => `Basic ${Buffer.from(secret).toString('base64')}`;

describe('pipedrive', () => {
  schemeCases({
    provider: pipedrive,
    secret: 'pd_user:pd_password_77',
    wrongSecret: 'pd_user:pd_password_77'.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')),
    body: JSON.stringify({
      v: 1,
      matches_filters: { current: [] },
      meta: {
        action: 'updated',
        object: 'deal',
        id: 1,
        company_id: 123,
        user_id: 456,
        host: 'example.pipedrive.com',
        timestamp: 1760000000,
        webhook_id: '222',
      },
      current: { id: 1, title: 'Big deal', value: 5000 },
      previous: { value: 4000 },
      event: 'updated.deal',
    }),
    bodyUnsigned: true,
    delivery: [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'Pipedrive Webhooks'],
    ],
    reference: (_body, secret): HeaderPair[] => [['Authorization', basic(secret)]],
    referenceVerify: (headers, _body, secret) => header({ headers }, 'Authorization') === basic(secret),
  });
});
