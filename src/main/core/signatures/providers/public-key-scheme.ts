/*
 * Public-key schemes sign "<timestamp><raw body>" with a private key only the sender holds, and the
 * "secret" field carries the sender's public key: Discord (Ed25519) and SendGrid (ECDSA P-256).
 * They differ only in header names, signature encoding and key format, so each of their files is a
 * `PublicKeyScheme` handed to `publicKeyProvider`. A failure is explained through the same secret
 * and body readings as the HMAC schemes (there is no expected signature to show), and the timestamp
 * is judged only when a tolerance is given, since neither sender documents a window. Telnyx signs
 * "<timestamp>|<body>" with a documented 300 s window and words its verdicts its own way, so it
 * only shares `ed25519PublicKey`.
 */
import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { hasHeader, header, invalid } from '../crypto-helpers';
import { explainMismatch, type BodyVariant } from '../mismatch';
import { checkTimestamp, describeSkew, parseUnixSeconds, timedVerdict } from '../timestamps';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';
import { schemeIdentity } from './scheme-identity';

// DER SubjectPublicKeyInfo prefix for a raw 32-byte Ed25519 key (RFC 8410).
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The Ed25519 public key whose 32 raw bytes are `raw`. */
export function ed25519PublicKey(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export interface PublicKeyScheme {
  id: string;
  name: string;
  /** Who signs, for reason texts: "Discord". */
  sender: string;
  signatureHeader: string;
  timestampHeader: string;
  secretHint: string;
  /** Why the signature header may be absent, after "no <header> header: ". */
  missingWhy: string;
  /** The signature bytes the trimmed header holds, or why it cannot hold one. */
  decodeSignature(received: string): Buffer | string;
  /** Digest for node:crypto's verify: null for Ed25519 (it hashes internally), 'sha256' for ECDSA P-256. */
  digest: null | 'sha256';
  /** The key the secret field holds, or a sentence saying why it cannot be one. */
  parseKey(secret: string): KeyObject | string;
  /** "Ed25519 signature"… */
  what: string;
  /** How the valid verdict names the key: "the public key"… */
  keyName: string;
  /** Where the right key lives, for the mismatch reason. */
  keySource: string;
  /** Sender-specific readings of the captured body, tried before the generic ones. */
  bodyVariants?(body: Buffer): BodyVariant[];
}

function verifies(
  scheme: PublicKeyScheme,
  key: KeyObject,
  timestampText: string,
  body: Buffer,
  signature: Buffer,
): boolean {
  try {
    return verifySignature(scheme.digest, Buffer.concat([Buffer.from(timestampText), body]), key, signature);
  } catch {
    // A signature that does not fit the key (wrong curve, bad DER) is a failed verification, not a crash.
    return false;
  }
}

function verify(scheme: PublicKeyScheme, req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const { id, signatureHeader: sigHeader, timestampHeader: tsHeader } = scheme;
  const sigRaw = header(req, sigHeader);
  const tsRaw = header(req, tsHeader);
  if (sigRaw === undefined) return invalid(id, 'missing_header', `no ${sigHeader} header: ${scheme.missingWhy}`);
  if (tsRaw === undefined)
    return invalid(
      id,
      'missing_header',
      `${sigHeader} is present but ${tsHeader} is missing; ${scheme.sender} signs the timestamp together with the body`,
    );
  const received = sigRaw.trim();
  const signature = scheme.decodeSignature(received);
  if (typeof signature === 'string') return invalid(id, 'malformed_header', signature, { received });
  const ts = parseUnixSeconds(tsRaw);
  if (ts === undefined)
    return invalid(id, 'malformed_header', `${tsHeader} "${tsRaw.slice(0, 40)}" is not a unix time in whole seconds`, {
      received,
    });
  const key = scheme.parseKey(opts.secret);
  if (typeof key === 'string') return invalid(id, 'secret_format', key, { received });

  // The timestamp is signed exactly as written, so it is verified untrimmed.
  const time = checkTimestamp(id, ts, opts, 0);
  if (!verifies(scheme, key, tsRaw, req.body, signature)) {
    const variants = scheme.bodyVariants?.(req.body);
    return explainMismatch({
      provider: id,
      body: req.body,
      secret: opts.secret,
      received,
      what: scheme.what,
      keySource: scheme.keySource,
      matches: (c) => {
        const k = scheme.parseKey(c.secret);
        return typeof k !== 'string' && verifies(scheme, k, tsRaw, c.body, signature);
      },
      ...(variants ? { bodyVariants: variants } : {}),
      extra: { skewSec: time.skewSec },
    });
  }
  const matched = `${scheme.what} verifies with ${scheme.keyName} (timestamp ${describeSkew(time.skewSec)})`;
  return timedVerdict(id, time, matched, { received });
}

/** Verify only: without the sender's private key there is nothing to sign with. */
export function publicKeyProvider(scheme: PublicKeyScheme): Provider {
  return {
    ...schemeIdentity(scheme, [scheme.signatureHeader, scheme.timestampHeader]),
    detect: (req) => hasHeader(req, scheme.signatureHeader),
    verify: (req, opts) => verify(scheme, req, opts),
  };
}
