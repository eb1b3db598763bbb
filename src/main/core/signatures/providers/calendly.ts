/*
 * Calendly: `Calendly-Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(signing key,
 * "<t>.<raw body>")>`, the Stripe layout. Calendly's sample rejects deliveries older than three
 * minutes. https://developer.calendly.com/api-docs/overview/webhooks/webhook-signatures
 */
import { timestampedHmacProvider } from './timestamped-hmac-scheme';

export const calendly = timestampedHmacProvider({
  id: 'calendly',
  name: 'Calendly',
  header: 'Calendly-Webhook-Signature',
  unit: 's',
  encoding: 'hex',
  separator: ',',
  toleranceSec: 180,
  secretHint: "Webhook signing key (signing_key given when the subscription was created, or the OAuth app's key)",
  secretAdvice:
    "Calendly signs with the signing_key of the webhook subscription (or the OAuth app's webhook signing key), not with the personal access token",
});
