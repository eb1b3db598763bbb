import { encodeSignatureHeader, isValidSignature } from '@sanity/webhook';
import { describe, expect, it } from 'vitest';
import type { SignedRequest } from '../types';
import { sanity } from './sanity';

const SECRET = 'sanity-hook-secret-93b1';
const BODY = JSON.stringify({
  _id: 'drafts.post-1',
  _type: 'post',
  title: 'Grüße aus Oslo',
  slug: { current: 'greetings' },
});
const request = (body: string, headers: [string, string][]): SignedRequest => ({
  method: 'POST',
  headers,
  body: Buffer.from(body),
});
const nowSec = (): number => Math.floor(Date.now() / 1000);

describe('sanity', () => {
  it('accepts a header made by @sanity/webhook encodeSignatureHeader', async () => {
    const now = nowSec();
    const header = await encodeSignatureHeader(BODY, now * 1000 - 1000, SECRET);
    const r = sanity.verify(request(BODY, [['sanity-webhook-signature', header]]), { secret: SECRET, now });
    expect(r).toMatchObject({ provider: 'sanity', valid: true, skewSec: -1 });
    expect(r.expected).toBe(header.split('v1=')[1]);
  });

  it('signs so that @sanity/webhook isValidSignature accepts', async () => {
    const [[name, value]] = sanity.sign!({ secret: SECRET, body: Buffer.from(BODY), timestamp: nowSec() });
    expect(name).toBe('sanity-webhook-signature');
    await expect(isValidSignature(BODY, value, SECRET)).resolves.toBe(true);
    await expect(isValidSignature(BODY, value, 'other')).resolves.toBe(false);
  });

  it('reports a tampered body', async () => {
    const now = nowSec();
    const header = await encodeSignatureHeader(BODY, now * 1000, SECRET);
    const tampered = BODY.replace('Oslo', 'Bergen');
    await expect(isValidSignature(tampered, header, SECRET)).resolves.toBe(false);
    const r = sanity.verify(request(tampered, [['sanity-webhook-signature', header]]), { secret: SECRET, now });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
  });

  it('reports a wrong secret', async () => {
    const now = nowSec();
    const header = await encodeSignatureHeader(BODY, now * 1000, SECRET);
    const r = sanity.verify(request(BODY, [['sanity-webhook-signature', header]]), { secret: 'skAbcApiToken', now });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.hints?.join(' ')).toMatch(/sanity\.io\/manage/);
  });

  it('reports a stale timestamp with the skew (our 300 s window; the toolkit has none)', async () => {
    const now = nowSec();
    const header = await encodeSignatureHeader(BODY, (now - 3600) * 1000, SECRET);
    const r = sanity.verify(request(BODY, [['sanity-webhook-signature', header]]), { secret: SECRET, now });
    expect(r).toMatchObject({ valid: false, failure: 'timestamp_out_of_tolerance', skewSec: -3600 });
    expect(r.reason).toMatch(/3600 s old, outside the 300 s tolerance/);
    const off = sanity.verify(request(BODY, [['sanity-webhook-signature', header]]), {
      secret: SECRET,
      now,
      toleranceSec: 0,
    });
    expect(off).toMatchObject({ valid: true });
    expect(off.reason).toMatch(/not checked/);
  });

  it('reports the missing header', () => {
    const r = sanity.verify(request(BODY, []), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'missing_header' });
  });

  it('reports standard base64 where base64url is sent as malformed', async () => {
    const now = nowSec();
    const header = await encodeSignatureHeader(BODY, now * 1000, SECRET);
    const v1 = header.split('v1=')[1];
    const standard = `${Buffer.from(v1, 'base64url').toString('base64')}`;
    const r = sanity.verify(request(BODY, [['sanity-webhook-signature', `t=${now * 1000},v1=${standard}`]]), {
      secret: SECRET,
      now,
    });
    expect(r).toMatchObject({ valid: false, failure: 'malformed_header' });
    expect(r.reason).toMatch(/standard padded base64; Sanity sends base64url/);
  });
});
