/*
 * Contentful webhook request verification. Three headers:
 *   x-contentful-signature       hex(HMAC-SHA256(signing secret, canonical request))
 *   x-contentful-timestamp       unix milliseconds
 *   x-contentful-signed-headers  comma-separated lower-case names of the headers that were signed
 * The canonical request is "<METHOD>\n<path>\n<k1>:<v1>;<k2>:<v2>…\n<raw body>" with the signed
 * headers lower-cased, trimmed and sorted by name; the signed-headers and timestamp headers are
 * always among them. The path is normalised the way @contentful/node-apps-toolkit does it (the
 * query is querystring-escaped, then the whole is encodeURI'd), because that is what Contentful
 * signs against. Contentful signs the request path, so the capture's URL (or `opts.url`) is needed.
 *
 * Secrets are exactly 64 characters of [0-9a-zA-Z+/=_-]. Tolerance 30 s, the toolkit's default TTL.
 */
import { escape as querystringEscape } from 'node:querystring';
import { headerValues, type HeaderPair } from '../../../../shared/capture';
import { checkSignature } from '../check-signature';
import { hasHeader, header, hmac, invalid, nowSeconds, valid } from '../crypto-helpers';
import { checkTimestamp, describeWindow, toleranceHints } from '../timestamps';
import type { Provider, SignedRequest, SignOptions, VerifyOptions, VerifyResult } from '../types';

const ID = 'contentful';
const SIGNATURE = 'x-contentful-signature';
const TIMESTAMP = 'x-contentful-timestamp';
const SIGNED_HEADERS = 'x-contentful-signed-headers';
const TOLERANCE_SEC = 30;
const SECRET_ADVICE =
  'the signing secret is generated under Settings → Webhooks → Settings → Enable request verification (shown once)';

interface Canonical {
  method: string;
  path: string;
  /** Signed headers by lower-case name, as they will be hashed (signed-headers and timestamp included). */
  headers: Map<string, string>;
}

/** The toolkit's getNormalizedEncodedURI: only the part before a second "?" survives, by design of split. */
export function canonicalPath(uri: string): string {
  const [pathname, search] = uri.split('?');
  const escaped = search ? querystringEscape(search) : '';
  try {
    return encodeURI(escaped ? `${pathname}?${escaped}` : pathname);
  } catch {
    return escaped ? `${pathname}?${escaped}` : pathname;
  }
}

