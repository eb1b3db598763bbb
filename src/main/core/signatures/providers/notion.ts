/*
 * Notion: `X-Notion-Signature: sha256=<hex HMAC-SHA256(verification_token, raw body)>`. The key is
 * the verification_token Notion posts once to the URL when the subscription is created (that
 * first request carries no signature). https://developers.notion.com/reference/webhooks
 */
import { bodyHmacProvider } from './body-hmac-scheme';

export const notion = bodyHmacProvider({
  id: 'notion',
  name: 'Notion',
  header: 'X-Notion-Signature',
  algorithm: 'sha256',
  encoding: 'hex',
  prefixed: true,
  secretHint: 'verification_token Notion posted to the URL when the subscription was created',
  secretAdvice:
    'Notion signs with the verification_token of the subscription (the body of its first, unsigned request to the URL), not with the integration secret',
});
