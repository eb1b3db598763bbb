/*
 * Small shared pieces every provider needs. Comparisons are constant-time on equal lengths so the
 * same code could guard a real endpoint; lengths differing is already a mismatch.
 */
import { createHmac, timingSafeEqual, type BinaryToTextEncoding } from 'node:crypto';
import type { VerifyFailure, VerifyResult } from './types';

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

export function hasHeader(req: { headers: readonly [string, string][] }, name: string): boolean {
  return header(req, name) !== undefined;
}

/** Shows enough of a signature to compare by eye without flooding a one-line reason. */
export function abbreviate(sig: string, keep = 12): string {
  return sig.length <= keep * 2 + 1 ? sig : `${sig.slice(0, keep)}…${sig.slice(-4)}`;
}
