/*
 * Sanity GROQ webhooks: `sanity-webhook-signature: t=<unix milliseconds>,v1=<base64url>` with
 * v1 = HMAC-SHA256(secret, "<t>.<raw body>"), base64url without padding. Sanity documents no
 * tolerance and @sanity/webhook checks none; 300 s is ours, so a stale verdict here means "old",
 * not "Sanity's toolkit would reject it" (pass tolerance 0 to skip the check).
 */
import { timestampedHmacProvider } from './timestamped-hmac-scheme';

export const sanity = timestampedHmacProvider({
  id: 'sanity',
  name: 'Sanity',
  header: 'sanity-webhook-signature',
  unit: 'ms',
  encoding: 'base64url',
  separator: ',',
  toleranceSec: 300,
  secretHint: 'Secret typed on the webhook (sanity.io/manage → project → API → Webhooks → Secret)',
  secretAdvice:
    'Sanity signs with the secret set on the webhook in sanity.io/manage (API → Webhooks), not with an API token',
});
