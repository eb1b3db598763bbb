/*
 * Sentry integration platform: `Sentry-Hook-Signature` is hex(HMAC-SHA256(client secret, body)).
 * Sentry's docs verify over `JSON.stringify(request.body)`, which equals the raw bytes only because
 * Sentry sends compact JSON; we use the raw bytes and let the mismatch explainer spot a body that
 * was re-encoded on the way. `Sentry-Hook-Timestamp` is sent but not signed, so it proves nothing
 * and is not checked.
 */
import { bodyHmacProvider } from './body-hmac-scheme';

export const sentry = bodyHmacProvider({
  id: 'sentry',
  name: 'Sentry',
  header: 'Sentry-Hook-Signature',
  algorithm: 'sha256',
  encoding: 'hex',
  secretHint: 'Client Secret of the integration (Settings → Developer Settings → your integration)',
  secretAdvice:
    "Sentry signs with the integration's Client Secret (Settings → Developer Settings → your integration), not its token or Client ID",
});
