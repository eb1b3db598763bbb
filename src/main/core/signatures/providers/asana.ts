/*
 * Asana: `X-Hook-Signature` is hex(HMAC-SHA256(secret, raw body)), where the secret is the
 * X-Hook-Secret value of the handshake request Asana sent when the webhook was created. The
 * handshake itself carries X-Hook-Secret and no signature: it is recognised and named, since the
 * secret has to be read from it. https://developers.asana.com/docs/webhooks-guide
 */
import { header, invalid } from '../crypto-helpers';
import type { Provider } from '../types';
import { bodyHmacProvider } from './body-hmac-scheme';

const HANDSHAKE = 'X-Hook-Secret';

const signed = bodyHmacProvider({
  id: 'asana',
  name: 'Asana',
  header: 'X-Hook-Signature',
  algorithm: 'sha256',
  encoding: 'hex',
  secretHint: 'X-Hook-Secret value of the handshake request Asana sent when the webhook was created',
  secretAdvice:
    'Asana signs with the X-Hook-Secret it sent in the handshake request when the webhook was created (find that capture), not with a personal access token',
});

export const asana: Provider = {
  ...signed,
  signatureHeaders: [...signed.signatureHeaders, HANDSHAKE],
  detect: (req) => signed.detect(req) || header(req, HANDSHAKE) !== undefined,
  verify(req, opts) {
    const secret = header(req, HANDSHAKE);
    if (header(req, 'X-Hook-Signature') === undefined && secret !== undefined) {
      return invalid(
        'asana',
        'missing_header',
        `this is Asana's handshake: it is not signed; echo X-Hook-Secret back in the response, and keep its value (${secret.length} characters) as the secret for the deliveries that follow`,
      );
    }
    return signed.verify(req, opts);
  },
};
