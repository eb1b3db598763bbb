import { createHmac } from 'node:crypto';
import { describe } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { frameio } from './frameio';

// Frame.io webhooks overview (Security): v0= and hex HMAC-SHA256 of "v0:<timestamp>:<body>".
const timestamp = (t: number) => String(t);
const digest = (secret: string, ts: string, body: string) =>
  `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;

describe('frameio', () => {
  schemeCases({
    provider: frameio,
    secret: 'fio_signing_secret_8c1d',
    wrongSecret: 'fio_signing_secret_8c1d'.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')),
    body: JSON.stringify({
      type: 'asset.ready',
      resource: { type: 'asset', id: 'f5f7a3e4-0c7b-4e59-9ef4-4ad47d4a1c12' },
      user: { id: '5ac1e3f1-6ea3-4a7d-bb89-9b1bd5a0f5aa' },
      team: { id: '2f4b2a56-3b3c-4c2b-8e4d-0c1f7a1d9b2e' },
      project: { id: '9e7b1a7e-8a0f-4b8b-a35a-3c2a0b0d4e61' },
    }),
    delivery: [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'Frame.io Webhooks'],
    ],
    toleranceSec: 300,
    reference: (body, secret, t): HeaderPair[] => [
      ['X-Frameio-Request-Timestamp', timestamp(t)],
      ['X-Frameio-Signature', digest(secret, timestamp(t), body)],
    ],
    referenceVerify(headers, body, secret) {
      const ts = header({ headers }, 'X-Frameio-Request-Timestamp');
      return ts !== undefined && header({ headers }, 'X-Frameio-Signature') === digest(secret, ts, body);
    },
  });
});
