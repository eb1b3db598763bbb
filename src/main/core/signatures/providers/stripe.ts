/*
 * Stripe: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…][,v0=…]`. The v1 signature is
 * hex(HMAC-SHA256(secret, "<t>.<raw body>")) where the key is the whole "whsec_…" string as
 * text (it is not base64-decoded). Several v1 entries appear while a secret is being rolled; any
 * one matching is enough. Tolerance: 300 s, as in Stripe's libraries.
 */
import { checkSignature } from '../check-signature';
import { hmac, header, invalid, nowSeconds, valid } from '../crypto-helpers';
import { parseHeaderParams } from '../header-params';
import { withHints } from '../mismatch';
import { checkTimestamp, parseUnixSeconds, toleranceHints } from '../timestamps';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

const ID = 'stripe';
const HEADER = 'Stripe-Signature';
const TOLERANCE_SEC = 300;

interface StripeHeader {
  timestamp: string | undefined;
  v1: string[];
}

function parseHeader(value: string): StripeHeader {
  const params = parseHeaderParams(value, ',');
  return { timestamp: params.get('t')?.at(-1), v1: params.get('v1') ?? [] };
}

function compute(secret: string, timestamp: string, body: Buffer): string {
  return hmac('sha256', secret, Buffer.concat([Buffer.from(`${timestamp}.`), body]), 'hex');
}

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const value = header(req, HEADER);
  if (value === undefined) return invalid(ID, 'missing_header', `${HEADER} header is missing`);
  const parsed = parseHeader(value);
  if (parsed.timestamp === undefined) {
    return invalid(ID, 'malformed_header', `${HEADER} has no t= timestamp (expected "t=<unix>,v1=<hex>")`);
  }
  const ts = parseUnixSeconds(parsed.timestamp);
  if (ts === undefined)
    return invalid(ID, 'malformed_header', `${HEADER} timestamp "${parsed.timestamp}" is not unix seconds`);
  if (parsed.v1.length === 0) {
    return invalid(ID, 'malformed_header', `${HEADER} has no v1= signature (expected "t=<unix>,v1=<hex>")`);
  }
  const time = checkTimestamp(ID, ts, opts, TOLERANCE_SEC);
  const t = parsed.timestamp;
  const check = checkSignature(ID, req, opts, {
    received: parsed.v1.join(' '),
    candidates: parsed.v1,
    what: 'v1 signature',
    compute: (secret, body) => compute(secret, t, body),
    extra: { skewSec: time.skewSec },
  });
  if (check.matched === undefined) return withHints(check.explain(), toleranceHints(time));
  const { expected } = check;
  if (time.failure) return { ...time.failure, expected, received: expected };
  return valid(ID, `v1 signature matches; timestamp within ${time.toleranceSec} s (skew ${time.skewSec} s)`, {
    expected,
    received: expected,
    skewSec: time.skewSec,
  });
}

export const stripe: Provider = {
  id: ID,
  name: 'Stripe',
  signatureHeaders: [HEADER],
  secretHint: 'Endpoint signing secret, "whsec_…" (Dashboard → Developers → Webhooks, or `stripe listen`)',
  toleranceSec: TOLERANCE_SEC,
  detect: (req) => header(req, HEADER) !== undefined,
  verify,
  sign(opts) {
    const t = String(opts.timestamp ?? nowSeconds());
    return [[HEADER, `t=${t},v1=${compute(opts.secret, t, opts.body)}`]];
  },
};
