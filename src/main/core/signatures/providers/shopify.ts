/*
 * Shopify: `X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256(secret, raw body)>`. The key is the app's
 * client secret (or the secret shown under Notifications → Webhooks for store-made webhooks), used
 * as text. No timestamp is signed; `X-Shopify-Triggered-At` is informational only.
 */
import { checkSignature } from '../check-signature';
import { hmac, header, invalid, valid } from '../crypto-helpers';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

const ID = 'shopify';
const HEADER = 'X-Shopify-Hmac-Sha256';

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const value = header(req, HEADER);
  if (value === undefined) return invalid(ID, 'missing_header', `${HEADER} header is missing`);
  const received = value.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(received)) {
    return invalid(ID, 'malformed_header', `${HEADER} is not base64 (got "${received.slice(0, 16)}")`);
  }
  const check = checkSignature(ID, req, opts, {
    received,
    what: HEADER,
    compute: (secret, body) => hmac('sha256', secret, body, 'base64'),
  });
  if (check.matched === undefined) return check.explain();
  return valid(ID, `${HEADER} matches`, { expected: check.expected, received });
}

export const shopify: Provider = {
  id: ID,
  name: 'Shopify',
  signatureHeaders: [HEADER],
  secretHint: "The app's client secret (API secret key), or the store's webhook signing secret",
  detect: (req) => header(req, HEADER) !== undefined,
  verify,
  sign: (opts) => [[HEADER, hmac('sha256', opts.secret, opts.body, 'base64')]],
};
