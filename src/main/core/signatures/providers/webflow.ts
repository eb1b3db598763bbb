/*
 * Webflow: `x-webflow-signature` is hex(HMAC-SHA256(secret, "<x-webflow-timestamp>:<raw body>"))
 * with the timestamp in unix milliseconds; Webflow asks receivers to drop requests older than five
 * minutes. Only webhooks created through an OAuth app (keyed with its client secret) or the API
 * (keyed with the webhook's secret) are signed; dashboard webhooks carry no signature.
 * https://developers.webflow.com/data/docs/working-with-webhooks#validating-request-signatures
 */
import { headerTimestampProvider, UNIX_MILLISECONDS } from './header-timestamp-hmac-scheme';

export const webflow = headerTimestampProvider({
  id: 'webflow',
  name: 'Webflow',
  signatureHeaders: ['x-webflow-signature'],
  timestampHeader: 'x-webflow-timestamp',
  timestamp: UNIX_MILLISECONDS,
  encoding: 'hex',
  message: (ts, body) => Buffer.concat([Buffer.from(`${ts}:`), body]),
  messageForm: '"<timestamp>:<body>"',
  toleranceSec: 300,
  secretHint: 'OAuth app client secret, or the secret returned when the webhook was created through the API',
  secretAdvice:
    "Webflow signs with the OAuth app's client secret (or the secret the API returned for the webhook), not with a site API token",
});
