/*
 * Intercom: `X-Hub-Signature: sha1=<hex HMAC-SHA1 of the raw body>` keyed with the app's client
 * secret. GitHub also sends a sha1 X-Hub-Signature (next to X-GitHub-Event) and Bitbucket a
 * sha256 one (next to X-Event-Key), so detection leaves those to their providers.
 * https://developers.intercom.com/docs/webhooks/webhook-notifications#signed-notifications
 */
import { header } from '../crypto-helpers';
import { bodyHmacProvider } from './body-hmac-scheme';

export const intercom = bodyHmacProvider({
  id: 'intercom',
  name: 'Intercom',
  header: 'X-Hub-Signature',
  algorithm: 'sha1',
  encoding: 'hex',
  prefixed: true,
  secretHint: 'Client secret of the Intercom app (Developer Hub › your app › Configure › Basic information)',
  secretAdvice: "Intercom signs with the app's client secret (Developer Hub › Basic information), not an access token",
  // Intercom sends no header of its own beside the signature; its notifications are "notification_event" objects.
  evidence: {
    bodyShape: (body) => /^\s*\{[\s\S]*"type"\s*:\s*"notification_event"/.test(body.subarray(0, 4096).toString('utf8')),
  },
  detect: (req) =>
    /^sha1=/i.test(header(req, 'X-Hub-Signature')?.trim() ?? '') &&
    header(req, 'X-GitHub-Event') === undefined &&
    header(req, 'X-Event-Key') === undefined,
});
