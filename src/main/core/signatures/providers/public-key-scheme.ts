/*
 * Public-key schemes sign "<timestamp><raw body>" with a private key only the sender holds, and the
 * "secret" field carries the sender's public key: Discord (Ed25519) and SendGrid (ECDSA P-256).
 * Once each has read its own headers, the rest is the same: read the key, verify, explain a failure
 * through the same secret and body readings as the HMAC schemes (there is no expected signature to
 * show), and judge the timestamp only when a tolerance is given, since neither documents a window.
 */
import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { invalid, valid } from '../crypto-helpers';
import { explainMismatch, type BodyVariant } from '../mismatch';
import { checkTimestamp, describeSkew } from '../timestamps';
import type { SignedRequest, VerifyOptions, VerifyResult } from '../types';

// DER SubjectPublicKeyInfo prefix for a raw 32-byte Ed25519 key (RFC 8410).
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The Ed25519 public key whose 32 raw bytes are `raw`. */
export function ed25519PublicKey(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export interface PublicKeyCheck {
  provider: string;
  req: SignedRequest;
  opts: VerifyOptions;
  /** The signature header as received, for the verdict. */
  received: string;
  signature: Buffer;
  /** Signed exactly as written, so kept as the header's text. */
  timestampText: string;
  timestampSec: number;
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
  bodyVariants?: BodyVariant[];
}

function verifies(check: PublicKeyCheck, key: KeyObject, body: Buffer): boolean {
  try {
    return verifySignature(check.digest, Buffer.concat([Buffer.from(check.timestampText), body]), key, check.signature);
  } catch {
    // A signature that does not fit the key (wrong curve, bad DER) is a failed verification, not a crash.
    return false;
  }
}

export function verifyWithPublicKey(check: PublicKeyCheck): VerifyResult {
  const { provider, req, opts, received } = check;
  const key = check.parseKey(opts.secret);
  if (typeof key === 'string') return invalid(provider, 'secret_format', key, { received });

  const time = checkTimestamp(provider, check.timestampSec, opts, 0);
  if (!verifies(check, key, req.body)) {
    return explainMismatch({
      provider,
      body: req.body,
      secret: opts.secret,
      received,
      what: check.what,
      keySource: check.keySource,
      matches: (c) => {
        const k = check.parseKey(c.secret);
        return typeof k !== 'string' && verifies(check, k, c.body);
      },
      ...(check.bodyVariants ? { bodyVariants: check.bodyVariants } : {}),
      extra: { skewSec: time.skewSec },
    });
  }
  if (time.failure) return { ...time.failure, received };
  return valid(provider, `${check.what} verifies with ${check.keyName} (timestamp ${describeSkew(time.skewSec)})`, { received, skewSec: time.skewSec });
}
