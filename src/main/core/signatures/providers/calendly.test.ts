import { createHmac } from 'node:crypto';
import { describe } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { calendly } from './calendly';

// Calendly's Webhook Signatures page: t=<seconds>,v1=hex HMAC-SHA256 of "<t>.<body>" with the signing key.
const digest = (secret: string, t: number, body: string) =>
  createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

describe('calendly', () => {
  schemeCases({
    provider: calendly,
    secret: 'c9T2Wm5rYkQp0sVb3nLx8hJd',
    wrongSecret: 'c9T2Wm5rYkQp0sVb3nLx8hJd'.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')),
    body: JSON.stringify({
      created_at: '2026-01-01T00:00:00.000000Z',
      created_by: 'https://api.calendly.com/users/AAAAAAAAAAAAAAAA',
      event: 'invitee.created',
      payload: {
        email: 'test@example.com',
        name: 'John Doe',
        status: 'active',
        uri: 'https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2/invitees/AAAAAAAAAAAAAAAA',
      },
    }),
    toleranceSec: 180,
    reference: (body, secret, t): HeaderPair[] => [
      ['Calendly-Webhook-Signature', `t=${t},v1=${digest(secret, t, body)}`],
    ],
    referenceVerify(headers, body, secret) {
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header({ headers }, 'Calendly-Webhook-Signature') ?? '');
      return m !== null && m[2] === digest(secret, Number(m[1]), body);
    },
  });
});
