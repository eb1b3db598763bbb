import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { TelnyxWebhook } from 'telnyx/lib/webhooks';
import { describe, expect, it } from 'vitest';
import type { SignedRequest } from '../types';
import { telnyx } from './telnyx';

// Telnyx holds the private key, so the test plays Telnyx with a fresh Ed25519 pair and signs
// "<timestamp>|<body>" as https://developers.telnyx.com/api-reference/callbacks/number-order-status-update
// describes; the telnyx SDK's TelnyxWebhook must accept each vector before ours is asked.
function keyPair(): { privateKey: KeyObject; publicBase64: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return { privateKey, publicBase64: raw.toString('base64') };
}

const TELNYX = keyPair();
const BODY = JSON.stringify({
  data: {
    event_type: 'message.received',
    id: 'b0b8d2a1-7a1d-4d6a-9d2b-8a6e0b3c1f00',
    payload: { text: 'Hej där', to: [{ phone_number: '+13125550001' }] },
  },
  meta: { attempt: 1, delivered_to: 'https://example.com/webhooks' },
});
const nowSec = (): number => Math.floor(Date.now() / 1000);
const request = (body: string, headers: [string, string][]): SignedRequest => ({
  method: 'POST',
  headers,
  body: Buffer.from(body),
});

function telnyxHeaders(body: string, t: number, privateKey = TELNYX.privateKey): [string, string][] {
  const sig = sign(null, Buffer.from(`${t}|${body}`), privateKey).toString('base64');
  return [
    ['telnyx-signature-ed25519', sig],
    ['telnyx-timestamp', String(t)],
  ];
}
const asRecord = (h: [string, string][]): Record<string, string> => Object.fromEntries(h);

describe('telnyx', () => {
  it('accepts what the telnyx SDK accepts', async () => {
    const t = nowSec();
    const headers = telnyxHeaders(BODY, t);
    await expect(new TelnyxWebhook(TELNYX.publicBase64).verify(BODY, asRecord(headers))).resolves.toBeUndefined();
    const r = telnyx.verify(request(BODY, headers), { secret: TELNYX.publicBase64, now: t + 2 });
    expect(r).toMatchObject({ provider: 'telnyx', valid: true, skewSec: -2, received: headers[0][1] });
    expect(r.reason).toBe('Ed25519 signature verifies with the public key; timestamp within 300 s (skew -2 s)');
  });

  it('accepts the public key as PEM too, and cannot sign', () => {
    const t = nowSec();
    const { publicKey } = { publicKey: TELNYX.publicBase64 };
    const pem = `-----BEGIN PUBLIC KEY-----\n${Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKey, 'base64')]).toString('base64')}\n-----END PUBLIC KEY-----\n`;
    expect(telnyx.verify(request(BODY, telnyxHeaders(BODY, t)), { secret: pem, now: t }).valid).toBe(true);
    expect(telnyx.sign).toBeUndefined();
  });

  it('reports a tampered body, as the SDK does', async () => {
    const t = nowSec();
    const headers = telnyxHeaders(BODY, t);
    const tampered = BODY.replace('Hej där', 'Hej då');
    await expect(new TelnyxWebhook(TELNYX.publicBase64).verify(tampered, asRecord(headers))).rejects.toThrow(
      /does not match/,
    );
    const r = telnyx.verify(request(tampered, headers), { secret: TELNYX.publicBase64, now: t });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.expected).toBeUndefined();
  });

  it("reports another account's public key as a mismatch with where to find the right one", async () => {
    const t = nowSec();
    const other = keyPair();
    const headers = telnyxHeaders(BODY, t);
    await expect(new TelnyxWebhook(other.publicBase64).verify(BODY, asRecord(headers))).rejects.toThrow();
    const r = telnyx.verify(request(BODY, headers), { secret: other.publicBase64, now: t });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.hints?.join(' ')).toMatch(/Keys & Credentials/);
  });

  it('names a body re-encoded after signing', () => {
    const t = nowSec();
    const r = telnyx.verify(request(JSON.stringify(JSON.parse(BODY), null, 2), telnyxHeaders(BODY, t)), {
      secret: TELNYX.publicBase64,
      now: t,
    });
    expect(r).toMatchObject({ valid: false, failure: 'body_reserialized' });
  });

  it('reports a stale timestamp with the skew, as the SDK rejects it', async () => {
    const t = nowSec() - 900;
    const headers = telnyxHeaders(BODY, t);
    await expect(new TelnyxWebhook(TELNYX.publicBase64).verify(BODY, asRecord(headers))).rejects.toThrow(/too old/);
    const r = telnyx.verify(request(BODY, headers), { secret: TELNYX.publicBase64, now: t + 900 });
    expect(r).toMatchObject({ valid: false, failure: 'timestamp_out_of_tolerance', skewSec: -900 });
    expect(r.reason).toMatch(/900 s old, outside the 300 s tolerance/);
  });

  it('reports each missing header', () => {
    const [sig, ts] = telnyxHeaders(BODY, nowSec());
    expect(telnyx.verify(request(BODY, [ts]), { secret: TELNYX.publicBase64 })).toMatchObject({
      failure: 'missing_header',
    });
    const r = telnyx.verify(request(BODY, [sig]), { secret: TELNYX.publicBase64 });
    expect(r).toMatchObject({ failure: 'missing_header' });
    expect(r.reason).toMatch(/telnyx-timestamp header is missing/);
  });

  it('reports malformed headers', () => {
    const [sig, ts] = telnyxHeaders(BODY, nowSec());
    const short = telnyx.verify(request(BODY, [['telnyx-signature-ed25519', sig[1].slice(0, 40)], ts]), {
      secret: TELNYX.publicBase64,
    });
    expect(short).toMatchObject({ valid: false, failure: 'malformed_header' });
    expect(short.reason).toMatch(/64-byte Ed25519 signature/);
    const badTime = telnyx.verify(request(BODY, [sig, ['telnyx-timestamp', '2026-11-25T06:00:00Z']]), {
      secret: TELNYX.publicBase64,
    });
    expect(badTime).toMatchObject({ valid: false, failure: 'malformed_header' });
  });

  it('reports a secret that cannot be an Ed25519 public key', () => {
    const headers = telnyxHeaders(BODY, nowSec());
    const apiKey = telnyx.verify(request(BODY, headers), { secret: 'KEY0123456789ABCDEF0123456789_AbCdEfGhIjKlMnOp' });
    expect(apiKey).toMatchObject({ valid: false, failure: 'secret_format' });
    expect(apiKey.reason).toMatch(/looks like a Telnyx API key/);
    const wrongLength = telnyx.verify(request(BODY, headers), { secret: Buffer.alloc(48, 0xfb).toString('base64') });
    expect(wrongLength.reason).toMatch(/decodes to 48 bytes; an Ed25519 public key is 32 bytes/);
  });
});