/** Path and query of a full URL or of a request-line path. */
function pathOf(url: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

function canonicalString(c: Canonical): string {
  const names = [...c.headers.keys()].sort((a, b) => (a > b ? 1 : -1));
  const headerLine = names.map((n) => `${n}:${c.headers.get(n)}`).join(';');
  return `${c.method}\n${c.path}\n${headerLine}\n`;
}

function compute(secret: string, c: Canonical, body: Buffer): string {
  return hmac('sha256', secret, Buffer.concat([Buffer.from(canonicalString(c)), body]), 'hex');
}

/** Builds the signed header map; the signed-headers value is re-derived from the names kept, as the toolkit does. */
function signedHeaderMap(
  names: string[],
  valueOf: (name: string) => string | undefined,
  timestampMs: string,
): { map: Map<string, string>; absent: string[] } {
  const map = new Map<string, string>();
  const absent: string[] = [];
  for (const name of names) {
    if (name === TIMESTAMP || name === SIGNED_HEADERS) continue;
    const value = valueOf(name);
    if (value === undefined) absent.push(name);
    else map.set(name, value.trim());
  }
  const list = [...map.keys(), SIGNED_HEADERS, TIMESTAMP].sort((a, b) => (a > b ? 1 : -1));
  map.set(TIMESTAMP, timestampMs);
  map.set(SIGNED_HEADERS, list.join(','));
  return { map, absent };
}

function secretShapeProblem(secret: string): string | undefined {
  if (secret.length !== 64)
    return `the secret has ${secret.length} characters; Contentful signing secrets are exactly 64`;
  if (!/^[0-9a-zA-Z+/=_-]+$/.test(secret))
    return 'the secret contains characters Contentful never uses (allowed: letters, digits, + / = _ -)';
  return undefined;
}

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const received = header(req, SIGNATURE)?.trim();
  if (received === undefined) {
    return invalid(
      ID,
      'missing_header',
      `${SIGNATURE} header is missing: request verification is not enabled for this space, or the request is not from Contentful`,
    );
  }
  const tsText = header(req, TIMESTAMP)?.trim();
  if (tsText === undefined)
    return invalid(ID, 'missing_header', `${TIMESTAMP} header is missing; it is part of what Contentful signs`);
  const listText = header(req, SIGNED_HEADERS);
  if (listText === undefined)
    return invalid(
      ID,
      'missing_header',
      `${SIGNED_HEADERS} header is missing; without it the signed headers are unknown`,
    );

  if (!/^[0-9a-f]{64}$/i.test(received)) {
    return invalid(
      ID,
      'malformed_header',
      `${SIGNATURE} should be 64 hex characters (HMAC-SHA256), got ${received.length} characters`,
      { received },
    );
  }
  if (!/^\d{1,16}$/.test(tsText))
    return invalid(ID, 'malformed_header', `${TIMESTAMP} "${tsText}" is not unix milliseconds`);
  if (tsText.length <= 10)
    return invalid(
      ID,
      'malformed_header',
      `${TIMESTAMP} ${tsText} looks like seconds; Contentful signs unix milliseconds`,
    );
  const names = [
    ...new Set(
      listText
        .split(',')
        .map((n) => n.trim().toLowerCase())
        .filter((n) => n !== ''),
    ),
  ];
  if (names.length < 2) {
    return invalid(
      ID,
      'malformed_header',
      `${SIGNED_HEADERS} lists ${names.length} header(s); Contentful always signs at least ${TIMESTAMP} and ${SIGNED_HEADERS}`,
    );
  }
  const url = opts.url ?? req.url;
  if (url === undefined || url === '') {
    return invalid(
      ID,
      'url_mismatch',
      'Contentful signs the request path, and this request has no URL: give the URL Contentful called',
    );
  }
  if (opts.secret === '') return invalid(ID, 'secret_format', `no secret given: ${SECRET_ADVICE}`);

  const timestampMs = String(Number(tsText));
  const { map, absent } = signedHeaderMap(
    names,
    (n) => {
      const values = headerValues(req.headers, n);
      return values.length ? values.join(', ') : undefined;
    },
    timestampMs,
  );
  const canonical: Canonical = { method: req.method.toUpperCase(), path: canonicalPath(pathOf(url)), headers: map };
  const time = checkTimestamp(ID, Math.round(Number(tsText) / 1000), opts, TOLERANCE_SEC);
  const check = checkSignature(ID, req, opts, {
    received,
    candidates: [received.toLowerCase()],
    what: SIGNATURE,
    compute: (secret, body) => compute(secret, canonical, body),
    extra: { skewSec: time.skewSec },
  });
  const { expected } = check;

  if (check.matched === undefined) {
    const result = check.explain();
    const hints = [...(result.hints ?? [])];
    if (absent.length)
      hints.push(
        `signed header${absent.length > 1 ? 's' : ''} ${absent.join(', ')} ${absent.length > 1 ? 'are' : 'is'} not on the captured request: a proxy may have dropped ${absent.length > 1 ? 'them' : 'it'}`,
      );
    hints.push(
      `the signature covers ${canonical.method} ${canonical.path}: if a proxy or tunnel changed the method or path, give the URL Contentful called`,
    );
    hints.push(...toleranceHints(time));
    const shape = result.failure === 'signature_mismatch' ? secretShapeProblem(opts.secret.trim()) : undefined;
    if (shape)
      return {
        ...result,
        failure: 'secret_format',
        reason: `${SIGNATURE} does not match and ${shape}`,
        hints: [SECRET_ADVICE],
      };
    if (result.failure === 'signature_mismatch') hints.push(SECRET_ADVICE);
    return { ...result, hints };
  }
  if (time.failure) return { ...time.failure, expected, received };
  return valid(
    ID,
    `${SIGNATURE} matches over ${canonical.method} ${canonical.path}, ${map.size} signed headers and the raw body; ${describeWindow(time)} (skew ${time.skewSec} s)`,
    {
      expected,
      received,
      skewSec: time.skewSec,
    },
  );
}

/** Signs content-type and the x-contentful-* headers given: they survive a replay, unlike host or content-length. */
function sign(opts: SignOptions): HeaderPair[] {
  const timestampMs = String((opts.timestamp ?? nowSeconds()) * 1000);
  const given = (opts.headers ?? []).filter(([n]) => {
    const lower = n.toLowerCase();
    return (
      lower === 'content-type' ||
      (lower.startsWith('x-contentful-') && lower !== SIGNATURE && lower !== TIMESTAMP && lower !== SIGNED_HEADERS)
    );
  });
  const names = [...new Set(given.map(([n]) => n.toLowerCase()))];
  const { map } = signedHeaderMap(names, (n) => headerValues(given, n).join(', '), timestampMs);
  const canonical: Canonical = {
    method: (opts.method ?? 'POST').toUpperCase(),
    path: canonicalPath(pathOf(opts.url ?? '/')),
    headers: map,
  };
  return [
    [SIGNATURE, compute(opts.secret, canonical, opts.body)],
    [SIGNED_HEADERS, map.get(SIGNED_HEADERS)!],
    [TIMESTAMP, timestampMs],
  ];
}

export const contentful: Provider = {
  id: ID,
  name: 'Contentful',
  signatureHeaders: [SIGNATURE, TIMESTAMP, SIGNED_HEADERS],
  secretHint:
    'Webhook signing secret, 64 characters (Space settings → Webhooks → Settings → Enable request verification)',
  toleranceSec: TOLERANCE_SEC,
  // Only the path and query are signed, but they have to come from the URL the sender called.
  needsUrl: true,
  detect: (req) => hasHeader(req, SIGNATURE),
  verify,
  sign,
};
