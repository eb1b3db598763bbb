/*
 * Segment webhook destinations: `X-Signature` is hex(HMAC-SHA1(shared secret, raw body)). The
 * header name is Lemon Squeezy's too (which signs SHA-256 and sends X-Event-Name), so detection
 * wants Segment's User-Agent and the SHA-1 length ranks it. With batching on, Segment signs only
 * the first event of the batch, so a batched body never matches as a whole.
 * https://segment.com/docs/connections/destinations/catalog/webhooks/#authentication
 */
import { header } from '../crypto-helpers';
import { bodyHmacProvider } from './body-hmac-scheme';

export const segment = bodyHmacProvider({
  id: 'segment',
  name: 'Segment',
  header: 'X-Signature',
  algorithm: 'sha1',
  encoding: 'hex',
  detect: (req) => /Segment/i.test(header(req, 'User-Agent') ?? ''),
  secretHint: 'Shared secret set on the webhook destination (Connections → Destinations → Webhooks → Settings)',
  secretAdvice:
    'Segment signs with the shared secret of the webhook destination, not the write key; with batching on it signs only the first event of the batch',
});
