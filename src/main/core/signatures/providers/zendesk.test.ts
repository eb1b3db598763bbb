import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { ZENDESK_TEST_SECRET, zendesk } from './zendesk';

// Zendesk "Verifying webhook authenticity": base64(HMACSHA256(TIMESTAMP + BODY)) keyed with the signing secret.
const timestamp = (t: number) => new Date(t * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const digest = (secret: string, ts: string, body: string) =>
  `${createHmac('sha256', secret).update(`${ts}${body}`).digest('base64')}`;

describe('zendesk', () => {
  schemeCases({
    provider: zendesk,
    secret: 'zd_webhook_signing_5Jq2',
    wrongSecret: 'zd_webhook_signing_5Jq2'.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')),
    body: JSON.stringify({
      type: 'zen:event-type:ticket.created',
      account_id: 10000001,
      id: 'cbe4028c-7239-495d-b020-f22348516046',
      subject: 'zen:ticket:1',
      time: '2026-01-01T00:00:00Z',
      zendesk_event_version: '2022-11-06',
      detail: { id: '1', status: 'NEW', subject: 'Help, my printer is on fire!' },
    }),
    delivery: [
      ['Content-Type', 'application/json; charset=utf-8'],
      ['User-Agent', 'Zendesk Webhook'],
    ],
    toleranceSec: 300,
    reference: (body, secret, t): HeaderPair[] => [
      ['X-Zendesk-Webhook-Signature-Timestamp', timestamp(t)],
      ['X-Zendesk-Webhook-Signature', digest(secret, timestamp(t), body)],
    ],
    referenceVerify(headers, body, secret) {
      const ts = header({ headers }, 'X-Zendesk-Webhook-Signature-Timestamp');
      return ts !== undefined && header({ headers }, 'X-Zendesk-Webhook-Signature') === digest(secret, ts, body);
    },
  });
});

describe('zendesk test requests', () => {
  it('names the fixed test secret when the webhook secret does not match', () => {
    const body = '{"ticket":"test"}';
    const ts = '2026-01-01T00:00:00Z';
    const headers: HeaderPair[] = [
      ['X-Zendesk-Webhook-Signature-Timestamp', ts],
      ['X-Zendesk-Webhook-Signature', digest(ZENDESK_TEST_SECRET, ts, body)],
    ];
    const req = { method: 'POST', headers, body: Buffer.from(body) };
    const r = zendesk.verify(req, { secret: 'the-webhook-secret', now: Date.parse(ts) / 1000 });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.hints?.join(' ')).toContain(ZENDESK_TEST_SECRET);
    expect(zendesk.verify(req, { secret: ZENDESK_TEST_SECRET, now: Date.parse(ts) / 1000 })).toMatchObject({
      valid: true,
    });
  });
});
