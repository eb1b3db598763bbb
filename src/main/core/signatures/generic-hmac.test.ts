import { sign as octokitSign } from '@octokit/webhooks-methods';
import { describe, expect, it } from 'vitest';
import { createGenericHmacProvider, validateGenericConfig } from './generic-hmac';
import type { SignedRequest } from './types';

function request(headers: [string, string][], body: string, url?: string): SignedRequest {
  return { method: 'POST', headers, body: Buffer.from(body), ...(url ? { url } : {}) };
}

describe('generic HMAC provider', () => {
  it("described as GitHub's scheme, accepts what octokit signs", async () => {
    const p = createGenericHmacProvider({
      algorithm: 'sha256',
      encoding: 'hex',
      header: 'X-Hub-Signature-256',
      prefix: 'sha256=',
    });
    const body = '{"zen":"Keep it logically awesome."}';
    const sig = await octokitSign('s3cret', body);
    expect(p.verify(request([['X-Hub-Signature-256', sig]], body), { secret: 's3cret' })).toMatchObject({
      provider: 'generic',
      valid: true,
    });
    expect(p.verify(request([['X-Hub-Signature-256', sig]], `${body} `), { secret: 's3cret' })).toMatchObject({
      valid: false,
    });
    expect(p.sign!({ secret: 's3cret', body: Buffer.from(body) })).toEqual([['X-Hub-Signature-256', sig]]);
  });

  // Slack's documented vector (api.slack.com/authentication/verifying-requests-from-slack), through
  // a template with a timestamp header.
  it("described as Slack's v0 scheme, accepts the documented Slack vector", () => {
    const p = createGenericHmacProvider({
      algorithm: 'sha256',
      encoding: 'hex',
      header: 'X-Slack-Signature',
      prefix: 'v0=',
      template: 'v0:{timestamp}:{body}',
      timestampHeader: 'X-Slack-Request-Timestamp',
      toleranceSec: 300,
    });
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const headers: [string, string][] = [
      ['X-Slack-Request-Timestamp', '1531420618'],
      ['X-Slack-Signature', 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503'],
    ];
    const secret = '8f742231b10e8888abcd99yyyzzz85a5';
    expect(p.verify(request(headers, body), { secret, now: 1531420620 })).toMatchObject({ valid: true, skewSec: -2 });
    expect(p.verify(request(headers, body), { secret, now: 1531420618 + 1000 })).toMatchObject({
      valid: false,
      failure: 'timestamp_out_of_tolerance',
      skewSec: -1000,
    });
    expect(p.verify(request(headers.slice(1), body), { secret })).toMatchObject({ failure: 'missing_header' });
  });

  it('signs and verifies base64 SHA-512 over url, id and body with a base64 key', () => {
    const p = createGenericHmacProvider({
      algorithm: 'sha512',
      encoding: 'base64',
      header: 'X-Sig',
      prefix: '',
      template: '{method} {url}\n{id}\n{body}',
      idHeader: 'X-Id',
      secretEncoding: 'base64',
    });
    const secret = Buffer.from('key bytes \u0001\u0002').toString('base64');
    const url = 'https://example.com/hook?a=1';
    const headers = p.sign!({ secret, body: Buffer.from('{"a":1}'), url, id: 'm1' });
    expect(headers.map(([n]) => n)).toEqual(['X-Id', 'X-Sig']);
    expect(p.verify(request(headers, '{"a":1}', url), { secret })).toMatchObject({ valid: true });
    expect(p.verify(request(headers, '{"a":1}', `${url}&b=2`), { secret })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
    expect(p.verify(request(headers, '{"a":1}'), { secret })).toMatchObject({ failure: 'url_mismatch' });
    expect(p.verify(request(headers, '{"a": 1}', url), { secret })).toMatchObject({ failure: 'body_reserialized' });
  });

  it('refuses unusable configurations with a clear message', () => {
    expect(() =>
      validateGenericConfig({ algorithm: 'md5' as 'sha1', encoding: 'hex', header: 'X', prefix: '' }),
    ).toThrow(/algorithm/);
    expect(() =>
      validateGenericConfig({ algorithm: 'sha1', encoding: 'hex', header: 'Bad Header', prefix: '' }),
    ).toThrow(/header/);
    expect(() =>
      validateGenericConfig({
        algorithm: 'sha1',
        encoding: 'hex',
        header: 'X',
        prefix: '',
        template: '{timestamp}.{body}',
      }),
    ).toThrow(/timestamp header/);
  });

  it('reports a missing header and a missing prefix', () => {
    const p = createGenericHmacProvider({ algorithm: 'sha1', encoding: 'hex', header: 'X-Sig', prefix: 'sha1=' });
    expect(p.verify(request([], 'x'), { secret: 's' })).toMatchObject({ failure: 'missing_header' });
    expect(p.verify(request([['X-Sig', 'abc']], 'x'), { secret: 's' })).toMatchObject({ failure: 'malformed_header' });
  });
});
