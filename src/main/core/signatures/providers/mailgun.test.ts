import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { schemeCases } from '../test-support/scheme-cases';
import { mailgun } from './mailgun';

// Mailgun's "Securing webhooks": hex HMAC-SHA256 of timestamp + token, keyed with the webhook signing key.
const KEY = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0';
const T = 1_760_000_000;
const TOKEN = '50f0a2fbd3b04e2b6e5b4c23a4f3b7d2e0c7f4a7b1c9ad1ee0';
const sig = (key: string, t: number, token: string) => createHmac('sha256', key).update(`${t}${token}`).digest('hex');
const BODY = JSON.stringify({
  signature: { timestamp: String(T), token: TOKEN, signature: sig(KEY, T, TOKEN) },
  'event-data': {
    event: 'delivered',
    timestamp: 1760000000.0,
    id: 'CPgfbmQMTCKtHW6uIWtuVe',
    recipient: 'alice@example.com',
    message: { headers: { 'message-id': '20130503182626.18666.16540@example.com' } },
  },
});

describe('mailgun', () => {
  schemeCases({
    provider: mailgun,
    secret: KEY,
    wrongSecret: 'key-3ax6xnjp29jd6fds4gc373sgvjxteol1',
    body: BODY,
    t: T,
    toleranceSec: 300,
    delivery: [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'mailgun/treq-16.12.0'],
    ],
    // The event data is not signed: tampering that Mailgun can catch is a changed token or timestamp.
    tamper: (body) => body.replace(TOKEN, `${TOKEN.slice(0, -1)}1`),
    reference: () => [],
  });

  it('reads the form fields routes post', () => {
    const form = new URLSearchParams({
      timestamp: String(T),
      token: TOKEN,
      signature: sig(KEY, T, TOKEN),
      recipient: 'bob@example.com',
      'body-plain': 'hi',
    }).toString();
    const req = {
      method: 'POST',
      headers: [['Content-Type', 'application/x-www-form-urlencoded']] as [string, string][],
      body: Buffer.from(form),
    };
    expect(mailgun.detect(req)).toBe(true);
    expect(mailgun.verify(req, { secret: KEY, now: T + 1 })).toMatchObject({ valid: true });
    expect(mailgun.verify(req, { secret: 'key-wrong', now: T + 1 })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
  });
});
