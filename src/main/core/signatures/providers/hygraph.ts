/*
 * Hygraph (formerly GraphCMS): `gcms-signature: sign=<base64>, env=<environment>, t=<unix ms>`,
 * sign being base64(HMAC-SHA256(secret, JSON.stringify({ Body, EnvironmentName, TimeStamp }))) with
 * Body the raw body as a string. The environment and time are signed inside that JSON, so both are
 * taken from the header as written. @hygraph/utils checks no window; 300 s is ours.
 * https://hygraph.com/docs/api-reference/basics/webhooks#verify-signed-webhooks
 */
import { checkSignature } from '../check-signature';
import { hasHeader, hmac, invalid, nowSeconds } from '../crypto-helpers';
import { requireHeader } from '../header-verdicts';
import { parseHeaderParams } from '../header-params';
import { withHints } from '../mismatch';
import { checkTimestamp, describeWindow, timedVerdict, toleranceHints } from '../timestamps';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

const ID = 'hygraph';
const HEADER = 'gcms-signature';
const TOLERANCE_SEC = 300;
const ADVICE =
  'Hygraph signs with the secret key set on the webhook (Project settings → Webhooks → Secret key), not with a Permanent Auth Token';

export function hygraphSignature(secret: string, body: Buffer, env: string, t: number): string {
  return hmac(
    'sha256',
    secret,
    JSON.stringify({ Body: body.toString('utf8'), EnvironmentName: env, TimeStamp: t }),
    'base64',
  );
}

const NO_HEADER = `${HEADER} header is missing: the webhook has no secret key set in Hygraph, or a proxy dropped the header`;

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const raw = requireHeader(req, ID, HEADER, NO_HEADER);
  if (typeof raw !== 'string') return raw;
  const params = parseHeaderParams(raw, ',');
  const sign = params.get('sign')?.[0];
  const env = params.get('env')?.[0];
  const tText = params.get('t')?.[0];
  if (!sign || env === undefined || tText === undefined)
    return invalid(
      ID,
      'malformed_header',
      `${HEADER} should read "sign=<base64>, env=<environment>, t=<unix ms>", got "${raw.slice(0, 80)}"`,
    );
  if (!/^\d{12,14}$/.test(tText))
    return invalid(
      ID,
      'malformed_header',
      `${HEADER} t=${tText.slice(0, 20)} is not unix milliseconds, the unit Hygraph signs`,
    );
  if (opts.secret === '') return invalid(ID, 'secret_format', `no secret given: ${ADVICE}`);
  const t = Number(tText);
  const time = checkTimestamp(ID, Math.round(t / 1000), opts, TOLERANCE_SEC);
  const check = checkSignature(ID, req, opts, {
    received: sign,
    what: 'sign',
    compute: (secret, body) => hygraphSignature(secret, body, env, t),
    extra: { skewSec: time.skewSec },
  });
  if (check.matched === undefined) {
    const result = check.explain();
    return withHints(result, [...(result.failure === 'signature_mismatch' ? [ADVICE] : []), ...toleranceHints(time)]);
  }
  const matched = `sign matches for environment "${env}"; ${describeWindow(time)} (skew ${time.skewSec} s)`;
  return timedVerdict(ID, time, matched, { expected: check.expected, received: sign });
}

export const hygraph: Provider = {
  id: ID,
  name: 'Hygraph',
  signatureHeaders: [HEADER],
  secretHint: 'Secret key of the webhook (Project settings → Webhooks → your webhook → Secret key)',
  toleranceSec: TOLERANCE_SEC,
  detect: (req) => hasHeader(req, HEADER),
  verify,
  sign(opts) {
    const t = (opts.timestamp ?? nowSeconds()) * 1000;
    return [[HEADER, `sign=${hygraphSignature(opts.secret, opts.body, 'master', t)}, env=master, t=${t}`]];
  },
};
