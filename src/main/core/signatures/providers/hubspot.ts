/*
 * HubSpot: v3 (current) is `X-HubSpot-Signature-v3: base64(HMAC-SHA256(client secret,
 * method + uri + body + timestamp))` with `X-HubSpot-Request-Timestamp` in milliseconds and a
 * 5 minute window. `uri` is the full URL HubSpot called with some percent-escapes decoded (the list
 * HubSpot publishes). Older requests carry `X-HubSpot-Signature` with v1 (SHA-256 hex of secret +
 * body) or v2 (SHA-256 hex of secret + method + uri + body), named by X-HubSpot-Signature-Version.
 * https://developers.hubspot.com/docs/api/webhooks/validating-requests
 */
import { createHash } from 'node:crypto';
import { HooklensError } from '../../../../shared/errors';
import type { HeaderPair } from '../../../../shared/capture';
import { checkSignature } from '../check-signature';
import { hasHeader, header, hmac, invalid, nowSeconds, safeEqual, valid } from '../crypto-helpers';
import { withHints } from '../mismatch';
import { checkTimestamp, describeSkew } from '../timestamps';
import type { Provider, SignOptions, SignedRequest, VerifyOptions, VerifyResult } from '../types';
import { findUrlMismatch, resolveSignedUrl } from '../url-variants';

const ID = 'hubspot';
const V3_HEADER = 'X-HubSpot-Signature-v3';
const TS_HEADER = 'X-HubSpot-Request-Timestamp';
const LEGACY_HEADER = 'X-HubSpot-Signature';
const VERSION_HEADER = 'X-HubSpot-Signature-Version';
const TOLERANCE_SEC = 300;

// HubSpot decodes exactly these escapes before signing; everything else stays encoded.
const DECODED: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

export function hubspotSignedUri(url: string): string {
  return url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => DECODED[m.toUpperCase()]!);
}

function computeV3(secret: string, method: string, url: string, body: Buffer, ts: string): string {
  return hmac(
    'sha256',
    secret,
    Buffer.concat([Buffer.from(method.toUpperCase() + hubspotSignedUri(url)), body, Buffer.from(ts)]),
    'base64',
  );
}

function computeLegacy(version: 'v1' | 'v2', secret: string, method: string, url: string, body: Buffer): string {
  const prefix = version === 'v1' ? secret : secret + method.toUpperCase() + url;
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(prefix), body]))
    .digest('hex');
}

function needUrl(version: string): VerifyResult {
  return invalid(
    ID,
    'url_mismatch',
    `HubSpot ${version} signs the full URL it called: give that URL (e.g. https://example.com/hubspot/webhook), or capture with a Host header`,
  );
}

function verifyV3(req: SignedRequest, opts: VerifyOptions, raw: string): VerifyResult {
  const received = raw.trim();
  if (!/^[A-Za-z0-9+/]{43}=$/.test(received)) {
    return invalid(
      ID,
      'malformed_header',
      `${V3_HEADER} should be 44 characters of base64 (an HMAC-SHA256), got "${received.slice(0, 80)}"`,
      { received },
    );
  }
  const tsRaw = header(req, TS_HEADER);
  if (tsRaw === undefined)
    return invalid(
      ID,
      'missing_header',
      `${V3_HEADER} is present but ${TS_HEADER} is missing; HubSpot signs that timestamp`,
      { received },
    );
  const ts = tsRaw.trim();
  if (!/^\d{10,16}$/.test(ts))
    return invalid(ID, 'malformed_header', `${TS_HEADER} "${ts.slice(0, 40)}" is not a unix time in milliseconds`, {
      received,
    });
  const resolved = resolveSignedUrl(req, opts);
  if (!resolved) return needUrl('v3');
  const hints = resolved.assumption ? [resolved.assumption] : [];

  const time = checkTimestamp(ID, Math.floor(Number(ts) / 1000), opts, TOLERANCE_SEC);
  const check = checkSignature(ID, req, opts, {
    received,
    what: 'v3 signature',
    compute: (secret, body) => computeV3(secret, req.method, resolved.url, body, ts),
    extra: { skewSec: time.skewSec },
  });
  const { expected } = check;
  if (check.matched === undefined) {
    const extra = { expected, received, skewSec: time.skewSec, ...(hints.length ? { hints } : {}) };
    const byUrl = findUrlMismatch(
      ID,
      resolved.url,
      (u) => safeEqual(computeV3(opts.secret, req.method, u, req.body, ts), received),
      extra,
    );
    return (
      byUrl ??
      withHints(check.explain(), [
        ...hints,
        "HubSpot signs with the app's client secret (app settings › Auth), not a private app access token",
      ])
    );
  }
  if (time.failure) return { ...time.failure, expected, received };
  return valid(
    ID,
    `v3 signature matches for ${req.method.toUpperCase()} ${resolved.url} (timestamp ${describeSkew(time.skewSec)})`,
    {
      expected,
      received,
      skewSec: time.skewSec,
      ...(hints.length ? { hints } : {}),
    },
  );
}

