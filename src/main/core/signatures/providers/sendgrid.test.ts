import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { EventWebhook } from '@sendgrid/eventwebhook';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import type { SignedRequest } from '../types';
import { sendgrid } from './sendgrid';

const SIG = 'X-Twilio-Email-Event-Webhook-Signature';
const TS = 'X-Twilio-Email-Event-Webhook-Timestamp';
const NOW = 1_764_050_000;
// SendGrid posts events as a JSON array, one event per line, CRLF-terminated.
const BODY = Buffer.from(
  `${JSON.stringify([
    {
      email: 'ada@example.com',
      event: 'delivered',
      sg_event_id: 'ZGVsaXZlcmVkLTAtMQ',
      sg_message_id: 'abc.filter-1',
      timestamp: NOW - 5,
    },
  ])}\r\n`,
);

function keyPair(): { privateKey: KeyObject; publicB64: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { privateKey, publicB64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64') };
}

/** Signs as SendGrid does: ECDSA P-256/SHA-256 over timestamp + raw body, DER then base64. */
function sendgridHeaders(privateKey: KeyObject, ts: number, body: Buffer): HeaderPair[] {
  return [
    [SIG, sign('sha256', Buffer.concat([Buffer.from(String(ts)), body]), privateKey).toString('base64')],
    [TS, String(ts)],
  ];
}

function request(headers: HeaderPair[], body = BODY): SignedRequest {
  return { method: 'POST', url: '/sendgrid/events', headers, body };
}

function sdkAccepts(publicB64: string, body: Buffer, headers: HeaderPair[]): boolean {
  const ew = new EventWebhook();
  return ew.verifySignature(ew.convertPublicKeyToECDSA(publicB64), body, headers[0]![1], headers[1]![1]);
}

describe('sendgrid provider', () => {
  const { privateKey, publicB64 } = keyPair();

  it('accepts a request that @sendgrid/eventwebhook accepts', () => {
    const headers = sendgridHeaders(privateKey, NOW, BODY);
    expect(sdkAccepts(publicB64, BODY, headers)).toBe(true);
    const result = sendgrid.verify(request(headers), { secret: publicB64, now: NOW });
    expect(result).toMatchObject({ valid: true, skewSec: 0 });
    expect(sendgrid.detect(request(headers))).toBe(true);
    expect(sendgrid.sign).toBeUndefined();
    // The same key pasted as PEM works too.
    const pem = `-----BEGIN PUBLIC KEY-----\n${publicB64}\n-----END PUBLIC KEY-----\n`;
    expect(sendgrid.verify(request(headers), { secret: pem, now: NOW }).valid).toBe(true);
  });

  it('accepts an event SendGrid itself signed (the vector in the SDK test suite)', () => {
    // Key, signature, timestamp and payload from sendgrid/sendgrid-nodejs
    // packages/eventwebhook/src/eventwebhook.spec.js (a real signed delivery).
    const publicKey =
      'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==';
    const signature =
      'MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=';
    // The exact bytes that were signed: the event array as one JSON line, then CRLF.
    const payload = Buffer.from(
      '[{"email":"hello@world.com","event":"dropped","reason":"Bounced Address","sg_event_id":"ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA","sg_message_id":"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0","smtp-id":"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>","timestamp":1600112492}]\r\n',
    );
    const headers: HeaderPair[] = [
      [SIG, signature],
      [TS, '1600112502'],
    ];
    expect(sdkAccepts(publicKey, payload, headers)).toBe(true);
    expect(sendgrid.verify(request(headers, payload), { secret: publicKey, now: 1600112510 })).toMatchObject({
      valid: true,
      skewSec: -8,
    });
    // Dropping the trailing CRLF (a framework trimming the body) is named as such.
    const trimmed = sendgrid.verify(request(headers, payload.subarray(0, -2)), { secret: publicKey, now: 1600112510 });
    expect(trimmed).toMatchObject({ failure: 'body_reserialized' });
    expect(trimmed.reason).toContain('trailing CRLF restored');
  });

  it('rejects a tampered body, as the SDK does', () => {
    const headers = sendgridHeaders(privateKey, NOW, BODY);
    const tampered = Buffer.from(BODY.toString().replace('delivered', 'bounce'));
    expect(sdkAccepts(publicB64, tampered, headers)).toBe(false);
    const result = sendgrid.verify(request(headers, tampered), { secret: publicB64, now: NOW });
    expect(result).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(result.reason).toContain('ECDSA signature');
  });

  it("rejects another account's verification key, as the SDK does", () => {
    const headers = sendgridHeaders(privateKey, NOW, BODY);
    const other = keyPair().publicB64;
    expect(sdkAccepts(other, BODY, headers)).toBe(false);
    expect(sendgrid.verify(request(headers), { secret: other, now: NOW })).toMatchObject({
      failure: 'signature_mismatch',
    });
  });

  it('says when the secret is an API key or a key on the wrong curve', () => {
    const headers = sendgridHeaders(privateKey, NOW, BODY);
    const apiKey = sendgrid.verify(request(headers), { secret: 'SG.abcdefghijklmnop.qrstuvwxyz0123456789', now: NOW });
    expect(apiKey).toMatchObject({ failure: 'secret_format' });
    expect(apiKey.reason).toContain('not an API key');
    const ed = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const wrongCurve = sendgrid.verify(request(headers), { secret: ed, now: NOW });
    expect(wrongCurve.reason).toContain('ECDSA P-256');
  });

  it('rejects a stale timestamp once a tolerance is set', () => {
    const headers = sendgridHeaders(privateKey, NOW, BODY);
    const stale = sendgrid.verify(request(headers), { secret: publicB64, now: NOW + 7200, toleranceSec: 600 });
    expect(stale).toMatchObject({ failure: 'timestamp_out_of_tolerance', skewSec: -7200 });
    expect(stale.reason).toContain('7200 s old, outside the 600 s tolerance');
  });

  it('reports missing headers', () => {
    expect(sendgrid.verify(request([]), { secret: publicB64 })).toMatchObject({ failure: 'missing_header' });
    const noTs = sendgrid.verify(request([sendgridHeaders(privateKey, NOW, BODY)[0]!]), { secret: publicB64 });
    expect(noTs.reason).toContain(`${TS} is missing`);
  });

  it('reports malformed headers', () => {
    const hex = sendgrid.verify(
      request([
        [SIG, 'zz:not-base64'],
        [TS, String(NOW)],
      ]),
      { secret: publicB64 },
    );
    expect(hex).toMatchObject({ failure: 'malformed_header' });
    const notDer = sendgrid.verify(
      request([
        [SIG, Buffer.alloc(64, 7).toString('base64')],
        [TS, String(NOW)],
      ]),
      { secret: publicB64 },
    );
    expect(notDer.reason).toContain('not a DER ECDSA signature');
  });
});
