/*
 * Typeform: `Typeform-Signature: sha256=<base64 HMAC-SHA256 of the raw body>` keyed with the secret
 * set on the webhook. Base64, not hex, unlike most `sha256=` headers. No timestamp is signed.
 * https://www.typeform.com/developers/webhooks/secure-your-webhooks/
 */
import { bodyHmacProvider } from './body-hmac-scheme';

export const typeform = bodyHmacProvider({
  id: 'typeform',
  name: 'Typeform',
  header: 'Typeform-Signature',
  algorithm: 'sha256',
  encoding: 'base64',
  prefixed: true,
  secretHint:
    'The secret set on the webhook (form › Connect › Webhooks › Edit › Secret, or `secret` in the Webhooks API)',
  secretAdvice:
    "use the secret set on this form's webhook (Connect › Webhooks › Edit); Typeform sends no signature when none is set",
});