function verifyLegacy(req: SignedRequest, opts: VerifyOptions, raw: string): VerifyResult {
  const received = raw.trim().toLowerCase();
  const versionRaw = (header(req, VERSION_HEADER) ?? 'v1').trim().toLowerCase();
  if (versionRaw !== 'v1' && versionRaw !== 'v2')
    return invalid(
      ID,
      'malformed_header',
      `${VERSION_HEADER} is "${versionRaw.slice(0, 20)}"; only v1 and v2 use ${LEGACY_HEADER}`,
    );
  const version: 'v1' | 'v2' = versionRaw;
  if (!/^[0-9a-f]{64}$/.test(received))
    return invalid(
      ID,
      'malformed_header',
      `${LEGACY_HEADER} should be 64 hex characters (SHA-256), got "${received.slice(0, 80)}"`,
      { received },
    );
  let url = '';
  let hints: string[] = [];
  if (version === 'v2') {
    const resolved = resolveSignedUrl(req, opts);
    if (!resolved) return needUrl('v2');
    url = resolved.url;
    hints = resolved.assumption ? [resolved.assumption] : [];
  }
  const check = checkSignature(ID, req, opts, {
    received,
    what: `${version} signature`,
    compute: (secret, body) => computeLegacy(version, secret, req.method, url, body),
  });
  const { expected } = check;
  if (check.matched !== undefined) {
    return valid(
      ID,
      `${version} signature matches (no timestamp is signed in ${version}; HubSpot's current scheme is v3)`,
      { expected, received, ...(hints.length ? { hints } : {}) },
    );
  }
  if (version === 'v2') {
    const byUrl = findUrlMismatch(
      ID,
      url,
      (u) => safeEqual(computeLegacy('v2', opts.secret, req.method, u, req.body), received),
      { expected, received },
    );
    if (byUrl) return byUrl;
  }
  return withHints(check.explain(), hints);
}

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const v3 = header(req, V3_HEADER);
  if (v3 !== undefined) return verifyV3(req, opts, v3);
  const legacy = header(req, LEGACY_HEADER);
  if (legacy !== undefined) return verifyLegacy(req, opts, legacy);
  return invalid(
    ID,
    'missing_header',
    `neither ${V3_HEADER} nor ${LEGACY_HEADER} is present: the request was not signed by HubSpot, or a proxy dropped the headers`,
  );
}

function sign(opts: SignOptions): HeaderPair[] {
  if (!opts.url || !/^https?:\/\//i.test(opts.url))
    throw new HooklensError('invalid_argument', 'HubSpot v3 signs the full URL: give the URL (--url)');
  const ts = String((opts.timestamp ?? nowSeconds()) * 1000);
  return [
    [V3_HEADER, computeV3(opts.secret, opts.method ?? 'POST', opts.url, opts.body, ts)],
    [TS_HEADER, ts],
  ];
}

export const hubspot: Provider = {
  id: ID,
  name: 'HubSpot',
  signatureHeaders: [V3_HEADER, TS_HEADER, LEGACY_HEADER],
  secretHint: 'Client secret of the HubSpot app (app settings › Auth); v3 also needs the full URL HubSpot called',
  toleranceSec: TOLERANCE_SEC,
  detect: (req) => hasHeader(req, V3_HEADER) || hasHeader(req, LEGACY_HEADER),
  verify,
  sign,
};
