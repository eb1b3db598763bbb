/*
 * Discord interactions: `X-Signature-Ed25519: <hex signature>` over `<X-Signature-Timestamp><raw
 * body>`, verified with the application's public key (32 bytes, 64 hex characters). Only Discord
 * holds the private key, so Hooklens can verify but never sign. Discord documents no replay
 * window, so the timestamp is only judged when a tolerance is given.
 * https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
 */
import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { hasHeader, header, invalid, valid } from '../crypto-helpers';
import { checkTimestamp, parseUnixSeconds } from '../timestamps';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';
import { explainKeyMismatch } from './public-key-mismatch';
import { describeSkew } from './skew-text';

const ID = 'discord';
const SIG_HEADER = 'X-Signature-Ed25519';
const TS_HEADER = 'X-Signature-Timestamp';
// DER SubjectPublicKeyInfo prefix for a raw 32-byte Ed25519 key (RFC 8410).
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The key, or a sentence saying why the secret cannot be a Discord public key. */
function publicKey(secret: string): KeyObject | string {
  const s = secret.trim();
  if (s === '') return 'no public key given: paste the application\'s Public Key from the Developer Portal (General Information)';
  if (!/^[0-9a-fA-F]+$/.test(s)) {
    return `the secret is not a Discord public key: it should be 64 hex characters (Developer Portal › General Information › Public Key), not the bot token or client secret`;
  }
  if (s.length !== 64) return `the public key has ${s.length} hex characters; a Discord application public key has 64`;
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(s, 'hex')]), format: 'der', type: 'spki' });
}

function verifies(key: KeyObject, ts: string, body: Buffer, signature: Buffer): boolean {
  try {
    return verifySignature(null, Buffer.concat([Buffer.from(ts), body]), key, signature);
  } catch {
    return false;
  }
}

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const sigRaw = header(req, SIG_HEADER);
  const tsRaw = header(req, TS_HEADER);
  if (sigRaw === undefined) return invalid(ID, 'missing_header', `no ${SIG_HEADER} header: the request did not come from Discord's interactions endpoint, or a proxy dropped it`);
  if (tsRaw === undefined) return invalid(ID, 'missing_header', `${SIG_HEADER} is present but ${TS_HEADER} is missing; Discord signs the timestamp together with the body`);
  const received = sigRaw.trim();
  if (!/^[0-9a-fA-F]{128}$/.test(received)) {
    return invalid(ID, 'malformed_header', `${SIG_HEADER} should be 128 hex characters (a 64-byte Ed25519 signature), got ${received.length} characters`, { received });
  }
  const ts = parseUnixSeconds(tsRaw);
  if (ts === undefined) return invalid(ID, 'malformed_header', `${TS_HEADER} "${tsRaw.slice(0, 40)}" is not a unix time in whole seconds`, { received });
  const tsText = tsRaw;
  const key = publicKey(opts.secret);
  if (typeof key === 'string') return invalid(ID, 'secret_format', key, { received });

  const signature = Buffer.from(received, 'hex');
  const time = checkTimestamp(ID, ts, opts, 0);
  if (!verifies(key, tsText, req.body, signature)) {
    return explainKeyMismatch({
      provider: ID,
      body: req.body,
      secret: opts.secret,
      received,
      what: 'Ed25519 signature',
      keySource: "this application's Public Key (Developer Portal › General Information)",
      verifies: (c) => {
        const k = publicKey(c.secret);
        return typeof k !== 'string' && verifies(k, tsText, c.body, signature);
      },
      extra: { skewSec: time.skewSec },
    });
  }
  if (time.failure) return { ...time.failure, received };
  return valid(ID, `Ed25519 signature verifies with the public key (timestamp ${describeSkew(time.skewSec)})`, { received, skewSec: time.skewSec });
}

export const discord: Provider = {
  id: ID,
  name: 'Discord interactions',
  signatureHeaders: [SIG_HEADER, TS_HEADER],
  secretHint: "Application Public Key, 64 hex characters (Developer Portal › General Information); verify only, Hooklens cannot sign for Discord",
  detect: (req) => hasHeader(req, SIG_HEADER),
  verify,
};
