/*
 * Okta event hooks sign nothing: the hook is registered with an auth header (Authorization by
 * default) and a secret value that Okta sends verbatim on every delivery. The one-time
 * verification request is a GET with X-Okta-Verification-Challenge to echo back.
 * https://developer.okta.com/docs/concepts/event-hooks/#one-time-verification-request
 */
import { header } from '../crypto-helpers';
import type { SignedRequest } from '../types';
import { sharedCredentialProvider } from './shared-credential-scheme';

const CHALLENGE = 'X-Okta-Verification-Challenge';

function isEventHook(req: SignedRequest): boolean {
  if (header(req, CHALLENGE) !== undefined) return true;
  const head = req.body.subarray(0, 512).toString('utf8');
  return /"eventType"\s*:\s*"com\.okta\.event_hook"/.test(head);
}

export const okta = sharedCredentialProvider({
  id: 'okta',
  name: 'Okta event hooks',
  carrier: 'Authorization',
  read: (req) => {
    if (
      header(req, CHALLENGE) !== undefined &&
      req.method.toUpperCase() === 'GET' &&
      header(req, 'Authorization') === undefined
    ) {
      return {
        problem: `this is Okta's one-time verification request: answer with {"verification": <the ${CHALLENGE} value>}`,
      };
    }
    const v = header(req, 'Authorization');
    return v === undefined ? undefined : { value: v };
  },
  missingWhy: 'the event hook sends its secret in another header (set under authScheme.key), or none is configured',
  expected: (secret) => secret,
  detect: (req) => header(req, 'Authorization') !== undefined && isEventHook(req),
  secretHint: 'Authentication secret set on the event hook (Workflow → Event Hooks → Authentication field value)',
  secretAdvice: 'Okta sends the authentication secret configured on the event hook verbatim, not an API token',
  sign: (opts) => [['Authorization', opts.secret]],
});
