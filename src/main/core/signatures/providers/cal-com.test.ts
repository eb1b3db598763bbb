import { createHmac } from 'node:crypto';
import { describe } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { calCom } from './cal-com';

// Cal.com webhook docs: hex HMAC-SHA256 of the raw body keyed with the webhook secret, sent bare.
const digest = (secret: string, body: string) => `${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('cal-com', () => {
  schemeCases({
    provider: calCom,
    secret: 'cal_whsec_9f8e7d',
    wrongSecret: 'cal_whsec_9f8e7d'.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')),
    body: JSON.stringify({
      triggerEvent: 'BOOKING_CREATED',
      createdAt: '2026-01-01T10:00:00.000Z',
      payload: {
        type: '30min',
        title: '30 Min Meeting between Ada and Bob',
        uid: 'bFJeNb2uX8ANpT3JL5EfXw',
        attendees: [{ email: 'bob@example.com', timeZone: 'Europe/London' }],
      },
    }),
    delivery: [['Content-Type', 'application/json']],
    reference: (body, secret): HeaderPair[] => [['X-Cal-Signature-256', digest(secret, body)]],
    referenceVerify: (headers, body, secret) => header({ headers }, 'X-Cal-Signature-256') === digest(secret, body),
  });
});
