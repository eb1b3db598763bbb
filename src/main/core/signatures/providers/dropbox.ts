/*
 * Dropbox: `X-Dropbox-Signature` is hex(HMAC-SHA256(app secret, raw body)), nothing else signed.
 * Before it sends notifications Dropbox checks the URL with a GET carrying `?challenge=`, which is
 * unsigned and must be echoed back. https://www.dropbox.com/developers/reference/webhooks
 */
import { bodyHmacProvider } from './body-hmac-scheme';

export const dropbox = bodyHmacProvider({
  id: 'dropbox',
  name: 'Dropbox',
  header: 'X-Dropbox-Signature',
  algorithm: 'sha256',
  encoding: 'hex',
  secretHint: 'App secret (App Console → your app → Settings → App secret)',
  secretAdvice:
    'Dropbox signs with the app secret from the App Console (Settings tab), not with an access token or the app key',
});
