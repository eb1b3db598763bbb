/*
 * Zendesk: `X-Zendesk-Webhook-Signature` is base64(HMAC-SHA256(signing secret, timestamp + raw
 * body)), the timestamp being `X-Zendesk-Webhook-Signature-Timestamp` as an RFC 3339 date-time,
 * joined with no separator. Test requests sent from Admin Center are signed with Zendesk's fixed
 * test secret instead of the webhook's. No window is documented; 300 s is ours.
 * https://developer.zendesk.com/documentation/webhooks/verifying/
 */
import { headerTimestampProvider, RFC_3339 } from './header-timestamp-hmac-scheme';

export const ZENDESK_TEST_SECRET = 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==';

export const zendesk = headerTimestampProvider({
  id: 'zendesk',
  name: 'Zendesk',
  signatureHeaders: ['X-Zendesk-Webhook-Signature'],
  timestampHeader: 'X-Zendesk-Webhook-Signature-Timestamp',
  timestamp: RFC_3339,
  encoding: 'base64',
  message: (ts, body) => Buffer.concat([Buffer.from(ts), body]),
  messageForm: '"<timestamp><body>"',
  toleranceSec: 300,
  secretHint: 'Webhook signing secret (Admin Center → Apps and integrations → Webhooks → Reveal secret)',
  secretAdvice: `Zendesk signs with the webhook's signing secret (Admin Center → Webhooks → Reveal secret); a test sent from Admin Center is signed with Zendesk's test secret ${ZENDESK_TEST_SECRET}`,
});
