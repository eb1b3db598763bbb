/*
 * Postmark signs nothing: its webhooks are protected by HTTP Basic auth written into the webhook
 * URL (https://user:password@host/…), which arrives as `Authorization: Basic …`, plus Postmark's
 * published IP ranges. https://postmarkapp.com/developer/webhooks/webhooks-overview#protecting-your-webhook
 */
import { basicAuthScheme, sharedCredentialProvider } from './shared-credential-scheme';

export const postmark = sharedCredentialProvider(
  basicAuthScheme({
    id: 'postmark',
    name: 'Postmark',
    userAgent: /Postmark/i,
    missingWhy: 'the webhook URL in Postmark has no user:password@ part, so Postmark sends no credentials',
    secretHint: 'user:password written into the webhook URL (https://user:password@host/…)',
    secretAdvice:
      'Postmark sends the user:password written into the webhook URL (Servers → Webhooks), not the server API token',
  }),
);
