/*
 * The simplest and most common scheme: one header holding HMAC(secret, raw body), nothing else
 * signed, no timestamp. Coinbase Commerce, Razorpay, Lemon Squeezy, Sentry, Vercel and LINE differ
 * only in header name, digest, encoding and where the secret lives, so each of their files is a
 * `BodyHmacScheme` handed to `bodyHmacProvider`. Typeform, Intercom and Bitbucket write the same
 * HMAC as `<algorithm>=<digest>` (the GitHub convention) and set `prefixed`.
 *
 * The header value is checked for shape before any HMAC is computed, so a SHA-256 value where
 * SHA-1 is expected, or a "sha256=" prefix the sender never writes (or a missing one it always
 * writes), reads as a malformed header rather than as a wrong secret.
 */
import { checkSignature } from '../check-signature';
import { hasHeader, header, hmac, invalid, valid } from '../crypto-helpers';
import type { DetectionEvidence, Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';
import { schemeIdentity } from './scheme-identity';

export interface BodyHmacScheme {
  id: string;
  name: string;
  header: string;
  algorithm: 'sha1' | 'sha256';
  encoding: 'hex' | 'base64';
  /** The header reads `<algorithm>=<digest>` rather than the bare digest. */
  prefixed?: boolean;
  secretHint: string;
  /** Cheap header-only test beyond the signature header's presence (generic or shared header names). */
  detect?(req: SignedRequest): boolean;
  /** Sender headers and body shape that rank this scheme against others using the same header; the signature form is derived. */
  evidence?: Omit<DetectionEvidence, 'signatureForm'>;
  /** Where the right secret lives; added as a hint when nothing else explains a mismatch. */
  secretAdvice: string;
  /** A reason when the secret cannot have this provider's shape; a mismatch then becomes `secret_format`. */
  secretShape?(secret: string): string | undefined;
}

const DIGEST_BYTES = { sha1: 20, sha256: 32 } as const;
const ALGORITHM_LABEL = { sha1: 'HMAC-SHA1', sha256: 'HMAC-SHA256' } as const;

/** Why the bare digest `value` cannot be this scheme's signature, or undefined when its shape is right. */
function bareShapeProblem(scheme: BodyHmacScheme, value: string): string | undefined {
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
      const other =
        value.length === 40
          ? ' (a SHA-1 length)'
          : value.length === 64
            ? ' (a SHA-256 length)'
            : value.length === 128
              ? ' (a SHA-512 length)'
              : '';
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

/** Why `value` cannot be the `<algorithm>=<digest>` this scheme sends, or undefined when its shape is right. */
function prefixedShapeProblem(scheme: BodyHmacScheme, value: string): string | undefined {
  const want = `${scheme.algorithm}=`;
  const prefix = /^([a-z0-9]+)=/i.exec(value);
  if (!prefix)
    return `${scheme.header} should start with "${want}" followed by the ${scheme.encoding} digest, got "${value.slice(0, 80)}"`;
  if (prefix[1]!.toLowerCase() !== scheme.algorithm) {
    return `${scheme.header} uses "${prefix[0]}", but ${scheme.name} signs with ${want}: the header comes from another sender or configuration`;
  }
  const digest = value.slice(want.length);
  const bytes = DIGEST_BYTES[scheme.algorithm];
  if (scheme.encoding === 'hex') {
    if (!/^[0-9a-fA-F]*$/.test(digest))
      return `${scheme.header} digest should be hex, but it contains non-hex characters`;
    if (digest.length !== bytes * 2)
      return `${scheme.header} digest has ${digest.length} hex characters; ${scheme.algorithm.toUpperCase()} gives ${bytes * 2}`;
    return undefined;
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(digest))
    return `${scheme.header} digest should be standard base64, but it contains other characters`;
  const decoded = Buffer.from(digest, 'base64').length;
  if (decoded !== bytes)
    return `${scheme.header} digest decodes to ${decoded} bytes; ${scheme.algorithm.toUpperCase()} gives ${bytes}`;
  return undefined;
}

function hasSchemeForm(scheme: BodyHmacScheme, req: SignedRequest): boolean {
  const value = header(req, scheme.header)?.trim();
  if (!value) return false;
  return (scheme.prefixed ? prefixedShapeProblem(scheme, value) : bareShapeProblem(scheme, value)) === undefined;
}

/** The header value this scheme sends: the digest, behind `<algorithm>=` when prefixed. */
export function computeBodyHmac(scheme: BodyHmacScheme, secret: string, body: Buffer): string {
  const digest = hmac(scheme.algorithm, secret, body, scheme.encoding);
  return scheme.prefixed ? `${scheme.algorithm}=${digest}` : digest;
}

/** A shape-checked received value in the form `computeBodyHmac` writes (hex compares case-insensitively after a prefix). */
function comparable(scheme: BodyHmacScheme, value: string): string {
  if (!scheme.prefixed) return value;
  const digest = value.slice(value.indexOf('=') + 1);
  return `${scheme.algorithm}=${scheme.encoding === 'hex' ? digest.toLowerCase() : digest}`;
}

function missingHeader(scheme: BodyHmacScheme): VerifyResult {
  // Prefixed senders (Typeform, Bitbucket) send no header at all when no secret is set on the webhook.
  const why = scheme.prefixed
    ? `the request was not signed by ${scheme.name} (is a secret set on the webhook?), or a proxy dropped it`
    : `the request was not signed by ${scheme.name}, or a proxy dropped the header`;
  return invalid(scheme.id, 'missing_header', `${scheme.header} header is missing: ${why}`);
}

function verify(scheme: BodyHmacScheme, req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const raw = header(req, scheme.header);
  if (raw === undefined) return missingHeader(scheme);
  const received = raw.trim();
  if (received === '' && !scheme.prefixed)
    return invalid(scheme.id, 'malformed_header', `${scheme.header} header is empty`);
  const shape = scheme.prefixed ? prefixedShapeProblem(scheme, received) : bareShapeProblem(scheme, received);
  if (shape) return invalid(scheme.id, 'malformed_header', shape, { received });
  if (opts.secret === '') {
    return invalid(scheme.id, 'secret_format', `no secret given: ${scheme.secretAdvice}`, { received });
  }

  const check = checkSignature(scheme.id, req, opts, {
    received,
    candidates: [comparable(scheme, received)],
    what: scheme.header,
    compute: (secret, body) => computeBodyHmac(scheme, secret, body),
  });
  if (check.matched !== undefined) {
    return valid(scheme.id, `${scheme.header} matches the ${ALGORITHM_LABEL[scheme.algorithm]} of the raw body`, {
      expected: check.expected,
      received,
    });
  }
  const result = check.explain();
  if (result.failure !== 'signature_mismatch') return result;
  const shapeOfSecret = scheme.secretShape?.(opts.secret.trim());
  if (shapeOfSecret)
    return { ...result, failure: 'secret_format', reason: `${scheme.header} does not match and ${shapeOfSecret}` };
  return { ...result, hints: [...(result.hints ?? []), scheme.secretAdvice] };
}

export function bodyHmacProvider(scheme: BodyHmacScheme): Provider {
  return {
    ...schemeIdentity(scheme, [scheme.header]),
    detect: (req) => hasHeader(req, scheme.header) && (scheme.detect?.(req) ?? true),
    evidence: { ...scheme.evidence, signatureForm: (req) => hasSchemeForm(scheme, req) },
    verify: (req, opts) => verify(scheme, req, opts),
    sign: (opts) => [[scheme.header, computeBodyHmac(scheme, opts.secret, opts.body)]],
  };
}
