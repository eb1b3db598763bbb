/*
 * GitLab: `X-Gitlab-Token` carries the webhook's secret token itself; nothing about the body is
 * signed, so a match proves only that the sender knows the token. The comparison is constant-time
 * anyway so the same check could guard a real endpoint. GitLab's newer signing token sends
 * Standard Webhooks headers instead, which the standard-webhooks provider verifies.
 */
import { hasHeader, header, invalid, safeEqual, valid } from '../crypto-helpers';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

const ID = 'gitlab';
const TOKEN = 'X-Gitlab-Token';
const EVENT = 'X-Gitlab-Event';
const ADVICE = 'the value is the Secret token typed on the webhook (project or group Settings → Webhooks)';
const NOT_SIGNED = 'GitLab sends the token itself and signs nothing: the body is not protected by this check';

function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const token = header(req, TOKEN);
  if (token === undefined) {
    const hints = hasHeader(req, 'webhook-signature')
      ? [
          'this request carries webhook-signature: it was signed with a GitLab signing token, which the standard-webhooks provider checks',
        ]
      : [];
    const why = hasHeader(req, EVENT)
      ? 'GitLab sends it only when the webhook has a Secret token set'
      : 'the request did not come from a GitLab webhook with a Secret token';
    return invalid(ID, 'missing_header', `${TOKEN} header is missing: ${why}`, hints.length ? { hints } : {});
  }
  if (token === '') return invalid(ID, 'malformed_header', `${TOKEN} header is empty`);
  if (opts.secret === '') return invalid(ID, 'secret_format', `no secret token given: ${ADVICE}`);
  if (safeEqual(token, opts.secret)) return valid(ID, `${TOKEN} equals the secret token`, { hints: [NOT_SIGNED] });
  if (safeEqual(token.trim(), opts.secret.trim())) {
    const side = token.trim() !== token ? 'the header value' : 'the secret you entered';
    return invalid(
      ID,
      'secret_format',
      `${TOKEN} equals the secret token only once the whitespace around ${side} is removed`,
    );
  }
  const at = firstDifference(token, opts.secret);
  return invalid(
    ID,
    'signature_mismatch',
    `${TOKEN} does not equal the secret token: received ${token.length} characters, the secret has ${opts.secret.length}, first difference at character ${at + 1}`,
    { hints: [ADVICE] },
  );
}

export const gitlab: Provider = {
  id: ID,
  name: 'GitLab',
  signatureHeaders: [TOKEN],
  secretHint: 'Secret token typed on the webhook (Settings → Webhooks → Secret token)',
  // A GitLab request signed with a signing token (webhook-signature) belongs to standard-webhooks.
  detect: (req) => hasHeader(req, TOKEN) || (hasHeader(req, EVENT) && !hasHeader(req, 'webhook-signature')),
  verify,
  sign: (opts) => [[TOKEN, opts.secret]],
};
