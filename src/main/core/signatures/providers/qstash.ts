/*
 * Upstash QStash: `Upstash-Signature` is an HS256 JWT keyed with the current (or, after a
 * rotation, the next) signing key, with iss "Upstash", sub the destination URL, body the
 * base64url SHA-256 of the raw body, and nbf/exp five minutes apart.
 * https://upstash.com/docs/qstash/howto/signature
 */
import { createHash, randomUUID } from 'node:crypto';
import { jwtHmacProvider } from './jwt-hmac-scheme';

export const qstash = jwtHmacProvider({
  id: 'qstash',
  name: 'Upstash QStash',
  header: 'Upstash-Signature',
  issuer: 'Upstash',
  bodyClaim: { name: 'body', digest: (body) => createHash('sha256').update(body).digest('base64url') },
  requestProblem(payload, req, opts) {
    const url = opts.url ?? req.url;
    if (url === undefined || payload.sub === url) return undefined;
    return `the JWT verifies, but it was signed for ${JSON.stringify(payload.sub)} and this request went to ${url}: QStash signs the destination URL`;
  },
  toleranceSec: 300,
  lifetimeSec: 300,
  secretHint: 'Current signing key, sig_… (Upstash console → QStash → Signing keys); the next key after a rotation',
  secretAdvice:
    'QStash signs with the current signing key (console → QStash → Signing keys), or the next one right after a rotation; not with the QStash token',
  claims: (opts) => ({ iss: 'Upstash', sub: opts.url ?? '', jti: `jwt_${randomUUID().replace(/-/g, '')}` }),
});
