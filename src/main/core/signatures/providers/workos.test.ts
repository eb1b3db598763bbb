import { WorkOS } from '@workos-inc/node';
import { describe, expect, it } from 'vitest';
import type { SignedRequest } from '../types';
import { workos } from './workos';

const SECRET = 'whsec_workos_3f9a1c0e7b5d';
const EVENT = {
  id: 'event_01HWZBQAY251RZ9BKB4RZW4D4A',
  event: 'user.created',
  data: {
    object: 'user',
    id: 'user_01E4ZCR3C56J083X43JQXF3JK5',
    email: 'marcelina@example.com',
    first_name: 'Marcelina',
  },
  created_at: '2026-11-25T06:00:00.000Z',
};
const BODY = JSON.stringify(EVENT);
const sdk = new WorkOS('sk_test_unused').webhooks;
const request = (body: string, headers: [string, string][]): SignedRequest => ({
  method: 'POST',
  headers,
  body: Buffer.from(body),
});
const nowSec = (): number => Math.floor(Date.now() / 1000);

async function sdkHeader(tMs: number, secret = SECRET): Promise<string> {
  return `t=${tMs}, v1=${await sdk.computeSignature(tMs, EVENT, secret)}`;
}

describe('workos', () => {
  it('accepts a header computed by @workos-inc/node', async () => {
    const now = nowSec();
    const header = await sdkHeader(now * 1000 - 3000);
    const r = workos.verify(request(BODY, [['WorkOS-Signature', header]]), { secret: SECRET, now });
    expect(r).toMatchObject({ provider: 'workos', valid: true, skewSec: -3 });
    expect(r.reason).toBe('v1 signature matches; timestamp within 180 s (skew -3 s)');
  });

  it('signs so that @workos-inc/node verifyHeader accepts', async () => {
    const [[name, value]] = workos.sign!({ secret: SECRET, body: Buffer.from(BODY) });
    expect(name).toBe('WorkOS-Signature');
    expect(value).toMatch(/^t=\d{13}, v1=[0-9a-f]{64}$/);
    await expect(sdk.verifyHeader({ payload: EVENT, sigHeader: value, secret: SECRET })).resolves.toBe(true);
    await expect(sdk.verifyHeader({ payload: EVENT, sigHeader: value, secret: 'other' })).rejects.toThrow(
      /does not match/,
    );
  });

  it('reports a tampered body', async () => {
    const now = nowSec();
    const header = await sdkHeader(now * 1000);
    const r = workos.verify(request(BODY.replace('user.created', 'user.deleted'), [['WorkOS-Signature', header]]), {
      secret: SECRET,
      now,
    });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
  });

  it('reports a wrong secret and warns off the API key', async () => {
    const now = nowSec();
    const r = workos.verify(request(BODY, [['WorkOS-Signature', await sdkHeader(now * 1000)]]), {
      secret: 'sk_test_unused',
      now,
    });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.hints?.join(' ')).toMatch(/not with the sk_ API key/);
  });

  it('reports a stale timestamp with the skew, as the SDK rejects it', async () => {
    const now = nowSec();
    const header = await sdkHeader((now - 200) * 1000);
    await expect(sdk.verifyHeader({ payload: EVENT, sigHeader: header, secret: SECRET })).rejects.toThrow(/tolerance/);
    const r = workos.verify(request(BODY, [['WorkOS-Signature', header]]), { secret: SECRET, now });
    expect(r).toMatchObject({ valid: false, failure: 'timestamp_out_of_tolerance', skewSec: -200 });
    expect(r.reason).toMatch(/200 s old, outside the 180 s tolerance/);
  });

  it('names a body the receiver pretty-printed', async () => {
    const now = nowSec();
    const header = await sdkHeader(now * 1000);
    const r = workos.verify(request(JSON.stringify(EVENT, null, 2), [['WorkOS-Signature', header]]), {
      secret: SECRET,
      now,
    });
    expect(r).toMatchObject({ valid: false, failure: 'body_reserialized' });
  });

  it('reports the missing header', () => {
    const r = workos.verify(request(BODY, [['Content-Type', 'application/json']]), { secret: SECRET });
    expect(r).toMatchObject({ valid: false, failure: 'missing_header' });
  });

  it('reports a seconds timestamp as malformed', () => {
    const r = workos.verify(request(BODY, [['WorkOS-Signature', `t=${nowSec()}, v1=${'b'.repeat(64)}`]]), {
      secret: SECRET,
    });
    expect(r).toMatchObject({ valid: false, failure: 'malformed_header' });
    expect(r.reason).toMatch(/looks like seconds; WorkOS signs unix milliseconds/);
  });
});
