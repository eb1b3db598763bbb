import { createHmac } from 'node:crypto';
import { describe } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { webflow } from './webflow';

// Webflow "Working with webhooks": hex HMAC-SHA256 of "<timestamp>:<body>", timestamp in milliseconds, keyed with the client secret.
const timestamp = (t: number) => String(t * 1000);
const digest = (secret: string, ts: string, body: string) =>
  `${createHmac('sha256', secret).update(`${ts}:${body}`).digest('hex')}`;

describe('webflow', () => {
  schemeCases({
    provider: webflow,
    secret: 'wf_client_secret_0d8e7c',
    wrongSecret: 'wf_client_secret_0d8e7c'.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')),
    body: JSON.stringify({
      triggerType: 'form_submission',
      payload: {
        name: 'Contact Us',
        siteId: '65427cf400e02b306eaa049c',
        data: {
          'First Name': 'Zaphod',
          'Last Name': 'Beeblebrox',
          email: 'zaphod@heartofgold.ai',
          'Phone Number': 15550000000,
        },
        submittedAt: '2022-09-14T12:35:16.117Z',
        id: '6321ca84df3949bfc6752327',
      },
    }),
    delivery: [['Content-Type', 'application/json']],
    toleranceSec: 300,
    reference: (body, secret, t): HeaderPair[] => [
      ['x-webflow-timestamp', timestamp(t)],
      ['x-webflow-signature', digest(secret, timestamp(t), body)],
    ],
    referenceVerify(headers, body, secret) {
      const ts = header({ headers }, 'x-webflow-timestamp');
      return ts !== undefined && header({ headers }, 'x-webflow-signature') === digest(secret, ts, body);
    },
  });
});
