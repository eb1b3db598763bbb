/*
 * Airtable: `X-Airtable-Content-MAC: hmac-sha256=<hex HMAC-SHA256(key, raw body)>`, keyed with
 * the bytes of macSecretBase64 (returned once when the webhook is created) after base64
 * decoding: keying with the base64 text itself is the usual mistake, and is named.
 * https://airtable.com/developers/web/api/webhooks-overview#webhook-notification-delivery
 */
import { checkSignature } from '../check-signature';
import { hasHeader, hmac, invalid, safeEqual, valid } from '../crypto-helpers';
import { requireHeader } from '../header-verdicts';
import { HooklensError } from '../../../../shared/errors';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

const ID = 'airtable';
const HEADER = 'X-Airtable-Content-MAC';
const PREFIX = 'hmac-sha256=';
const ADVICE =
  'Airtable signs with the macSecretBase64 returned once by the create-webhook call (base64-decoded), not with a personal access token';

const keyOf = (secret: string): Buffer => Buffer.from(secret, 'base64');
/** What a sender that keys with the base64 text itself (not its bytes) would write. */
const rawKeyMac = (secret: string, body: Buffer): string => `${PREFIX}${hmac('sha256', secret, body, 'hex')}`;
export const airtableMac = (secret: string, body: Buffer): string =>
  `${PREFIX}${hmac('sha256', keyOf(secret), body, 'hex')}`;

const NO_HEADER = `${HEADER} header is missing: the request was not sent by an Airtable webhook, or a proxy dropped it`;

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const raw = requireHeader(req, ID, HEADER, NO_HEADER);
  if (typeof raw !== 'string') return raw;
  const received = raw.trim();
  if (!/^hmac-sha256=[0-9a-fA-F]{64}$/.test(received))
    return invalid(
      ID,
      'malformed_header',
      `${HEADER} should read "${PREFIX}<64 hex characters>", got "${received.slice(0, 80)}"`,
      { received },
    );
  if (opts.secret === '') return invalid(ID, 'secret_format', `no secret given: ${ADVICE}`);
  const secret = opts.secret.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(secret))
    return invalid(
      ID,
      'secret_format',
      `the secret is not base64: Airtable's macSecretBase64 is, and its decoded bytes are the key`,
    );
  const normal = `${PREFIX}${received.slice(PREFIX.length).toLowerCase()}`;
  const check = checkSignature(ID, req, opts, { received, candidates: [normal], what: HEADER, compute: airtableMac });
  if (check.matched !== undefined)
    return valid(ID, `${HEADER} matches the HMAC-SHA256 of the raw body with the decoded macSecretBase64`, {
      expected: check.expected,
      received,
    });
  if (safeEqual(rawKeyMac(secret, req.body), normal)) {
    return invalid(
      ID,
      'secret_format',
      `${HEADER} matches only when the base64 text itself is the key; Airtable keys with the decoded bytes, so whatever produced this signature is not Airtable`,
      { expected: check.expected, received },
    );
  }
  const result = check.explain();
  return result.failure === 'signature_mismatch' ? { ...result, hints: [...(result.hints ?? []), ADVICE] } : result;
}

export const airtable: Provider = {
  id: ID,
  name: 'Airtable',
  signatureHeaders: [HEADER],
  secretHint: 'macSecretBase64 returned when the webhook was created through the API',
  detect: (req) => hasHeader(req, HEADER),
  verify,
  sign(opts) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(opts.secret.trim()))
      throw new HooklensError('invalid_argument', "the secret must be Airtable's macSecretBase64 (base64)");
    return [[HEADER, airtableMac(opts.secret.trim(), opts.body)]];
  },
};
