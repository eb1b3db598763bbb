// The SDK's verifier module alone: importing all of Bolt costs seconds per test run.
import { isValidSlackRequest } from '@slack/bolt/dist/receivers/verify-request';
import { describe, expect, it } from 'vitest';
import type { SignedRequest } from '../types';
import { slack } from './slack';

// Slack's documented example ("Verifying requests from Slack", api.slack.com/authentication/
// verifying-requests-from-slack): signing secret, timestamp, slash-command body and the signature
// Slack computed for them. Slack's SDK has no signer, so this vector stands in for SDK output.
const DOC = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: 1531420618,
  body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

function request(headers: [string, string][], body = DOC.body): SignedRequest {
  return {
    method: 'POST',
    headers: [['Content-Type', 'application/x-www-form-urlencoded'], ...headers],
    body: Buffer.from(body),
  };
}

const docHeaders: [string, string][] = [
  ['X-Slack-Request-Timestamp', String(DOC.timestamp)],
  ['X-Slack-Signature', DOC.signature],
];

function sdkAccepts(headers: [string, string][], body: string, secret: string, nowSec: number): boolean {
  const get = (n: string) => headers.find(([k]) => k.toLowerCase() === n)?.[1] ?? '';
  return isValidSlackRequest({
    signingSecret: secret,
    body,
    headers: {
      'x-slack-signature': get('x-slack-signature'),
      'x-slack-request-timestamp': Number(get('x-slack-request-timestamp')),
    },
    nowMilliseconds: nowSec * 1000,
  });
}

describe('slack provider', () => {
  it('accepts the documented vector, which the Slack SDK also accepts', () => {
    expect(sdkAccepts(docHeaders, DOC.body, DOC.secret, DOC.timestamp + 30)).toBe(true);
    const r = slack.verify(request(docHeaders), { secret: DOC.secret, now: DOC.timestamp + 30 });
    expect(r).toMatchObject({ provider: 'slack', valid: true, skewSec: -30 });
  });

  it('signs requests the Slack SDK verifies', () => {
    const now = Math.floor(Date.now() / 1000);
    const headers = slack.sign!({ secret: DOC.secret, body: Buffer.from(DOC.body), timestamp: now });
    expect(sdkAccepts(headers, DOC.body, DOC.secret, now)).toBe(true);
    expect(sdkAccepts(headers, DOC.body, 'another-secret', now)).toBe(false);
    const doc = slack.sign!({ secret: DOC.secret, body: Buffer.from(DOC.body), timestamp: DOC.timestamp });
    expect(doc).toContainEqual(['X-Slack-Signature', DOC.signature]);
  });

  it('rejects a tampered body and the wrong secret', () => {
    const now = DOC.timestamp;
    expect(
      slack.verify(request(docHeaders, DOC.body.replace('foobar', 'foobaz')), { secret: DOC.secret, now }),
    ).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
    expect(slack.verify(request(docHeaders), { secret: 'wrong', now })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
  });

  it('reports a stale timestamp, as the SDK rejects it', () => {
    const now = DOC.timestamp + 301;
    expect(sdkAccepts(docHeaders, DOC.body, DOC.secret, now)).toBe(false);
    const r = slack.verify(request(docHeaders), { secret: DOC.secret, now });
    expect(r).toMatchObject({ valid: false, failure: 'timestamp_out_of_tolerance', skewSec: -301 });
  });

  it('reports missing and malformed headers', () => {
    expect(slack.verify(request([docHeaders[0]]), { secret: DOC.secret })).toMatchObject({ failure: 'missing_header' });
    expect(slack.verify(request([docHeaders[1]]), { secret: DOC.secret })).toMatchObject({ failure: 'missing_header' });
    expect(
      slack.verify(request([['X-Slack-Request-Timestamp', 'yesterday'], docHeaders[1]]), { secret: DOC.secret }),
    ).toMatchObject({
      failure: 'malformed_header',
    });
    expect(
      slack.verify(request([docHeaders[0], ['X-Slack-Signature', 'a2114d']]), { secret: DOC.secret }),
    ).toMatchObject({
      failure: 'malformed_header',
    });
  });
});
