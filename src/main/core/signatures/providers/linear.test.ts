import { LinearWebhookClient } from '@linear/sdk/webhooks';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import type { SignedRequest } from '../types';
import { linear } from './linear';

const SECRET = 'lin_wh_Wq3rT5yU7iO9pA1sD3fG5hJ7kL9zX1cV3bN5mQ7';

function bodyAt(ms: number): Buffer {
  return Buffer.from(
    JSON.stringify({
      action: 'create',
      type: 'Issue',
      data: { id: '2174add1-f7c8-44e3-bbf3-2d60b5ea8bc9', title: 'Capture list stalls', priority: 2 },
      url: 'https://linear.app/acme/issue/ENG-101',
      createdAt: new Date(ms).toISOString(),
      organizationId: 'c6d5a7f4-0f79-4b4a-9cb2-3a1b1a6e58e1',
      webhookTimestamp: ms,
      webhookId: '000042e3-d123-4980-b49f-8e140eef9329',
    }),
  );
}

function request(headers: HeaderPair[], body: Buffer): SignedRequest {
  return { method: 'POST', url: '/linear', headers, body };
}

function sdkAccepts(body: Buffer, signature: string, secret = SECRET): boolean {
  try {
    return new LinearWebhookClient(secret).verify(body, signature);
  } catch {
    return false;
  }
}

describe('linear provider', () => {
  it('signs so that the Linear SDK accepts it, and verifies its own signature', () => {
    const ms = Date.now();
    const body = bodyAt(ms);
    const headers = linear.sign!({ secret: SECRET, body });
    expect(sdkAccepts(body, headers[0]![1])).toBe(true);
    const result = linear.verify(request(headers, body), { secret: SECRET, now: Math.floor(ms / 1000) + 2 });
    expect(result).toMatchObject({ valid: true, skewSec: -2 });
    expect(result.reason).toContain('webhookTimestamp 2 s old');
    expect(linear.detect(request(headers, body))).toBe(true);
  });

  it('rejects a tampered body, as the SDK does', () => {
    const ms = Date.now();
    const headers = linear.sign!({ secret: SECRET, body: bodyAt(ms) });
    const tampered = Buffer.from(bodyAt(ms).toString().replace('"priority":2', '"priority":1'));
    expect(sdkAccepts(tampered, headers[0]![1])).toBe(false);
    const result = linear.verify(request(headers, tampered), { secret: SECRET, now: Math.floor(ms / 1000) });
    expect(result).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(result.reason).toContain('Linear-Signature does not match');
  });

  it('rejects the wrong signing secret, as the SDK does', () => {
    const ms = Date.now();
    const body = bodyAt(ms);
    const headers = linear.sign!({ secret: SECRET, body });
    expect(sdkAccepts(body, headers[0]![1], 'lin_wh_other')).toBe(false);
    expect(linear.verify(request(headers, body), { secret: 'lin_wh_other', now: Math.floor(ms / 1000) })).toMatchObject(
      { failure: 'signature_mismatch' },
    );
  });

  it('rejects a webhookTimestamp outside 60 s, as the SDK does, with the skew', () => {
    const ms = Date.now() - 5 * 60_000;
    const body = bodyAt(ms);
    const headers = linear.sign!({ secret: SECRET, body });
    expect(sdkAccepts(body, headers[0]![1])).toBe(false);
    const now = Math.floor(ms / 1000) + 300;
    const result = linear.verify(request(headers, body), { secret: SECRET, now });
    expect(result).toMatchObject({ valid: false, failure: 'timestamp_out_of_tolerance', skewSec: -300 });
    expect(result.reason).toContain('300 s old, outside the 60 s tolerance');
  });

  it('rejects a correctly signed body without webhookTimestamp or Linear-Timestamp', () => {
    const body = Buffer.from('{"action":"create","type":"Issue"}');
    const headers = linear.sign!({ secret: SECRET, body });
    expect(sdkAccepts(body, headers[0]![1])).toBe(false);
    const result = linear.verify(request([headers[0]!], body), { secret: SECRET });
    expect(result).toMatchObject({ valid: false, failure: 'malformed_header' });
    expect(result.reason).toContain('signature matches but the body has no webhookTimestamp');
  });

  it('falls back to the unsigned Linear-Timestamp header for age, and says the SDK would not', () => {
    const body = Buffer.from('{"action":"create","type":"Issue"}');
    const headers = linear.sign!({ secret: SECRET, body, timestamp: 1_764_050_000 });
    expect(headers[1]).toEqual(['Linear-Timestamp', '1764050000000']);
    const fresh = linear.verify(request(headers, body), { secret: SECRET, now: 1_764_050_010 });
    expect(fresh).toMatchObject({ valid: true, skewSec: -10 });
    expect(fresh.hints?.[0]).toContain("Linear's SDK rejects");
    const stale = linear.verify(request(headers, body), { secret: SECRET, now: 1_764_050_500 });
    expect(stale).toMatchObject({ failure: 'timestamp_out_of_tolerance', skewSec: -500 });
  });

  it('reports a missing header', () => {
    const result = linear.verify(request([], bodyAt(Date.now())), { secret: SECRET });
    expect(result).toMatchObject({ failure: 'missing_header' });
    expect(result.reason).toContain('Linear-Signature');
  });

  it('reports a malformed header', () => {
    const result = linear.verify(request([['Linear-Signature', 'sha256=abc']], bodyAt(Date.now())), { secret: SECRET });
    expect(result).toMatchObject({ failure: 'malformed_header' });
    expect(result.reason).toContain('64 hex characters');
  });
});
