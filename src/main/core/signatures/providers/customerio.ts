/*
 * Customer.io reporting webhooks: `X-CIO-Signature` is hex(HMAC-SHA256(webhook signing key,
 * "v0:<X-CIO-Timestamp>:<raw body>")), the timestamp in unix seconds. Customer.io documents no
 * window; 300 s is ours (tolerance 0 skips the check).
 * https://docs.customer.io/journeys/webhooks/#securely-verifying-requests
 */
import { headerTimestampProvider, UNIX_SECONDS } from './header-timestamp-hmac-scheme';

export const customerio = headerTimestampProvider({
  id: 'customerio',
  name: 'Customer.io',
  signatureHeaders: ['X-CIO-Signature'],
  timestampHeader: 'X-CIO-Timestamp',
  timestamp: UNIX_SECONDS,
  encoding: 'hex',
  message: (ts, body) => Buffer.concat([Buffer.from(`v0:${ts}:`), body]),
  messageForm: '"v0:<timestamp>:<body>"',
  toleranceSec: 300,
  secretHint: 'Webhook signing key (Data & Integrations → Reporting Webhooks → your webhook)',
  secretAdvice: "Customer.io signs with the reporting webhook's signing key, not with the Track or App API key",
});
