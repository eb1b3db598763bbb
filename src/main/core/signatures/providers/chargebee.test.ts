import { describe } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { chargebee } from './chargebee';

// Chargebee webhook settings: basic authentication on the webhook. The credential travels as RFC 7617 Basic auth.
const basic = (secret: string) => `Basic ${Buffer.from(secret).toString('base64')}`;

describe('chargebee', () => {
  schemeCases({
    provider: chargebee,
    secret: 'cb-hooks:s3cr3tPass',
    wrongSecret: 'cb-hooks:s3cr3tPass'.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')),
    body: JSON.stringify({
      id: 'ev_16BHbhF4s42tO2lK',
      occurred_at: 1760000000,
      source: 'admin_console',
      object: 'event',
      api_version: 'v2',
      event_type: 'subscription_created',
      webhook_status: 'not_configured',
      content: { subscription: { id: '16BHbhF4s42tO2lJ', plan_id: 'basic', status: 'active' } },
    }),
    bodyUnsigned: true,
    delivery: [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'ChargeBee'],
    ],
    reference: (_body, secret): HeaderPair[] => [['Authorization', basic(secret)]],
    referenceVerify: (headers, _body, secret) => header({ headers }, 'Authorization') === basic(secret),
  });
});
