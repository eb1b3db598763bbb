/*
 * Mux: `Mux-Signature: t=<unix seconds>,v1=<hex>` with v1 = HMAC-SHA256(signing secret,
 * "<t>.<raw body>"). Several v1 entries may appear; one matching is enough. Tolerance 300 s, as in
 * @mux/mux-node's `webhooks.verifySignature`.
 */
import { timestampedHmacProvider } from './timestamped-hmac-scheme';

export const mux = timestampedHmacProvider({
  id: 'mux',
  name: 'Mux',
  header: 'Mux-Signature',
  unit: 's',
  encoding: 'hex',
  separator: ',',
  toleranceSec: 300,
  secretHint: 'Webhook signing secret (Dashboard → Settings → Webhooks → Show Signing Secret)',
  secretAdvice: 'Mux signs with the webhook signing secret (Settings → Webhooks), not with an access token secret',
});
