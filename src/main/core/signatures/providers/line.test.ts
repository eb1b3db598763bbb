import { validateSignature } from '@line/bot-sdk';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SignedRequest } from '../types';
import { line } from './line';

const CHANNEL_SECRET = '8c570fa6dd201bb328f1c1eac23a96d8';
const BODY = JSON.stringify({
  destination: 'U8e742f61d673b39c7fff3cecb7536ef0',
  events: [
    {
      type: 'message',
      message: { type: 'text', id: '468789577898262530', text: 'こんにちは' },
      timestamp: 1700000000000,
    },
  ],
});
const request = (body: string, headers: [string, string][]): SignedRequest => ({
  method: 'POST',
  headers,
  body: Buffer.from(body),
});

// @line/bot-sdk only verifies; the vector follows
// https://developers.line.biz/en/reference/messaging-api/#signature-validation (base64
// HMAC-SHA256 of the body with the channel secret) and must pass the SDK before it is used.
function vector(body: string, secret: string): string {
  const sig = createHmac('sha256', secret).update(body).digest('base64');
  expect(validateSignature(body, secret, sig)).toBe(true);
  return sig;
}

describe('line', () => {
  it('accepts a signature that @line/bot-sdk validateSignature accepts', () => {
    const sig = vector(BODY, CHANNEL_SECRET);
    const r = line.verify(request(BODY, [['x-line-signature', sig]]), { secret: CHANNEL_SECRET });
    expect(r).toMatchObject({ provider: 'line', valid: true, expected: sig, received: sig });
  });

  it('signs so that @line/bot-sdk validateSignature accepts', () => {
    const [[name, value]] = line.sign!({ secret: CHANNEL_SECRET, body: Buffer.from(BODY) });
    expect(name).toBe('x-line-signature');
    expect(validateSignature(BODY, CHANNEL_SECRET, value)).toBe(true);
    expect(validateSignature(BODY, 'f'.repeat(32), value)).toBe(false);
  });

  it('reports a tampered body', () => {
    const sig = vector(BODY, CHANNEL_SECRET);
    const tampered = BODY.replace('こんにちは', 'こんばんは');
    expect(validateSignature(tampered, CHANNEL_SECRET, sig)).toBe(false);
    const r = line.verify(request(tampered, [['x-line-signature', sig]]), { secret: CHANNEL_SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch', received: sig });
  });

  it('reports a wrong channel secret of the right shape as a mismatch', () => {
    const r = line.verify(request(BODY, [['x-line-signature', vector(BODY, CHANNEL_SECRET)]]), {
      secret: 'f'.repeat(32),
    });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.hints?.join(' ')).toMatch(/Basic settings/);
  });

  it('names a channel access token pasted as the secret', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.' + 'A'.repeat(150);
    const r = line.verify(request(BODY, [['x-line-signature', vector(BODY, CHANNEL_SECRET)]]), { secret: token });
    expect(r).toMatchObject({ valid: false, failure: 'secret_format' });
    expect(r.reason).toMatch(/not 32 hex characters \(171 characters\)/);
  });

  it('reports the missing header', () => {
    const r = line.verify(request(BODY, [['Content-Type', 'application/json']]), { secret: CHANNEL_SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'missing_header' });
  });

  it('reports a hex value where base64 is expected as malformed', () => {
    const hex = createHmac('sha256', CHANNEL_SECRET).update(BODY).digest('hex');
    const r = line.verify(request(BODY, [['x-line-signature', hex]]), { secret: CHANNEL_SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'malformed_header' });
    expect(r.reason).toMatch(/decodes to 48 bytes; HMAC-SHA256 in base64 is 44 characters decoding to 32 bytes/);
  });
});
