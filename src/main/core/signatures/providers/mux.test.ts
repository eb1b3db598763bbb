import Mux from '@mux/mux-node';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SignedRequest } from '../types';
import { mux } from './mux';

const SECRET = 'mux-signing-secret-1b2c3d4e5f';
const BODY = JSON.stringify({
  type: 'video.asset.ready',
  object: { type: 'asset', id: '0201p02fGKPE7MrbC269XRD7LpcHhrmbu0002' },
  id: '3a56ac3d-33da-4366-855b-f592d898409d',
  data: { status: 'ready', duration: 23.8, aspect_ratio: '16:9' },
});
const client = new Mux({ tokenId: 'unused-token-id', tokenSecret: 'unused-token-secret' });
const request = (body: string, headers: [string, string][]): SignedRequest => ({
  method: 'POST',
  headers,
  body: Buffer.from(body),
});
const now = (): number => Math.floor(Date.now() / 1000);

// @mux/mux-node keeps its signer private; the vector follows
// https://docs.mux.com/core/verify-webhook-signatures (hex HMAC-SHA256 of "<t>.<body>") and must
// pass the SDK's verifySignature before it is used against ours.
async function vector(body: string, secret: string, t: number): Promise<string> {
  const header = `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
  await expect(client.webhooks.verifySignature(body, { 'mux-signature': header }, secret)).resolves.toBeUndefined();
  return header;
}

describe('mux', () => {
  it('accepts a header that @mux/mux-node verifySignature accepts', async () => {
    const t = now();
    const header = await vector(BODY, SECRET, t);
    const r = mux.verify(request(BODY, [['Mux-Signature', header]]), { secret: SECRET, now: t + 4 });
    expect(r).toMatchObject({ provider: 'mux', valid: true, skewSec: -4 });
    expect(r.reason).toBe('v1 signature matches; timestamp within 300 s (skew -4 s)');
  });

  it('signs so that @mux/mux-node verifySignature accepts', async () => {
    const [[name, value]] = mux.sign!({ secret: SECRET, body: Buffer.from(BODY) });
    expect(name).toBe('Mux-Signature');
    await expect(client.webhooks.verifySignature(BODY, { 'mux-signature': value }, SECRET)).resolves.toBeUndefined();
    await expect(client.webhooks.verifySignature(BODY, { 'mux-signature': value }, 'other')).rejects.toThrow(
      /No signatures found matching/,
    );
  });

  it('accepts when any one of several v1 entries matches (secret rotation)', async () => {
    const t = now();
    const header = await vector(BODY, SECRET, t);
    const rotated = header.replace('v1=', `v1=${'0'.repeat(64)},v1=`);
    expect(mux.verify(request(BODY, [['Mux-Signature', rotated]]), { secret: SECRET, now: t }).valid).toBe(true);
  });

  it('reports a tampered body', async () => {
    const t = now();
    const header = await vector(BODY, SECRET, t);
    const r = mux.verify(request(BODY.replace('ready', 'errored'), [['Mux-Signature', header]]), {
      secret: SECRET,
      now: t,
    });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.received).toBe(header.split('v1=')[1]);
  });

  it('reports a wrong secret with where the right one lives', async () => {
    const t = now();
    const r = mux.verify(request(BODY, [['Mux-Signature', await vector(BODY, SECRET, t)]]), {
      secret: 'wrong',
      now: t,
    });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.hints?.join(' ')).toMatch(/Settings → Webhooks/);
  });

  it('reports a stale timestamp with the skew, as the SDK rejects it', async () => {
    const t = now() - 600;
    const header = `t=${t},v1=${createHmac('sha256', SECRET).update(`${t}.${BODY}`).digest('hex')}`;
    await expect(client.webhooks.verifySignature(BODY, { 'mux-signature': header }, SECRET)).rejects.toThrow(/too old/);
    const r = mux.verify(request(BODY, [['Mux-Signature', header]]), { secret: SECRET, now: t + 600 });
    expect(r).toMatchObject({ valid: false, failure: 'timestamp_out_of_tolerance', skewSec: -600 });
    expect(r.reason).toMatch(/600 s old, outside the 300 s tolerance/);
    expect(
      mux.verify(request(BODY, [['Mux-Signature', header]]), { secret: SECRET, now: t + 600, toleranceSec: 0 }).valid,
    ).toBe(true);
  });

  it('reports the missing header', () => {
    const r = mux.verify(request(BODY, []), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'missing_header' });
    expect(r.reason).toMatch(/Mux-Signature header is missing/);
  });

  it('reports malformed headers precisely', () => {
    const sig = 'a'.repeat(64);
    const cases: [string, RegExp][] = [
      [`v1=${sig}`, /has no t= timestamp \(expected "t=<unix seconds>,v1=<hex>"\)/],
      [`t=${now()}`, /has no v1= signature/],
      [`t=${Date.now()},v1=${sig}`, /looks like milliseconds; Mux signs unix seconds/],
      [`t=${now()},v1=xyz`, /v1 should be 64 hex characters/],
    ];
    for (const [value, reason] of cases) {
      const r = mux.verify(request(BODY, [['Mux-Signature', value]]), { secret: SECRET });
      expect(r).toMatchObject({ valid: false, failure: 'malformed_header' });
      expect(r.reason).toMatch(reason);
    }
  });
});
