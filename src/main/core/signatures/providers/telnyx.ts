/*
 * Telnyx (API v2): `telnyx-signature-ed25519` is base64(Ed25519 signature) over
 * "<telnyx-timestamp>|<raw body>", made with Telnyx's private key. The "secret" is the account's
 * public key, the base64 string shown in Mission Control → Keys & Credentials → Public Key (32 raw
 * bytes); a PEM public key is accepted too. Holding only the public key we can verify but never
 * sign, and there is no expected signature to show. Tolerance 300 s either way, as in the Telnyx
 * SDK's `TelnyxWebhook.verify`.
 */
import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { hasHeader, header, invalid } from '../crypto-helpers';
import { bodyVariants } from '../mismatch';
import { checkTimestamp, describeWindow, parseUnixSeconds, timedVerdict, toleranceHints } from '../timestamps';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';
import { ed25519PublicKey } from './public-key-scheme';

const ID = 'telnyx';
const SIGNATURE = 'telnyx-signature-ed25519';
const TIMESTAMP = 'telnyx-timestamp';
const TOLERANCE_SEC = 300;
const KEY_ADVICE = 'use the public key from Mission Control → Keys & Credentials → Public Key';

/** The Ed25519 public key the secret field holds, or why it cannot be one. */
export function parsePublicKey(secret: string): KeyObject | string {
  const text = secret.trim();
  if (text === '') return `no public key given: ${KEY_ADVICE}`;
  if (text.startsWith('-----BEGIN')) {
    try {
      const key = createPublicKey(text);
      return key.asymmetricKeyType === 'ed25519'
        ? key
        : `the PEM key is ${key.asymmetricKeyType ?? 'not a public key'}, not Ed25519: ${KEY_ADVICE}`;
    } catch {
      return `the PEM text is not a readable public key: ${KEY_ADVICE}`;
    }
  }
  if (/^KEY[0-9A-Z]{10,}_/.test(text))
    return `the secret looks like a Telnyx API key (KEY…), not the webhook public key: ${KEY_ADVICE}`;
  let raw: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(text)) raw = Buffer.from(text, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text))
    raw = Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
  if (raw === undefined) return `the public key is not base64 text: ${KEY_ADVICE}`;
  if (raw.length !== 32)
    return `the public key decodes to ${raw.length} bytes; an Ed25519 public key is 32 bytes: ${KEY_ADVICE}`;
  return ed25519PublicKey(raw);
}

function signedPayload(timestamp: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}|`), body]);
}

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const sigText = header(req, SIGNATURE)?.trim();
  const tsText = header(req, TIMESTAMP)?.trim();
  if (sigText === undefined)
    return invalid(
      ID,
      'missing_header',
      `${SIGNATURE} header is missing: the request was not signed by Telnyx (API v1 webhooks are unsigned), or a proxy dropped it`,
    );
  if (tsText === undefined)
    return invalid(
      ID,
      'missing_header',
      `${TIMESTAMP} header is missing; Telnyx signs "<timestamp>|<body>", so the signature cannot be checked without it`,
    );
  const ts = parseUnixSeconds(tsText);
  if (ts === undefined) return invalid(ID, 'malformed_header', `${TIMESTAMP} "${tsText}" is not unix seconds`);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(sigText) || Buffer.from(sigText, 'base64').length !== 64) {
    return invalid(
      ID,
      'malformed_header',
      `${SIGNATURE} should be base64 of a 64-byte Ed25519 signature (88 characters), got ${sigText.length} characters`,
      { received: sigText },
    );
  }
  const key = parsePublicKey(opts.secret);
  if (typeof key === 'string') return invalid(ID, 'secret_format', key, { received: sigText });

  const signature = Buffer.from(sigText, 'base64');
  const time = checkTimestamp(ID, ts, opts, TOLERANCE_SEC);
  const matches = (body: Buffer): boolean => verifySignature(null, signedPayload(tsText, body), key, signature);
  if (!matches(req.body)) {
    const base = { received: sigText, skewSec: time.skewSec };
    const variant = bodyVariants(req.body).find((v) => matches(v.body));
    if (variant) {
      return invalid(
        ID,
        'body_reserialized',
        `body was modified after signing: the Ed25519 signature verifies over the body ${variant.label}, so the captured bytes are not the bytes Telnyx signed`,
        {
          ...base,
          hints: ['verify the raw request bytes; do not parse and re-encode the body before checking the signature'],
        },
      );
    }
    const hints = [`each Telnyx account has its own key pair: ${KEY_ADVICE}`, ...toleranceHints(time)];
    return invalid(
      ID,
      'signature_mismatch',
      'Ed25519 signature does not verify with this public key (wrong key, or the body or timestamp changed after signing)',
      { ...base, hints },
    );
  }
  const matched = `Ed25519 signature verifies with the public key; ${describeWindow(time)} (skew ${time.skewSec} s)`;
  return timedVerdict(ID, time, matched, { received: sigText });
}

export const telnyx: Provider = {
  id: ID,
  name: 'Telnyx',
  signatureHeaders: [SIGNATURE, TIMESTAMP],
  secretHint: 'Public key, base64 (Mission Control → Keys & Credentials → Public Key); verification only',
  toleranceSec: TOLERANCE_SEC,
  detect: (req) => hasHeader(req, SIGNATURE),
  verify,
};
