/*
 * Xero: `x-xero-signature` is base64(HMAC-SHA256(webhooks key, raw body)). The "Intent to Receive"
 * check sends deliveries signed with a wrong key on purpose and expects a 401 for them, so a
 * mismatch during setup can be Xero's own test. https://developer.xero.com/documentation/guides/webhooks/overview/
 */
import { bodyHmacProvider } from './body-hmac-scheme';

export const xero = bodyHmacProvider({
  id: 'xero',
  name: 'Xero',
  header: 'x-xero-signature',
  algorithm: 'sha256',
  encoding: 'base64',
  secretHint: 'Webhooks key (developer.xero.com → My Apps → your app → Webhooks → Webhooks key)',
  secretAdvice:
    'Xero signs with the Webhooks key of the app (My Apps → Webhooks), not the client secret; during "Intent to Receive" Xero also sends deliveries signed wrongly on purpose',
});
