/*
 * Chargebee signs nothing: a webhook can carry HTTP Basic auth set on it in Chargebee
 * (Settings → Configure Chargebee → Webhooks → "Protect webhook URL with basic authentication").
 * https://www.chargebee.com/docs/2.0/webhook_settings.html#basic-authentication
 */
import { basicAuthScheme, sharedCredentialProvider } from './shared-credential-scheme';

export const chargebee = sharedCredentialProvider(
  basicAuthScheme({
    id: 'chargebee',
    name: 'Chargebee',
    userAgent: /ChargeBee/i,
    missingWhy: 'basic authentication is not switched on for this webhook in Chargebee',
    secretHint: 'user:password set on the webhook (Settings → Webhooks → basic authentication)',
    secretAdvice:
      'Chargebee sends the username and password set on the webhook (Settings → Configure Chargebee → Webhooks), not the site API key',
  }),
);
