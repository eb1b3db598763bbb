/*
 * Body HMACs written as `<algorithm>=<digest>` (the GitHub convention): Typeform
 * (`sha256=<base64>`), Intercom (`sha1=<hex>`), Bitbucket (`sha256=<hex>`). The shared
 * bodyHmacProvider treats any such prefix as malformed, so these three go through this variant,
 * which requires the prefix and checks the digest's shape before computing anything.
 */
import { hasHeader, header, hmac, invalid, safeEqual, valid } from '../crypto-helpers';
import { explainMismatch } from '../mismatch';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

export interface PrefixedHmacScheme {
  id: string;
  name: string;
  header: string;
  algorithm: 'sha1' | 'sha256';
  encoding: 'hex' | 'base64';
  secretHint: string;
  /** Where the right secret lives; added as a hint when nothing else explains a mismatch. */
  secretAdvice: string;
  /** Cheap header-only test beyond the signature header's presence (shared header names). */
  detect?(req: SignedRequest): boolean;
}

const DIGEST_BYTES = { sha1: 20, sha256: 32 } as const;

function shapeProblem(scheme: PrefixedHmacScheme, value: string): string | undefined {
  const want = `${scheme.algorithm}=`;
  const prefix = /^([a-z0-9]+)=/i.exec(value);
  if (!prefix) return `${scheme.header} should start with "${want}" followed by the ${scheme.encoding} digest, got "${value.slice(0, 80)}"`;
  if (prefix[1]!.toLowerCase() !== scheme.algorithm) {
    return `${scheme.header} uses "${prefix[0]}", but ${scheme.name} signs with ${want}: the header comes from another sender or configuration`;
  }
  const digest = value.slice(want.length);
  const bytes = DIGEST_BYTES[scheme.algorithm];
  if (scheme.encoding === 'hex') {
    if (!/^[0-9a-fA-F]*$/.test(digest)) return `${scheme.header} digest should be hex, but it contains non-hex characters`;
    if (digest.length !== bytes * 2) return `${scheme.header} digest has ${digest.length} hex characters; ${scheme.algorithm.toUpperCase()} gives ${bytes * 2}`;
    return undefined;
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(digest)) return `${scheme.header} digest should be standard base64, but it contains other characters`;
  const decoded = Buffer.from(digest, 'base64').length;
  if (decoded !== bytes) return `${scheme.header} digest decodes to ${decoded} bytes; ${scheme.algorithm.toUpperCase()} gives ${bytes}`;
  return undefined;
}

export function computePrefixedHmac(scheme: PrefixedHmacScheme, secret: string, body: Buffer): string {
  return `${scheme.algorithm}=${hmac(scheme.algorithm, secret, body, scheme.encoding)}`;
}

function normalise(scheme: PrefixedHmacScheme, value: string): string {
  const eq = value.indexOf('=');
  const digest = value.slice(eq + 1);
  return `${scheme.algorithm}=${scheme.encoding === 'hex' ? digest.toLowerCase() : digest}`;
}

function verify(scheme: PrefixedHmacScheme, req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const raw = header(req, scheme.header);
  if (raw === undefined) {
    return invalid(scheme.id, 'missing_header', `${scheme.header} header is missing: the request was not signed by ${scheme.name} (is a secret set on the webhook?), or a proxy dropped it`);
  }
  const received = raw.trim();
  const shape = shapeProblem(scheme, received);
  if (shape) return invalid(scheme.id, 'malformed_header', shape, { received });
  if (opts.secret === '') return invalid(scheme.id, 'secret_format', `no secret given: ${scheme.secretAdvice}`, { received });

  const wanted = normalise(scheme, received);
  const expected = computePrefixedHmac(scheme, opts.secret, req.body);
  if (safeEqual(expected, wanted)) return valid(scheme.id, `${scheme.header} matches the HMAC-${scheme.algorithm.toUpperCase()} of the raw body`, { expected, received });
  const result = explainMismatch({
    provider: scheme.id,
    body: req.body,
    secret: opts.secret,
    expected,
    received,
    what: scheme.header,
    matches: (c) => safeEqual(computePrefixedHmac(scheme, c.secret, c.body), wanted),
  });
  return result.failure === 'signature_mismatch' ? { ...result, hints: [...(result.hints ?? []), scheme.secretAdvice] } : result;
}

export function prefixedHmacProvider(scheme: PrefixedHmacScheme): Provider {
  return {
    id: scheme.id,
    name: scheme.name,
    signatureHeaders: [scheme.header],
    secretHint: scheme.secretHint,
    detect: (req) => hasHeader(req, scheme.header) && (scheme.detect?.(req) ?? true),
    verify: (req, opts) => verify(scheme, req, opts),
    sign: (opts) => [[scheme.header, computePrefixedHmac(scheme, opts.secret, opts.body)]],
  };
}
