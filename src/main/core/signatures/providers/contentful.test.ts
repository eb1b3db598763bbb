import { signRequest, verifyRequest } from '@contentful/node-apps-toolkit';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import type { SignedRequest } from '../types';
import { contentful } from './contentful';

const SECRET = 'q7Xw2Lr9Tz4Vb8Nc1Md6Kf3Hg5Js0Pa-Ye_Ui+Oo/Wx=Qs2Rt4Uv6Ww8Xy0Za1B9';
const PATH = '/hooks/contentful?env=master&verbose=1';
const BODY = JSON.stringify({
  sys: { type: 'Entry', id: '5KsDBWseXY6QegucYAoacS', space: { sys: { id: 'yadj1kx9rmg0' } } },
  fields: { title: { 'en-US': 'Hello, Kraków' } },
});
const SENT_HEADERS: Record<string, string> = {
  'content-type': 'application/vnd.contentful.management.v1+json',
  'x-contentful-topic': 'ContentManagement.Entry.publish',
  'x-contentful-webhook-name': 'Hooklens',
};
const nowSec = (): number => Math.floor(Date.now() / 1000);

/** What Contentful sends: its headers plus the toolkit's signature headers, with transport headers around them. */
function contentfulRequest(
  tsMs: number,
  overrides: { body?: string; url?: string; drop?: string } = {},
): SignedRequest {
  const signed = signRequest(SECRET, { method: 'POST', path: PATH, headers: { ...SENT_HEADERS }, body: BODY }, tsMs);
  const headers: HeaderPair[] = [
    ['Host', 'abc.loca.lt'],
    ['User-Agent', 'Contentful-Webhooks/1.0'],
    ['Content-Type', SENT_HEADERS['content-type']],
    ['X-Contentful-Topic', SENT_HEADERS['x-contentful-topic']],
    ['X-Contentful-Webhook-Name', SENT_HEADERS['x-contentful-webhook-name']],
    ...(Object.entries(signed) as HeaderPair[]),
  ];
  return {
    method: 'POST',
    url: overrides.url ?? PATH,
    headers: headers.filter(([n]) => n.toLowerCase() !== overrides.drop),
    body: Buffer.from(overrides.body ?? BODY),
  };
}

