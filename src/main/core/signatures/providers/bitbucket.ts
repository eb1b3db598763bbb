/*
 * Bitbucket (Cloud, and Data Center 8+): `X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw
 * body>` keyed with the secret set on the webhook, the same format GitHub uses. Bitbucket always
 * sends X-Event-Key, which tells it apart from GitHub and Intercom; without it (a request signed by
 * `hooklens sign`), a sha256= value in X-Hub-Signature is still Bitbucket's form, not GitHub's sha1.
 * https://support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/#Secure-webhooks
 */
import { header } from '../crypto-helpers';
import { bodyHmacProvider } from './body-hmac-scheme';

export const bitbucket = bodyHmacProvider({
  id: 'bitbucket',
  name: 'Bitbucket',
  header: 'X-Hub-Signature',
  algorithm: 'sha256',
  encoding: 'hex',
  prefixed: true,
  secretHint: 'The secret set on the webhook (repository › Repository settings › Webhooks › Edit › Secret)',
  secretAdvice:
    'use the secret set on this webhook (Repository settings › Webhooks); Bitbucket sends no signature when none is set',
  detect: (req) =>
    header(req, 'X-GitHub-Event') === undefined &&
    (header(req, 'X-Event-Key') !== undefined || /^sha256=/i.test(header(req, 'X-Hub-Signature')?.trim() ?? '')),
  evidence: { senderHeaders: ['X-Event-Key', 'X-Hook-UUID'] },
});
