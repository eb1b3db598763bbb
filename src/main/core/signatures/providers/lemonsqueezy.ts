/*
 * Lemon Squeezy: `X-Signature` is hex(HMAC-SHA256(signing secret, raw body)). "X-Signature" is too
 * generic to claim a request on its own, so detection also wants `X-Event-Name`, which Lemon
 * Squeezy sends on every delivery.
 */
import { hasHeader } from '../crypto-helpers';
import { bodyHmacProvider } from './body-hmac-scheme';

export const lemonsqueezy = bodyHmacProvider({
  id: 'lemonsqueezy',
  name: 'Lemon Squeezy',
  header: 'X-Signature',
  algorithm: 'sha256',
  encoding: 'hex',
  detect: (req) => hasHeader(req, 'X-Event-Name'),
  secretHint: 'Signing secret typed on the webhook (Settings → Webhooks; 6–40 characters)',
  secretAdvice: 'use the signing secret typed on the webhook in Settings → Webhooks, not an API key',
});
