/*
 * The simplest and most common scheme: one header holding HMAC(secret, raw body), nothing else
 * signed, no timestamp. Coinbase Commerce, Razorpay, Lemon Squeezy, Sentry, Vercel and LINE differ
 * only in header name, digest, encoding and where the secret lives, so each of their files is a
 * `BodyHmacScheme` handed to `bodyHmacProvider`.
 *
 * The header value is checked for shape before any HMAC is computed, so a SHA-256 value where
 * SHA-1 is expected, or a "sha256=" prefix the sender never writes, reads as a malformed header
 * rather than as a wrong secret.
 */
import { hasHeader, header, hmac, invalid, safeEqual, valid } from '../crypto-helpers';
import { explainMismatch } from '../mismatch';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

export interface BodyHmacScheme {
  id: string;
  name: string;
  header: string;
  algorithm: 'sha1' | 'sha256';
  encoding: 'hex' | 'base64';
  secretHint: string;
  /** Headers the sender always adds next to the signature; detection needs them too (generic header names). */
  detectAlso?: string[];
  /** Where the right secret lives; added as a hint when nothing else explains a mismatch. */
  secretAdvice: string;
  /** A reason when the secret cannot have this provider's shape; a mismatch then becomes `secret_format`. */
  secretShape?(secret: string): string | undefined;
}

const DIGEST_BYTES = { sha1: 20, sha256: 32 } as const;
const ALGORITHM_LABEL = { sha1: 'HMAC-SHA1', sha256: 'HMAC-SHA256' } as const;

/** Why `value` cannot be this scheme's signature, or undefined when its shape is right. */
export function signatureShapeProblem(scheme: BodyHmacScheme, value: string): string | undefined {
  const bytes = DIGEST_BYTES[scheme.algorithm];
  const label = ALGORITHM_LABEL[scheme.algorithm];
  const prefix = /^(sha1|sha256|sha512|v\d+)[=,]/i.exec(value);
  if (prefix) {
    return `${scheme.header} starts with "${prefix[0]}", but ${scheme.name} sends the bare ${scheme.encoding} digest: was this header written by another sender or a proxy?`;
  }
  if (scheme.encoding === 'hex') {
    if (!/^[0-9a-fA-F]+$/.test(value)) {
      return `${scheme.header} should be ${bytes * 2} hex characters (${label}), but it contains non-hex characters`;
    }
    if (value.length !== bytes * 2) {
      const other = value.length === 40 ? ' (a SHA-1 length)' : value.length === 64 ? ' (a SHA-256 length)' : value.length === 128 ? ' (a SHA-512 length)' : '';
      return `${scheme.header} has ${value.length} hex characters${other}; ${label} gives ${bytes * 2}`;
    }
    return undefined;
  }
  const padded = Math.ceil(bytes / 3) * 4;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
    return `${scheme.header} should be standard base64 of a ${bytes}-byte ${label}, but it contains characters outside the base64 alphabet`;
  }
  const decoded = Buffer.from(value, 'base64').length;
  if (decoded !== bytes || value.length !== padded) {
    return `${scheme.header} decodes to ${decoded} bytes; ${label} in base64 is ${padded} characters decoding to ${bytes} bytes`;
  }
  return undefined;
}

export function computeBodyHmac(scheme: BodyHmacScheme, secret: string, body: Buffer): string {
  return hmac(scheme.algorithm, secret, body, scheme.encoding);
}

function verify(scheme: BodyHmacScheme, req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const raw = header(req, scheme.header);
  if (raw === undefined) {
    return invalid(scheme.id, 'missing_header', `${scheme.header} header is missing: the request was not signed by ${scheme.name}, or a proxy dropped the header`);
  }
  const received = raw.trim();
  if (received === '') return invalid(scheme.id, 'malformed_header', `${scheme.header} header is empty`);
  const shape = signatureShapeProblem(scheme, received);
  if (shape) return invalid(scheme.id, 'malformed_header', shape, { received });
  if (opts.secret === '') {
    return invalid(scheme.id, 'secret_format', `no secret given: ${scheme.secretAdvice}`, { received });
  }

  const expected = computeBodyHmac(scheme, opts.secret, req.body);
  if (safeEqual(expected, received)) {
    return valid(scheme.id, `${scheme.header} matches the ${ALGORITHM_LABEL[scheme.algorithm]} of the raw body`, { expected, received });
  }
  const result = explainMismatch({
    provider: scheme.id,
    body: req.body,
    secret: opts.secret,
    expected,
    received,
    what: scheme.header,
    matches: (c) => safeEqual(computeBodyHmac(scheme, c.secret, c.body), received),
  });
  if (result.failure !== 'signature_mismatch') return result;
  const shapeOfSecret = scheme.secretShape?.(opts.secret.trim());
  if (shapeOfSecret) return { ...result, failure: 'secret_format', reason: `${scheme.header} does not match and ${shapeOfSecret}` };
  return { ...result, hints: [...(result.hints ?? []), scheme.secretAdvice] };
}

export function bodyHmacProvider(scheme: BodyHmacScheme): Provider {
  return {
    id: scheme.id,
    name: scheme.name,
    signatureHeaders: [scheme.header],
    secretHint: scheme.secretHint,
    detect: (req) => hasHeader(req, scheme.header) && (scheme.detectAlso ?? []).every((h) => hasHeader(req, h)),
    verify: (req, opts) => verify(scheme, req, opts),
    sign: (opts) => [[scheme.header, computeBodyHmac(scheme, opts.secret, opts.body)]],
  };
}
