/*
 * WooCommerce: `X-WC-Webhook-Signature` is base64(HMAC-SHA256(webhook secret, raw body)); the
 * store also sends X-WC-Webhook-Source/-Topic/-ID. The first delivery after saving a webhook is a
 * form-encoded `webhook_id=…` ping, signed the same way.
 * https://woocommerce.github.io/woocommerce-rest-api-docs/#webhooks
 */
import { bodyHmacProvider } from './body-hmac-scheme';

export const woocommerce = bodyHmacProvider({
  id: 'woocommerce',
  name: 'WooCommerce',
  header: 'X-WC-Webhook-Signature',
  algorithm: 'sha256',
  encoding: 'base64',
  secretHint: 'Webhook secret (WooCommerce → Settings → Advanced → Webhooks → Secret)',
  evidence: { senderHeaders: ['X-WC-Webhook-Source', 'X-WC-Webhook-Topic'] },
  secretAdvice:
    'WooCommerce signs with the Secret field of the webhook (Settings → Advanced → Webhooks), not with a REST API consumer secret',
});
