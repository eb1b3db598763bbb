/*
 * The Stripe-like family: one header `t=<timestamp>,v1=<signature>` where the signature is
 * HMAC-SHA256(secret, "<t>.<raw body>"). Sanity, Mux and WorkOS use it and differ only in the unit
 * of `t` (Mux seconds, Sanity and WorkOS milliseconds), the encoding of v1 (hex or base64url), the
 * separator and the tolerance. `t` is signed exactly as written, so it is kept as text.
 *
 * A `t` in the wrong unit is the classic hand-rolled-sender bug: it signs fine but every receiver
 * rejects it as decades old or far in the future, so it is reported as a malformed header.
 */
import { checkSignature } from '../check-signature';
import { hasHeader, header, hmac, invalid, nowSeconds, valid } from '../crypto-helpers';
import { parseHeaderParams } from '../header-params';
import { withHints } from '../mismatch';
import { checkTimestamp, describeWindow, toleranceHints } from '../timestamps';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';
import { schemeIdentity } from './scheme-identity';

export interface TimestampedHmacScheme {
  id: string;
  name: string;
  header: string;
  unit: 's' | 'ms';
  encoding: 'hex' | 'base64url';
  /** Written between the t= and v1= parts when signing. */
  separator: ',' | ', ';
  toleranceSec: number;
  secretHint: string;
  /** Where the right secret lives; added as a hint when nothing else explains a mismatch. */
  secretAdvice: string;
}

interface ParsedHeader {
  t: string | undefined;
  v1: string[];
}

/** Comma-separated `key=value` parts; whitespace around parts is tolerated, as the senders' own libraries do. */
export function parseTimestampedHeader(value: string): ParsedHeader {
  const params = parseHeaderParams(value, ',');
  return { t: params.get('t')?.[0], v1: (params.get('v1') ?? []).filter((v) => v !== '') };
}

function format(scheme: TimestampedHmacScheme): string {
  return `t=<unix ${scheme.unit === 's' ? 'seconds' : 'milliseconds'}>${scheme.separator}v1=<${scheme.encoding}>`;
}

export function computeTimestampedHmac(scheme: TimestampedHmacScheme, secret: string, t: string, body: Buffer): string {
  return hmac('sha256', secret, Buffer.concat([Buffer.from(`${t}.`), body]), scheme.encoding);
}

/** Whole seconds of `t`, or a reason it cannot be this scheme's timestamp. */
function timestampSeconds(scheme: TimestampedHmacScheme, t: string): number | string {
  if (!/^\d{1,16}$/.test(t))
    return `${scheme.header} timestamp "${t}" is not a whole number of unix ${scheme.unit === 's' ? 'seconds' : 'milliseconds'}`;
  if (scheme.unit === 's' && t.length >= 13) {
    return `${scheme.header} timestamp ${t} looks like milliseconds; ${scheme.name} signs unix seconds`;
  }
  if (scheme.unit === 'ms' && t.length <= 10) {
    return `${scheme.header} timestamp ${t} looks like seconds; ${scheme.name} signs unix milliseconds`;
  }
  const n = Number(t);
  return scheme.unit === 's' ? n : Math.round(n / 1000);
}

function signatureShapeProblem(scheme: TimestampedHmacScheme, sig: string): string | undefined {
  if (scheme.encoding === 'hex') {
    return /^[0-9a-fA-F]{64}$/.test(sig)
      ? undefined
      : `${scheme.header} v1 should be 64 hex characters (HMAC-SHA256), got "${sig.length > 80 ? `${sig.slice(0, 80)}…` : sig}"`;
  }
  if (/^[A-Za-z0-9_-]{43}$/.test(sig)) return undefined;
  if (/^[A-Za-z0-9+/]{43}=$/.test(sig)) {
    return `${scheme.header} v1 is standard padded base64; ${scheme.name} sends base64url without padding ("-" and "_", no "=")`;
  }
  return `${scheme.header} v1 should be 43 base64url characters (HMAC-SHA256), got ${sig.length} characters`;
}

function verify(scheme: TimestampedHmacScheme, req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const { id } = scheme;
  const raw = header(req, scheme.header);
  if (raw === undefined) {
    return invalid(
      id,
      'missing_header',
      `${scheme.header} header is missing: the request was not signed by ${scheme.name}, or a proxy dropped the header`,
    );
  }
  const parsed = parseTimestampedHeader(raw);
  if (parsed.t === undefined)
    return invalid(id, 'malformed_header', `${scheme.header} has no t= timestamp (expected "${format(scheme)}")`);
  if (parsed.v1.length === 0)
    return invalid(id, 'malformed_header', `${scheme.header} has no v1= signature (expected "${format(scheme)}")`);
  const t = parsed.t;
  const seconds = timestampSeconds(scheme, t);
  if (typeof seconds === 'string') return invalid(id, 'malformed_header', seconds);
  for (const sig of parsed.v1) {
    const problem = signatureShapeProblem(scheme, sig);
    if (problem && parsed.v1.length === 1) return invalid(id, 'malformed_header', problem, { received: sig });
  }
  if (opts.secret === '') return invalid(id, 'secret_format', `no secret given: ${scheme.secretAdvice}`);

  const time = checkTimestamp(id, seconds, opts, scheme.toleranceSec);
  const check = checkSignature(id, req, opts, {
    received: parsed.v1.join(' '),
    candidates: parsed.v1,
    what: 'v1 signature',
    compute: (secret, body) => computeTimestampedHmac(scheme, secret, t, body),
    extra: { skewSec: time.skewSec },
  });
  if (check.matched === undefined) {
    const result = check.explain();
    const advice = result.failure === 'signature_mismatch' ? [scheme.secretAdvice] : [];
    return withHints(result, [...advice, ...toleranceHints(time)]);
  }
  const { expected } = check;
  if (time.failure) return { ...time.failure, expected, received: expected };
  return valid(id, `v1 signature matches; ${describeWindow(time)} (skew ${time.skewSec} s)`, {
    expected,
    received: expected,
    skewSec: time.skewSec,
  });
}

export function timestampedHmacProvider(scheme: TimestampedHmacScheme): Provider {
  return {
    ...schemeIdentity(scheme, [scheme.header]),
    detect: (req) => hasHeader(req, scheme.header),
    verify: (req, opts) => verify(scheme, req, opts),
    sign(opts) {
      const seconds = opts.timestamp ?? nowSeconds();
      const t = String(scheme.unit === 's' ? seconds : seconds * 1000);
      const sig = computeTimestampedHmac(scheme, opts.secret, t, opts.body);
      return [[scheme.header, `t=${t}${scheme.separator}v1=${sig}`]];
    },
  };
}
