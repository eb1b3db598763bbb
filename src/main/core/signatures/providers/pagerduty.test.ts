import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { pagerduty } from './pagerduty';

// PagerDuty's "Verifying Signatures": v1= and the hex HMAC-SHA256 of the raw body; several during a rotation.
const v1 = (secret: string, body: string) => `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;
const BODY = JSON.stringify({
  event: {
    id: '01DEN4HPBQAIN3Y9X0JJOQFUSS',
    event_type: 'incident.triggered',
    resource_type: 'incident',
    occurred_at: '2026-01-01T00:00:00.000Z',
    agent: null,
    data: { id: 'PGR0VU2', type: 'incident', title: 'A little bump in the road', number: 2 },
  },
});

describe('pagerduty', () => {
  schemeCases({
    provider: pagerduty,
    secret: 'pd-webhook-secret-Xr7Lq',
    wrongSecret: 'pd-webhook-secret-Xr7Lx',
    body: BODY,
    delivery: [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'PagerDuty-Webhook/V3.0'],
      ['X-Webhook-Id', 'PF9KMXH'],
      ['X-Webhook-Subscription', 'PY1OQ9D'],
    ],
    reference: (body, secret): HeaderPair[] => [['X-PagerDuty-Signature', v1(secret, body)]],
    referenceVerify: (headers, body, secret) =>
      (header({ headers }, 'X-PagerDuty-Signature') ?? '').split(',').includes(v1(secret, body)),
  });

  it('accepts any of the signatures sent while a secret rotates', () => {
    const headers: HeaderPair[] = [['X-PagerDuty-Signature', `${v1('old-secret', BODY)},${v1('new-secret', BODY)}`]];
    const req = { method: 'POST', headers, body: Buffer.from(BODY) };
    expect(pagerduty.verify(req, { secret: 'new-secret' })).toMatchObject({ valid: true });
    expect(pagerduty.verify(req, { secret: 'old-secret' })).toMatchObject({ valid: true });
    expect(pagerduty.verify(req, { secret: 'other' })).toMatchObject({ valid: false, failure: 'signature_mismatch' });
  });
});
