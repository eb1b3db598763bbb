/*
 * Cal.com: `X-Cal-Signature-256` is hex(HMAC-SHA256(webhook secret, raw body)), bare (no
 * "sha256=" despite the name). Without a secret on the webhook Cal.com sends the header with no
 * usable value. https://cal.com/docs/developing/guides/automation/webhooks
 */
import { bodyHmacProvider } from './body-hmac-scheme';

export const calCom = bodyHmacProvider({
  id: 'cal-com',
  name: 'Cal.com',
  header: 'X-Cal-Signature-256',
  algorithm: 'sha256',
  encoding: 'hex',
  secretHint: 'Secret typed on the webhook (Settings → Developer → Webhooks → Secret)',
  secretAdvice:
    'Cal.com signs with the secret typed on the webhook (Settings → Developer → Webhooks), not with an API key',
});
