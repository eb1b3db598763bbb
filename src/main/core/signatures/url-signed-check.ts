/*
 * Schemes that sign the URL (Twilio, Square, HubSpot, Trello, Contentful's path): a mismatch is more
 * often the wrong URL than the wrong secret, because what the sender called (the public tunnel URL,
 * https, with its query) is rarely what the listener saw (a local http URL). Before a mismatch
 * is left to the secret, the provider's own check is re-run over the likely alternatives: the
 * other side of the tunnel (given by the caller) and, for each, the scheme, port, trailing-slash
 * and query neighbours. A match becomes `url_mismatch` naming the URL; a miss says which URL was
 * used and what else was tried.
 */
import { invalid } from './crypto-helpers';
import { urlVariants, type UrlVariant } from './url-variants';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from './types';

// Each alternative is one more full check (with its own mismatch diagnosis on a miss): keep it bounded.
const MAX_ALTERNATIVES = 24;

/** The URLs worth trying instead of `url`, best first, without `url` itself or repeats. */
export function urlAlternatives(url: string, others: readonly UrlVariant[] = []): UrlVariant[] {
  const out: UrlVariant[] = [];
  const add = (v: UrlVariant): void => {
    if (v.url !== url && !out.some((o) => o.url === v.url)) out.push(v);
  };
  for (const o of others) add(o);
  for (const o of others) for (const v of urlVariants(o.url)) add({ url: v.url, label: `${o.label}, ${v.label}` });
  for (const v of urlVariants(url)) add(v);
  return out.slice(0, MAX_ALTERNATIVES);
}

/** The signature (and so the secret) is right for this URL: valid, or only its timestamp is stale. */
function signatureMatches(r: VerifyResult): boolean {
  return r.valid || r.failure === 'timestamp_out_of_tolerance';
}

/**
 * `provider.verify` with `opts.url`; for a URL-signed provider whose verdict is a plain mismatch,
 * tries `others` (labelled, e.g. the public tunnel URL) and the neighbours of every URL.
 */
export function verifyUrlSigned(
  provider: Provider,
  req: SignedRequest,
  opts: VerifyOptions,
  others: readonly UrlVariant[] = [],
): VerifyResult {
  const result = provider.verify(req, opts);
  const url = opts.url ?? req.url;
  if (!provider.needsUrl || result.valid || result.failure !== 'signature_mismatch' || !url) return result;
  const tried = urlAlternatives(url, others);
  for (const alt of tried) {
    if (signatureMatches(provider.verify(req, { ...opts, url: alt.url }))) {
      return invalid(
        provider.id,
        'url_mismatch',
        `${provider.name} signs the URL it called, and the signature matches ${alt.url} (${alt.label}), not ${url}: check against the URL the sender called`,
        {
          ...(result.expected !== undefined ? { expected: result.expected } : {}),
          ...(result.received !== undefined ? { received: result.received } : {}),
          signedUrl: alt.url,
        },
      );
    }
  }
  const labels = [...new Set(tried.map((t) => t.label))];
  const shown = labels.slice(0, 4).join('; ') + (labels.length > 4 ? '; …' : '');
  const hint = `${provider.name} signs the URL it called, so the URL is part of the signature: checked against ${url}${
    tried.length
      ? `, and ${tried.length} other forms of it (${shown}) do not match either, so the secret is the likelier cause`
      : ''
  }`;
  return { ...result, hints: [hint, ...(result.hints ?? [])] };
}
