/*
 * Twilio: `X-Twilio-Signature: base64(HMAC-SHA1(auth token, data))` where data is the full URL
 * Twilio called (scheme, host, path, query) followed, for form posts, by every POST parameter as
 * name+value sorted by name (repeated names: distinct values sorted). For JSON bodies Twilio adds
 * `bodySHA256=<hex SHA-256 of the body>` to the query and signs the URL alone. Like Twilio's own
 * validator we also accept the URL with the default port added or removed, since proxies differ on
 * whether Twilio's :443 survives. No timestamp is signed.
 */
import { createHash } from 'node:crypto';
import { HooklensError } from '../../../../shared/errors';
import { hmac, header, invalid, safeEqual, valid } from '../crypto-helpers';
import { explainMismatch } from '../mismatch';
import { findUrlMismatch } from '../url-variants';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';
import type { HeaderPair } from '../../../../shared/capture';

const ID = 'twilio';
const HEADER = 'X-Twilio-Signature';

type Params = Map<string, string[]>;

function isForm(headers: readonly HeaderPair[] | undefined, body: Buffer): boolean {
  const ct = headers ? header({ headers }, 'content-type') : undefined;
  if (ct !== undefined) return /application\/x-www-form-urlencoded/i.test(ct);
  const first = body.toString('utf8').trimStart()[0];
  return body.length > 0 && first !== '{' && first !== '[';
}

function formParams(body: Buffer): Params {
  const params: Params = new Map();
  for (const [k, v] of new URLSearchParams(body.toString('utf8'))) {
    const list = params.get(k) ?? [];
    list.push(v);
    params.set(k, list);
  }
  return params;
}

function signedData(url: string, params: Params): string {
  let data = url;
  for (const key of [...params.keys()].sort()) {
    for (const v of [...new Set(params.get(key))].sort()) data += key + v;
  }
  return data;
}

function compute(token: string, url: string, params: Params): string {
  return hmac('sha1', token, Buffer.from(signedData(url, params), 'utf8'), 'base64');
}

function hasBodyHash(url: string): boolean {
  return url.includes('bodySHA256');
}

function paramsFor(url: string, req: { headers: readonly HeaderPair[]; body: Buffer }, body = req.body): Params {
  return !hasBodyHash(url) && isForm(req.headers, body) ? formParams(body) : new Map();
}

/** The URL with the default port added and removed, as Twilio's validator tries both. */
function portForms(url: string): string[] {
  const m = /^(https?:\/\/)([^/?#]*)(.*)$/i.exec(url);
  if (!m) return [url];
  const [, scheme, authority, rest] = m;
  const host = authority.replace(/:\d+$/, '');
  const port = scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  return [...new Set([url, scheme + host + rest, /:\d+$/.test(authority) ? url : scheme + host + port + rest])];
}

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const value = header(req, HEADER);
  if (value === undefined) return invalid(ID, 'missing_header', `${HEADER} header is missing`);
  const received = value.trim();
  const url = opts.url ?? req.url;
  if (!url || !/^https?:\/\//i.test(url)) {
    return invalid(
      ID,
      'url_mismatch',
      'Twilio signs the full URL it called: give that URL (e.g. https://example.com/sms?x=1)',
    );
  }
  const matchesUrl = (u: string, body = req.body, token = opts.secret): boolean =>
    portForms(u).some((form) => safeEqual(received, compute(token, form, paramsFor(u, req, body))));

  const expected = compute(opts.secret, url, paramsFor(url, req));
  if (matchesUrl(url)) {
    if (hasBodyHash(url)) {
      const hash = new URL(url).searchParams.get('bodySHA256') ?? '';
      const actual = createHash('sha256').update(req.body).digest('hex');
      if (!safeEqual(hash.toLowerCase(), actual)) {
        return invalid(
          ID,
          'signature_mismatch',
          `URL signature matches but the body's SHA-256 ${actual} differs from bodySHA256=${hash}: the body changed after signing`,
          {
            expected: actual,
            received: hash,
          },
        );
      }
      return valid(ID, `${HEADER} matches the URL and the body matches bodySHA256`, { expected: received, received });
    }
    return valid(ID, `${HEADER} matches the URL and form parameters`, { expected: received, received });
  }
  const wrongUrl = findUrlMismatch(ID, url, (u) => matchesUrl(u), { expected, received });
  if (wrongUrl) return wrongUrl;
  return explainMismatch({
    provider: ID,
    body: req.body,
    secret: opts.secret,
    expected,
    received,
    what: HEADER,
    matches: (c) => matchesUrl(url, c.body, c.secret),
  });
}

export const twilio: Provider = {
  id: ID,
  name: 'Twilio',
  signatureHeaders: [HEADER],
  secretHint: 'The account Auth Token (Console → Account info), not an API key secret',
  needsUrl: true,
  detect: (req) => header(req, HEADER) !== undefined,
  verify,
  sign(opts) {
    if (!opts.url) throw new HooklensError('invalid_argument', 'Twilio signs the full URL: give the URL (--url)');
    const params = paramsFor(opts.url, { headers: opts.headers ?? [], body: opts.body });
    return [[HEADER, compute(opts.secret, opts.url, params)]];
  },
};
