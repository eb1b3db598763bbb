/*
 * Pipedrive signs nothing: a webhook can be created with http_auth_user / http_auth_password,
 * sent as HTTP Basic auth. https://pipedrive.readme.io/docs/guide-for-webhooks
 */
import { basicAuthScheme, sharedCredentialProvider } from './shared-credential-scheme';

export const pipedrive = sharedCredentialProvider(
  basicAuthScheme({
    id: 'pipedrive',
    name: 'Pipedrive',
    userAgent: /Pipedrive/i,
    missingWhy: 'the webhook was created without http_auth_user / http_auth_password',
    secretHint: 'http_auth_user:http_auth_password given when the webhook was created',
    secretAdvice: 'Pipedrive sends the http_auth_user and http_auth_password of the webhook, not the API token',
  }),
);
