/*
 * Coinbase Commerce: `X-CC-Webhook-Signature` is hex(HMAC-SHA256(shared secret, raw body)). No
 * timestamp is signed, so a replayed delivery verifies forever; the event id in the body is the
 * only replay guard.
 */
import { bodyHmacProvider } from './body-hmac-scheme';

export const coinbase = bodyHmacProvider({
  id: 'coinbase',
  name: 'Coinbase Commerce',
  header: 'X-CC-Webhook-Signature',
  algorithm: 'sha256',
  encoding: 'hex',
  secretHint: 'Webhook shared secret (Commerce → Settings → Webhook subscriptions → Show shared secret)',
  secretAdvice: 'use the webhook shared secret from Commerce → Settings → Webhook subscriptions, not the API key',
});
