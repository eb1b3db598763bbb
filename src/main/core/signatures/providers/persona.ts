/*
 * Persona: `Persona-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(webhook secret,
 * "<t>.<raw body>")>`. While a secret is rotated the header holds two such pairs separated by a
 * space, each with its own t, so each pair is verified on its own and any one valid is enough.
 * Persona documents no tolerance; 300 s is ours (tolerance 0 skips the check).
 * https://docs.withpersona.com/webhooks-best-practices#checking-signatures
 */
import { header } from '../crypto-helpers';
import type { Provider } from '../types';
import { timestampedHmacProvider } from './timestamped-hmac-scheme';

const HEADER = 'Persona-Signature';

const pair = timestampedHmacProvider({
  id: 'persona',
  name: 'Persona',
  header: HEADER,
  unit: 's',
  encoding: 'hex',
  separator: ',',
  toleranceSec: 300,
  secretHint: 'Webhook secret, wbhsec_… (Dashboard → Webhooks → your webhook)',
  secretAdvice: "Persona signs with the webhook's own secret (wbhsec_…, Dashboard → Webhooks), not with the API key",
});

export const persona: Provider = {
  ...pair,
  verify(req, opts) {
    const pairs = (header(req, HEADER) ?? '').trim().split(/\s+(?=t=)/);
    if (pairs.length < 2) return pair.verify(req, opts);
    const others = req.headers.filter(([n]) => n.toLowerCase() !== HEADER.toLowerCase());
    const results = pairs.map((p) => pair.verify({ ...req, headers: [...others, [HEADER, p]] }, opts));
    return results.find((r) => r.valid) ?? results[0]!;
  },
};