describe('contentful', () => {
  it('accepts a request signed by @contentful/node-apps-toolkit signRequest', () => {
    const now = nowSec();
    const req = contentfulRequest(now * 1000 - 5000);
    const r = contentful.verify(req, { secret: SECRET, now });
    expect(r).toMatchObject({ provider: 'contentful', valid: true, skewSec: -5 });
    expect(r.reason).toMatch(
      /matches over POST \/hooks\/contentful\?env%253Dmaster%2526verbose%253D1, 5 signed headers and the raw body; timestamp within 30 s/,
    );
  });

  it('takes the path from a full URL too', () => {
    const now = nowSec();
    const req = contentfulRequest(now * 1000, { url: `https://abc.loca.lt${PATH}` });
    expect(contentful.verify(req, { secret: SECRET, now }).valid).toBe(true);
  });

  it('signs so that @contentful/node-apps-toolkit verifyRequest accepts', () => {
    const signed = contentful.sign!({
      secret: SECRET,
      body: Buffer.from(BODY),
      method: 'POST',
      url: PATH,
      headers: [
        ['Content-Type', SENT_HEADERS['content-type']],
        ['X-Contentful-Topic', SENT_HEADERS['x-contentful-topic']],
        ['Host', 'localhost:3000'],
      ],
    });
    const headers: Record<string, string> = { ...SENT_HEADERS, host: 'localhost:3000', ...Object.fromEntries(signed) };
    expect(headers['x-contentful-signed-headers']).toBe(
      'content-type,x-contentful-signed-headers,x-contentful-timestamp,x-contentful-topic',
    );
    expect(verifyRequest(SECRET, { method: 'POST', path: PATH, headers, body: BODY }, 30)).toBe(true);
    expect(verifyRequest(SECRET, { method: 'POST', path: PATH, headers, body: `${BODY} ` }, 30)).toBe(false);
    expect(verifyRequest(SECRET, { method: 'POST', path: '/other', headers, body: BODY }, 30)).toBe(false);
  });

  it('reports a tampered body', () => {
    const now = nowSec();
    const r = contentful.verify(contentfulRequest(now * 1000, { body: BODY.replace('Kraków', 'Gdańsk') }), {
      secret: SECRET,
      now,
    });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.expected).toMatch(/^[0-9a-f]{64}$/);
    expect(r.received).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a wrong secret of the right shape, with where secrets come from', () => {
    const now = nowSec();
    const r = contentful.verify(contentfulRequest(now * 1000), { secret: 'A'.repeat(64), now });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.hints?.join(' ')).toMatch(/Enable request verification/);
  });

  it('names a secret that cannot be a Contentful secret', () => {
    const now = nowSec();
    const r = contentful.verify(contentfulRequest(now * 1000), { secret: 'CFPAT-management-token', now });
    expect(r).toMatchObject({ valid: false, failure: 'secret_format' });
    expect(r.reason).toMatch(/22 characters; Contentful signing secrets are exactly 64/);
  });

  it('points at a rewritten path and at a dropped signed header', () => {
    const now = nowSec();
    const moved = contentful.verify(contentfulRequest(now * 1000, { url: '/contentful' }), { secret: SECRET, now });
    expect(moved).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(moved.hints?.join(' ')).toMatch(/covers POST \/contentful/);
    const dropped = contentful.verify(contentfulRequest(now * 1000, { drop: 'x-contentful-topic' }), {
      secret: SECRET,
      now,
    });
    expect(dropped.hints?.join(' ')).toMatch(/signed header x-contentful-topic is not on the captured request/);
  });

  it('reports a stale timestamp with the skew, as the toolkit rejects it', () => {
    const now = nowSec();
    const req = contentfulRequest((now - 45) * 1000);
    const headers = Object.fromEntries(req.headers.map(([n, v]) => [n.toLowerCase(), v]));
    expect(() => verifyRequest(SECRET, { method: 'POST', path: PATH, headers, body: BODY }, 30)).toThrow(/within 30s/);
    const r = contentful.verify(req, { secret: SECRET, now });
    expect(r).toMatchObject({ valid: false, failure: 'timestamp_out_of_tolerance', skewSec: -45 });
    expect(r.reason).toMatch(/45 s old, outside the 30 s tolerance/);
  });

  it('reports each missing header and a missing URL', () => {
    const now = nowSec();
    for (const name of ['x-contentful-signature', 'x-contentful-timestamp', 'x-contentful-signed-headers']) {
      const r = contentful.verify(contentfulRequest(now * 1000, { drop: name }), { secret: SECRET, now });
      expect(r).toMatchObject({ valid: false, failure: 'missing_header' });
      expect(r.reason).toContain(name);
    }
    const { url: _unused, ...noUrl } = contentfulRequest(now * 1000);
    expect(contentful.verify(noUrl, { secret: SECRET, now })).toMatchObject({ valid: false, failure: 'url_mismatch' });
  });

  it('reports malformed headers', () => {
    const now = nowSec();
    const base = contentfulRequest(now * 1000);
    const replace = (name: string, value: string): SignedRequest => ({
      ...base,
      headers: base.headers.map(([n, v]) => [n, n.toLowerCase() === name ? value : v] as HeaderPair),
    });
    expect(contentful.verify(replace('x-contentful-signature', 'sha256=abc'), { secret: SECRET, now }).failure).toBe(
      'malformed_header',
    );
    const secs = contentful.verify(replace('x-contentful-timestamp', String(now)), { secret: SECRET, now });
    expect(secs).toMatchObject({ failure: 'malformed_header' });
    expect(secs.reason).toMatch(/looks like seconds/);
    expect(
      contentful.verify(replace('x-contentful-signed-headers', 'content-type'), { secret: SECRET, now }).failure,
    ).toBe('malformed_header');
  });
});
