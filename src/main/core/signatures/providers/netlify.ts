/*
 * Netlify deploy notifications: `X-Webhook-Signature` is an HS256 JWS keyed with the JWS secret
 * token set on the notification, with iss "netlify" and sha256 the hex SHA-256 of the raw body.
 * No time is signed. https://docs.netlify.com/site-deploys/deploy-notifications/#payload-signature
 */
import { createHash } from 'node:crypto';
import { jwtHmacProvider } from './jwt-hmac-scheme';

export const netlify = jwtHmacProvider({
  id: 'netlify',
  name: 'Netlify',
  header: 'X-Webhook-Signature',
  issuer: 'netlify',
  bodyClaim: { name: 'sha256', digest: (body) => createHash('sha256').update(body).digest('hex') },
  toleranceSec: 0,
  secretHint:
    'JWS secret token typed on the outgoing webhook (Site configuration → Notifications → Deploy notifications)',
  secretAdvice:
    'Netlify signs with the JWS secret token typed on the deploy notification, not with a personal access token',
  claims: () => ({ iss: 'netlify' }),
  // The header name is generic; Netlify's value is always a three-part JWS.
  detect: (req) =>
    /^[\w-]+\.[\w-]+\.[\w-]+$/.test(
      (req.headers.find(([n]) => n.toLowerCase() === 'x-webhook-signature')?.[1] ?? '').trim(),
    ),
});
