/*
 * Compact JWS (RFC 7515) for the schemes that sign with a JWT instead of a bare HMAC: QStash,
 * Netlify, Atlassian Connect (HS256 with a shared secret) and Plaid (ES256 with a key Plaid
 * publishes). Only what they use: HS256 and ES256, the header checked for `alg` so a token made
 * for another algorithm is named, never verified with the wrong one.
 */
import { createHmac, sign as signWithKey, verify as verifyWithKey, type KeyObject } from 'node:crypto';
import { safeEqual } from './crypto-helpers';

export interface Jws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** "<header>.<payload>" exactly as received: the bytes the signature covers. */
  signingInput: string;
  signature: Buffer;
}

const B64URL = /^[A-Za-z0-9_-]*$/;

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The token's parts, or a sentence saying why `token` is not a compact JWS. */
export function parseJws(token: string, what: string): Jws | string {
  const parts = token.split('.');
  if (parts.length !== 3)
    return `${what} should be a JWT (three base64url parts joined by "."), got ${parts.length} part${parts.length === 1 ? '' : 's'}`;
  if (!parts.every((p) => B64URL.test(p))) return `${what} contains characters outside base64url, so it is not a JWT`;
  const header = decodeJson(parts[0]!);
  const payload = decodeJson(parts[1]!);
  if (!header || !payload) return `${what}: the JWT ${header ? 'payload' : 'header'} is not a JSON object`;
  return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2]!, 'base64url') };
}

export function hs256(key: string | Buffer, input: string): Buffer {
  return createHmac('sha256', key).update(input).digest();
}

export function verifyHs256(jws: Jws, key: string | Buffer): boolean {
  return safeEqual(hs256(key, jws.signingInput), jws.signature);
}

export function signHs256(
  payload: Record<string, unknown>,
  key: string | Buffer,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${input}.${hs256(key, input).toString('base64url')}`;
}

export function verifyEs256(jws: Jws, key: KeyObject): boolean {
  try {
    return verifyWithKey('sha256', Buffer.from(jws.signingInput), { key, dsaEncoding: 'ieee-p1363' }, jws.signature);
  } catch {
    return false;
  }
}

/** Test and CLI support: an ES256 token, as a sender holding the private key makes it. */
export function signEs256(payload: Record<string, unknown>, key: KeyObject, header: Record<string, unknown>): string {
  const input = `${Buffer.from(JSON.stringify({ alg: 'ES256', ...header })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${input}.${signWithKey('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

/** A numeric claim (exp, iat…) as whole seconds, or undefined when absent or not a number. */
export function numericClaim(payload: Record<string, unknown>, name: string): number | undefined {
  const v = payload[name];
  return typeof v === 'number' && Number.isFinite(v) ? Math.floor(v) : undefined;
}
