/*
 * WorkOS: `WorkOS-Signature: t=<unix milliseconds>, v1=<hex>` with v1 = HMAC-SHA256(webhook
 * secret, "<t>.<raw body>"). The Node SDK verifies over `JSON.stringify(payload)` of the parsed
 * body, which equals the raw bytes only while WorkOS sends compact JSON; we check the raw bytes and
 * let the mismatch explainer name a re-encoded body. Tolerance 180 s, the SDK's default.
 */
import { timestampedHmacProvider } from './timestamped-hmac-scheme';

export const workos = timestampedHmacProvider({
  id: 'workos',
  name: 'WorkOS',
  header: 'WorkOS-Signature',
  unit: 'ms',
  encoding: 'hex',
  separator: ', ',
  toleranceSec: 180,
  secretHint: 'Webhook endpoint secret (Dashboard → Webhooks → your endpoint → Signing secret)',
  secretAdvice: "WorkOS signs with the endpoint's webhook secret (Dashboard → Webhooks), not with the sk_ API key",
});
