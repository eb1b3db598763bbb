/*
 * Stripe: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…][,v0=…]`. The v1 signature is
 * hex(HMAC-SHA256(secret, "<t>.<raw body>")) where the key is the whole "whsec_…" string as
 * text (it is not base64-decoded). Several v1 entries appear while a secret is being rolled; any
 * one matching is enough. Tolerance: 300 s, as in Stripe's libraries.
 */
import { hmac, header, invalid, nowSeconds, safeEqual, valid } from '../crypto-helpers';
import { explainMismatch } from '../mismatch';
import { checkTimestamp, parseUnixSeconds } from '../timestamps';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

const ID = 'stripe';
const HEADER = 'Stripe-Signature';
const TOLERANCE_SEC = 300;

interface StripeHeader {
  timestamp: string | undefined;
  v1: string[];
}

function parseHeader(value: string): StripeHeader {
  const out: StripeHeader = { timestamp: undefined, v1: [] };
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const val = part.slice(eq + 1).trim();
    if (key === 't') out.timestamp = val;
    else if (key === 'v1') out.v1.push(val);
  }
  return out;
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
  if (ts === undefined) return invalid(ID, 'malformed_header', `${HEADER} timestamp "${parsed.timestamp}" is not unix seconds`);
  if (parsed.v1.length === 0) {
    return invalid(ID, 'malformed_header', `${HEADER} has no v1= signature (expected "t=<unix>,v1=<hex>")`);
  }
  const time = checkTimestamp(ID, ts, opts, TOLERANCE_SEC);
  const expected = compute(opts.secret, parsed.timestamp, req.body);
  if (!parsed.v1.some((sig) => safeEqual(sig, expected))) {
    const hints = time.failure ? [`the timestamp is also outside the ${time.toleranceSec} s tolerance (skew ${time.skewSec} s)`] : [];
    const result = explainMismatch({
      provider: ID,
      body: req.body,
      secret: opts.secret,
      expected,
      received: parsed.v1.join(' '),
      what: 'v1 signature',
      matches: (c) => parsed.v1.some((sig) => safeEqual(sig, compute(c.secret, parsed.timestamp!, c.body))),
      extra: { skewSec: time.skewSec },
    });
    if (hints.length) result.hints = [...(result.hints ?? []), ...hints];
    return result;
  }
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
