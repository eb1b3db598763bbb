/*
 * Vercel: `x-vercel-signature` is hex(HMAC-SHA1(secret, raw body)). Account webhooks use the
 * secret shown once when the webhook was created; integration webhooks use the integration's
 * Client Secret. SHA-1 is Vercel's choice; a 64-character value here came from somewhere else.
 */
import { bodyHmacProvider } from './body-hmac-scheme';

export const vercel = bodyHmacProvider({
  id: 'vercel',
  name: 'Vercel',
  header: 'x-vercel-signature',
  algorithm: 'sha1',
  encoding: 'hex',
  secretHint:
    'Webhook secret shown when the webhook was created (team Settings → Webhooks), or the integration Client Secret',
  secretAdvice:
    "account webhooks are signed with the secret shown once at creation; integration webhooks with the integration's Client Secret",
});
