/*
 * Small shared pieces every provider needs. Comparisons are constant-time on equal lengths so the
 * same code could guard a real endpoint; lengths differing is already a mismatch.
 */
import { createHmac, timingSafeEqual, type BinaryToTextEncoding } from 'node:crypto';
import type { SignedRequest, VerifyFailure, VerifyResult } from './types';

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';

export function hmac(
  algorithm: HmacAlgorithm,
  key: string | Buffer,
  data: string | Buffer,
  encoding: BinaryToTextEncoding,
): string {
  return createHmac(algorithm, key).update(data).digest(encoding);
}

export function safeEqual(a: string | Buffer, b: string | Buffer): boolean {
  const x = typeof a === 'string' ? Buffer.from(a) : a;
  const y = typeof b === 'string' ? Buffer.from(b) : b;
  return x.length === y.length && timingSafeEqual(x, y);
}

export function valid(provider: string, reason: string, extra: Partial<VerifyResult> = {}): VerifyResult {
  return { provider, valid: true, reason, ...extra };
}

export function invalid(
  provider: string,
  failure: VerifyFailure,
  reason: string,
  extra: Partial<VerifyResult> = {},
): VerifyResult {
  return { provider, valid: false, failure, reason, ...extra };
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** First value of a header, case-insensitive; undefined when absent. */
export function header(req: { headers: readonly [string, string][] }, name: string): string | undefined {
  const lower = name.toLowerCase();
  const headers = req.headers;
  // Detection asks every provider about every request: comparing lengths first skips almost all
  // the lower-casing, which is most of its cost.
  for (let i = 0; i < headers.length; i += 1) {
    const n = headers[i][0];
    if (n.length === lower.length && (n === lower || n.toLowerCase() === lower)) return headers[i][1];
  }
  return undefined;
}

/**
 * The signature header's value, or the `missing_header` verdict when it is absent; `reason` says
 * what its absence most likely means for this sender.
 */
export function requireHeader(
  req: SignedRequest,
  provider: string,
  name: string,
  reason: string,
): string | VerifyResult {
  return header(req, name) ?? invalid(provider, 'missing_header', reason);
}

/**
 * A signature written as a fixed prefix and a hex HMAC-SHA256 (`sha256=…`, `v0=…`), trimmed, or
 * the `malformed_header` verdict that shows what arrived instead.
 */
export function prefixedSha256Hex(provider: string, name: string, raw: string, prefix: string): string | VerifyResult {
  const received = raw.trim();
  const head = received.slice(0, prefix.length);
  if (head.toLowerCase() === prefix.toLowerCase() && /^[0-9a-f]{64}$/i.test(received.slice(prefix.length)))
    return received;
  return invalid(
    provider,
    'malformed_header',
    `${name} should be "${prefix}" followed by 64 hex characters, got "${received.slice(0, 80)}"`,
    { received },
  );
}

export function hasHeader(req: { headers: readonly [string, string][] }, name: string): boolean {
  return header(req, name) !== undefined;
}

/** Shows enough of a signature to compare by eye without flooding a one-line reason. */
export function abbreviate(sig: string, keep = 12): string {
  return sig.length <= keep * 2 + 1 ? sig : `${sig.slice(0, keep)}…${sig.slice(-4)}`;
}
