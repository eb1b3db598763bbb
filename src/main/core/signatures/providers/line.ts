/*
 * LINE Messaging API: `x-line-signature` is base64(HMAC-SHA256(channel secret, raw body)). The
 * channel secret is 32 hex characters used as text; the much longer channel access token sits on
 * the same console page and is the usual wrong paste.
 */
import { bodyHmacProvider } from './body-hmac-scheme';

export const line = bodyHmacProvider({
  id: 'line',
  name: 'LINE',
  header: 'x-line-signature',
  algorithm: 'sha256',
  encoding: 'base64',
  secretHint: 'Channel secret, 32 hex characters (LINE Developers console → channel → Basic settings)',
  secretAdvice:
    'use the channel secret from the Basic settings tab of the LINE Developers console, not the channel access token',
  secretShape: (secret) =>
    /^[0-9a-f]{32}$/i.test(secret)
      ? undefined
      : `the secret is not 32 hex characters (${secret.length} characters): LINE channel secrets are; the long channel access token is not the secret`,
});
