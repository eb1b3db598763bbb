/*
 * Box: `BOX-SIGNATURE-PRIMARY` and `BOX-SIGNATURE-SECONDARY` are base64(HMAC-SHA256(key, raw body
 * + BOX-DELIVERY-TIMESTAMP)), one per signature key of the app, so the key given may match either
 * (that is how Box rotates keys). The timestamp is RFC 3339 and Box's SDKs reject deliveries older
 * than ten minutes. https://developer.box.com/guides/webhooks/v2/signatures-v2/
 */
import { headerTimestampProvider, RFC_3339 } from './header-timestamp-hmac-scheme';

export const box = headerTimestampProvider({
  id: 'box',
  name: 'Box',
  signatureHeaders: ['BOX-SIGNATURE-PRIMARY', 'BOX-SIGNATURE-SECONDARY'],
  timestampHeader: 'BOX-DELIVERY-TIMESTAMP',
  timestamp: RFC_3339,
  encoding: 'base64',
  message: (ts, body) => Buffer.concat([body, Buffer.from(ts)]),
  messageForm: '"<body><timestamp>"',
  toleranceSec: 600,
  secretHint: 'Primary or secondary signature key (Developer Console → your app → Webhooks → Manage signature keys)',
  secretAdvice:
    "Box signs with the app's primary and secondary signature keys (Developer Console → Webhooks → Manage signature keys), not with the client secret",
  evidence: { senderHeaders: ['BOX-DELIVERY-ID'] },
});
