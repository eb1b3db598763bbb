/*
 * Discord interactions: `X-Signature-Ed25519: <hex signature>` over `<X-Signature-Timestamp><raw
 * body>`, verified with the application's public key (32 bytes, 64 hex characters). Only Discord
 * holds the private key, so Hooklens can verify but never sign. Discord documents no replay
 * window, so the timestamp is only judged when a tolerance is given.
 * https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
 */
import type { KeyObject } from 'node:crypto';
import { hasHeader, header, invalid } from '../crypto-helpers';
import { parseUnixSeconds } from '../timestamps';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';
import { ed25519PublicKey, verifyWithPublicKey } from './public-key-scheme';

const ID = 'discord';
const SIG_HEADER = 'X-Signature-Ed25519';
const TS_HEADER = 'X-Signature-Timestamp';

/** The key, or a sentence saying why the secret cannot be a Discord public key. */
function publicKey(secret: string): KeyObject | string {
  const s = secret.trim();
  if (s === '') return 'no public key given: paste the application\'s Public Key from the Developer Portal (General Information)';
  if (!/^[0-9a-fA-F]+$/.test(s)) {
    return `the secret is not a Discord public key: it should be 64 hex characters (Developer Portal › General Information › Public Key), not the bot token or client secret`;
  }
  if (s.length !== 64) return `the public key has ${s.length} hex characters; a Discord application public key has 64`;
  return ed25519PublicKey(Buffer.from(s, 'hex'));
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
  return verifyWithPublicKey({
    provider: ID,
    req,
    opts,
    received,
    signature: Buffer.from(received, 'hex'),
    timestampText: tsRaw,
    timestampSec: ts,
    digest: null,
    parseKey: publicKey,
    what: 'Ed25519 signature',
    keyName: 'the public key',
    keySource: "this application's Public Key (Developer Portal › General Information)",
  });
}

export const discord: Provider = {
  id: ID,
  name: 'Discord interactions',
  signatureHeaders: [SIG_HEADER, TS_HEADER],
  secretHint: "Application Public Key, 64 hex characters (Developer Portal › General Information); verify only, Hooklens cannot sign for Discord",
  detect: (req) => hasHeader(req, SIG_HEADER),
  verify,
};
