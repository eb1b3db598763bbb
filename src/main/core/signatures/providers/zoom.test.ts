import { AwsLambdaReceiver } from '@zoom/rivet/meetings';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import type { SignedRequest } from '../types';
import { zoom, zoomUrlValidationResponse } from './zoom';

const SECRET = 'Wq3rT5yU7iO9pA1sD3fG5h';
const NOW = 1_764_050_000;
const BODY = Buffer.from(
  JSON.stringify({
    event: 'meeting.started',
    event_ts: NOW * 1000,
    payload: {
      account_id: 'AAAAAAAAAAAAAAAAAAAAAA',
      object: { id: '81234567890', topic: 'Standup', start_time: '2026-11-25T06:00:00Z' },
    },
  }),
);

function request(headers: HeaderPair[], body = BODY): SignedRequest {
  return { method: 'POST', url: '/zoom/events', headers, body };
}

/** Runs the request through Zoom's own Rivet receiver; returns its HTTP status and JSON body. */
async function rivet(
  headers: HeaderPair[],
  body: Buffer,
  secret = SECRET,
): Promise<{ statusCode: number; body: unknown }> {
  const handler = new AwsLambdaReceiver({ webhooksSecretToken: secret }).start();
  const res = (await handler(
    { body: body.toString('utf8'), headers: Object.fromEntries(headers), isBase64Encoded: false } as never,
    {} as never,
  )) as { statusCode: number; body: string };
  return { statusCode: res.statusCode, body: JSON.parse(res.body) as unknown };
}

describe('zoom provider', () => {
  beforeEach(() => {
    // Rivet logs every Lambda event it processes.
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('signs so that Zoom Rivet accepts the event, and verifies its own signature', async () => {
    const headers = zoom.sign!({ secret: SECRET, body: BODY, timestamp: NOW });
    expect(await rivet(headers, BODY)).toMatchObject({ statusCode: 200 });
    const result = zoom.verify(request(headers), { secret: SECRET, now: NOW + 4 });
    expect(result).toMatchObject({ valid: true, skewSec: -4 });
    expect(result.reason).toBe('v0 signature matches (timestamp 4 s old)');
    expect(zoom.detect(request(headers))).toBe(true);
  });

  it('builds the endpoint.url_validation answer exactly as Rivet does', async () => {
    const body = Buffer.from(
      JSON.stringify({
        event: 'endpoint.url_validation',
        event_ts: NOW * 1000,
        payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' },
      }),
    );
    const headers = zoom.sign!({ secret: SECRET, body, timestamp: NOW });
    const sdk = await rivet(headers, body);
    expect(sdk.statusCode).toBe(200);
    expect(zoomUrlValidationResponse(body, SECRET)).toEqual(sdk.body);
    const result = zoom.verify(request(headers, body), { secret: SECRET, now: NOW });
    expect(result.valid).toBe(true);
    expect(result.hints?.[0]).toContain(
      `"encryptedToken":"${(sdk.body as { encryptedToken: string }).encryptedToken}"`,
    );
    expect(zoomUrlValidationResponse(BODY, SECRET)).toBeUndefined();
    expect(zoomUrlValidationResponse(Buffer.from('not json'), SECRET)).toBeUndefined();
  });

  it('rejects a tampered body, as Rivet does', async () => {
    const headers = zoom.sign!({ secret: SECRET, body: BODY, timestamp: NOW });
    const tampered = Buffer.from(BODY.toString().replace('Standup', 'Retro'));
    expect((await rivet(headers, tampered)).statusCode).toBe(400);
    const result = zoom.verify(request(headers, tampered), { secret: SECRET, now: NOW });
    expect(result).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(result.reason).toContain('v0 signature does not match');
    expect(result.expected).toMatch(/^v0=[0-9a-f]{64}$/);
  });

  it('rejects the wrong secret token, as Rivet does', async () => {
    const headers = zoom.sign!({ secret: SECRET, body: BODY, timestamp: NOW });
    expect((await rivet(headers, BODY, 'another-secret-token')).statusCode).toBe(400);
    expect(zoom.verify(request(headers), { secret: 'another-secret-token', now: NOW })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
  });

  it('reports how old the timestamp is and rejects it once a tolerance is set', () => {
    const headers = zoom.sign!({ secret: SECRET, body: BODY, timestamp: NOW });
    const noWindow = zoom.verify(request(headers), { secret: SECRET, now: NOW + 900 });
    expect(noWindow).toMatchObject({ valid: true, skewSec: -900 });
    const stale = zoom.verify(request(headers), { secret: SECRET, now: NOW + 900, toleranceSec: 300 });
    expect(stale).toMatchObject({ valid: false, failure: 'timestamp_out_of_tolerance', skewSec: -900 });
    expect(stale.reason).toContain('900 s old, outside the 300 s tolerance');
  });

  it('reports missing headers', () => {
    const none = zoom.verify(request([]), { secret: SECRET });
    expect(none).toMatchObject({ failure: 'missing_header' });
    expect(none.reason).toContain('x-zm-signature');
    const sig = zoom.sign!({ secret: SECRET, body: BODY, timestamp: NOW })[0]!;
    const noTs = zoom.verify(request([sig]), { secret: SECRET });
    expect(noTs.reason).toContain('x-zm-request-timestamp is missing');
  });

  it('reports malformed headers', () => {
    const [, ts] = zoom.sign!({ secret: SECRET, body: BODY, timestamp: NOW });
    const bare = zoom.verify(request([['x-zm-signature', 'a'.repeat(64)], ts!]), { secret: SECRET });
    expect(bare).toMatchObject({ failure: 'malformed_header' });
    expect(bare.reason).toContain('"v0=" followed by 64 hex');
    const badTs = zoom.verify(
      request([
        ['x-zm-signature', `v0=${'a'.repeat(64)}`],
        ['x-zm-request-timestamp', '2026-11-25'],
      ]),
      { secret: SECRET },
    );
    expect(badTs.reason).toContain('not a unix time');
  });
});
