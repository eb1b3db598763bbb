/*
 * PagerDuty v3 webhooks: `X-PagerDuty-Signature: v1=<hex HMAC-SHA256(secret, raw body)>`, with
 * several comma-separated v1= values while a secret is rotated (any one matching is enough).
 * No time is signed. https://developer.pagerduty.com/docs/webhooks/webhook-signatures/
 */
import { checkSignature } from '../check-signature';
import { hasHeader, hmac, invalid, valid } from '../crypto-helpers';
import { requireHeader } from '../header-verdicts';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

const ID = 'pagerduty';
const HEADER = 'X-PagerDuty-Signature';
const ADVICE =
  'PagerDuty signs with the secret shown once when the webhook subscription was created (Integrations → Generic Webhooks (v3)), not with an API key';

const compute = (secret: string, body: Buffer): string => `v1=${hmac('sha256', secret, body, 'hex')}`;

const NO_HEADER = `${HEADER} header is missing: the request was not signed by PagerDuty v3 webhooks (v1/v2 webhooks are unsigned), or a proxy dropped it`;

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const raw = requireHeader(req, ID, HEADER, NO_HEADER);
  if (typeof raw !== 'string') return raw;
  const values = raw
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const shaped = values.filter((v) => /^v1=[0-9a-fA-F]{64}$/.test(v)).map((v) => `v1=${v.slice(3).toLowerCase()}`);
  if (shaped.length === 0)
    return invalid(
      ID,
      'malformed_header',
      `${HEADER} should hold v1=<64 hex characters>, comma-separated while a secret rotates; got "${raw.slice(0, 80)}"`,
      { received: raw },
    );
  if (opts.secret === '') return invalid(ID, 'secret_format', `no secret given: ${ADVICE}`);
  const check = checkSignature(ID, req, opts, {
    received: shaped.join(','),
    candidates: shaped,
    what: 'v1 signature',
    compute,
  });
  if (check.matched === undefined) {
    const result = check.explain();
    return result.failure === 'signature_mismatch' ? { ...result, hints: [...(result.hints ?? []), ADVICE] } : result;
  }
  return valid(
    ID,
    `${shaped.length > 1 ? `one of ${shaped.length} v1 signatures` : 'v1 signature'} matches the HMAC-SHA256 of the raw body`,
    { expected: check.expected, received: check.matched },
  );
}

export const pagerduty: Provider = {
  id: ID,
  name: 'PagerDuty',
  signatureHeaders: [HEADER],
  secretHint: 'Webhook subscription secret (shown once on creation: Integrations → Generic Webhooks (v3))',
  detect: (req) => hasHeader(req, HEADER),
  verify,
  sign: (opts) => [[HEADER, compute(opts.secret, opts.body)]],
};
