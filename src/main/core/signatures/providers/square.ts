/*
 * Square: `x-square-hmacsha256-signature: base64(HMAC-SHA256(signature key, notification URL +
 * raw body))`. The URL is the subscription's notification URL exactly as registered, so a check
 * needs it. Older subscriptions also send `x-square-signature` (HMAC-SHA1, same input), checked
 * only when the SHA-256 header is absent. No timestamp is signed.
 */
import { HooklensError } from '../../../../shared/errors';
import { checkSignature } from '../check-signature';
import { hmac, header, invalid, safeEqual, valid, type HmacAlgorithm } from '../crypto-helpers';
import { findUrlMismatch } from '../url-variants';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

const ID = 'square';
const SHA256_HEADER = 'x-square-hmacsha256-signature';
const SHA1_HEADER = 'x-square-signature';

function compute(algorithm: HmacAlgorithm, key: string, url: string, body: Buffer): string {
  return hmac(algorithm, key, Buffer.concat([Buffer.from(url, 'utf8'), body]), 'base64');
}

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const v256 = header(req, SHA256_HEADER);
  const v1 = header(req, SHA1_HEADER);
  const [name, value, algorithm]: [string, string | undefined, HmacAlgorithm] =
    v256 !== undefined ? [SHA256_HEADER, v256, 'sha256'] : [SHA1_HEADER, v1, 'sha1'];
  if (value === undefined) return invalid(ID, 'missing_header', `${SHA256_HEADER} header is missing`);
  const received = value.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(received)) return invalid(ID, 'malformed_header', `${name} is not base64`);
  const url = opts.url ?? req.url;
  if (!url) {
    return invalid(
      ID,
      'url_mismatch',
      'Square signs the notification URL: give the URL exactly as registered in the subscription',
    );
  }
  const check = checkSignature(ID, req, opts, {
    received,
    what: name,
    compute: (secret, body) => compute(algorithm, secret, url, body),
  });
  const { expected } = check;
  if (check.matched !== undefined) return valid(ID, `${name} matches`, { expected, received });
  const wrongUrl = findUrlMismatch(ID, url, (u) => safeEqual(received, compute(algorithm, opts.secret, u, req.body)), {
    expected,
    received,
  });
  return wrongUrl ?? check.explain();
}

export const square: Provider = {
  id: ID,
  name: 'Square',
  signatureHeaders: [SHA256_HEADER, SHA1_HEADER],
  secretHint: "The subscription's Signature key (Developer Console → Webhooks → Subscriptions)",
  needsUrl: true,
  detect: (req) => header(req, SHA256_HEADER) !== undefined || header(req, SHA1_HEADER) !== undefined,
  verify,
  sign(opts) {
    if (!opts.url)
      throw new HooklensError('invalid_argument', 'Square signs the notification URL: give the URL (--url)');
    return [[SHA256_HEADER, compute('sha256', opts.secret, opts.url, opts.body)]];
  },
};
