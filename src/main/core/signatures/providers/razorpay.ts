/*
 * Razorpay: `X-Razorpay-Signature` is hex(HMAC-SHA256(webhook secret, raw body)). The webhook secret
 * is whatever was typed when the webhook was created; it is unrelated to the API key secret, which
 * is the usual mix-up. Nothing time-bound is signed.
 */
import { bodyHmacProvider } from './body-hmac-scheme';

export const razorpay = bodyHmacProvider({
  id: 'razorpay',
  name: 'Razorpay',
  header: 'X-Razorpay-Signature',
  algorithm: 'sha256',
  encoding: 'hex',
  secretHint:
    'Webhook secret entered when the webhook was created (Dashboard → Account & Settings → Webhooks), not the API key secret',
  secretAdvice:
    'Razorpay signs with the webhook secret set on the webhook (Account & Settings → Webhooks), not with the API key secret',
});
