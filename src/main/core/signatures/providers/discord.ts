/*
 * Discord interactions: `X-Signature-Ed25519: <hex signature>` over `<X-Signature-Timestamp><raw
 * body>`, verified with the application's public key (32 bytes, 64 hex characters). Only Discord
 * holds the private key, so Hooklens can verify but never sign. Discord documents no replay
 * window, so the timestamp is only judged when a tolerance is given.
 * https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
 */
import type { KeyObject } from 'node:crypto';
import type { Provider } from '../types';
import { ed25519PublicKey, publicKeyProvider } from './public-key-scheme';

/** The key, or a sentence saying why the secret cannot be a Discord public key. */
function publicKey(secret: string): KeyObject | string {
  const s = secret.trim();
  if (s === '')
    return "no public key given: paste the application's Public Key from the Developer Portal (General Information)";
  if (!/^[0-9a-fA-F]+$/.test(s)) {
    return `the secret is not a Discord public key: it should be 64 hex characters (Developer Portal › General Information › Public Key), not the bot token or client secret`;
  }
  if (s.length !== 64) return `the public key has ${s.length} hex characters; a Discord application public key has 64`;
  return ed25519PublicKey(Buffer.from(s, 'hex'));
}

export const discord: Provider = publicKeyProvider({
  id: 'discord',
  name: 'Discord interactions',
  sender: 'Discord',
  signatureHeader: 'X-Signature-Ed25519',
  timestampHeader: 'X-Signature-Timestamp',
  secretHint:
    'Application Public Key, 64 hex characters (Developer Portal › General Information); verify only, Hooklens cannot sign for Discord',
  missingWhy: "the request did not come from Discord's interactions endpoint, or a proxy dropped it",
  decodeSignature: (received) =>
    /^[0-9a-fA-F]{128}$/.test(received)
      ? Buffer.from(received, 'hex')
      : `X-Signature-Ed25519 should be 128 hex characters (a 64-byte Ed25519 signature), got ${received.length} characters`,
  digest: null,
  parseKey: publicKey,
  what: 'Ed25519 signature',
  keyName: 'the public key',
  keySource: "this application's Public Key (Developer Portal › General Information)",
});
