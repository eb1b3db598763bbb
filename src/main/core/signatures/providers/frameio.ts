/*
 * Frame.io: `X-Frameio-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:<ts>:<raw body>")>`
 * with `X-Frameio-Request-Timestamp` in unix seconds; Frame.io asks receivers to drop deliveries
 * older than five minutes. https://developer.frame.io/platform/v2/webhooks-overview (Security)
 */
import { headerTimestampProvider, UNIX_SECONDS } from './header-timestamp-hmac-scheme';

export const frameio = headerTimestampProvider({
  id: 'frameio',
  name: 'Frame.io',
  signatureHeaders: ['X-Frameio-Signature'],
  timestampHeader: 'X-Frameio-Request-Timestamp',
  timestamp: UNIX_SECONDS,
  encoding: 'hex',
  prefix: 'v0=',
  message: (ts, body) => Buffer.concat([Buffer.from(`v0:${ts}:`), body]),
  messageForm: '"v0:<timestamp>:<body>"',
  toleranceSec: 300,
  secretHint: 'Webhook signing secret (shown once when the webhook is created)',
  secretAdvice:
    "Frame.io signs with the webhook's signing secret, shown only when the webhook was created, not with a developer token",
});
