/*
 * For URL-signed schemes (Twilio, Square, HubSpot, Trello…): when the signature does not match the
 * URL we were given, the usual cause is that the sender called a different URL than the one we
 * rebuilt (https behind a tunnel vs http on the listener, a trailing slash, a port, a query string).
 * `findUrlMismatch` tries those neighbours and names the one that matches.
 *
 * A capture only keeps the path and query from the request line, so `resolveSignedUrl` rebuilds
 * the public URL from the Host header when none is given, and the verdict says it was assumed,
 * since a tunnel or proxy in between can change scheme, host or port.
 */
import { header, invalid } from './crypto-helpers';
import type { SignedRequest, VerifyOptions, VerifyResult } from './types';

export interface ResolvedUrl {
  url: string;
  /** Set when the URL was rebuilt from the Host header rather than given. */
  assumption?: string;
}

const ABSOLUTE = /^https?:\/\//i;

export function resolveSignedUrl(req: SignedRequest, opts: VerifyOptions): ResolvedUrl | undefined {
  const given = opts.url ?? req.url;
  if (given === undefined || given === '') return undefined;
  if (ABSOLUTE.test(given)) return { url: given };
  const host = header(req, 'x-forwarded-host') ?? header(req, 'host');
  if (!host || !given.startsWith('/')) return undefined;
  const proto = (header(req, 'x-forwarded-proto') ?? 'https').split(',')[0]!.trim().toLowerCase();
  const scheme = proto === 'http' ? 'http' : 'https';
  const url = `${scheme}://${host.trim()}${given}`;
  return {
    url,
    assumption: `the signed URL was assumed to be ${url} (rebuilt from the Host header); give the exact URL the provider called if it differs`,
  };
}

export interface UrlVariant {
  url: string;
  label: string;
}

export function urlVariants(url: string): UrlVariant[] {
  const out: UrlVariant[] = [];
  const add = (u: string, label: string): void => {
    if (u !== url && !out.some((v) => v.url === u)) out.push({ url: u, label });
  };
  const m = /^(https?):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?/i.exec(url);
  if (!m) return out;
  const [, scheme, authority, path, query = ''] = m;
  const other = scheme.toLowerCase() === 'https' ? 'http' : 'https';
  const hostOnly = authority.replace(/:\d+$/, '');
  const bases = [
    { s: scheme, a: authority, why: '' },
    { s: other, a: authority, why: `with ${other}://` },
    { s: other, a: hostOnly, why: `with ${other}:// and no port` },
    { s: scheme, a: hostOnly, why: 'without the port' },
  ];
  for (const b of bases) {
    const paths = [
      { p: path, why: '' },
      {
        p: path.endsWith('/') ? path.slice(0, -1) : `${path}/`,
        why: path.endsWith('/') ? 'without the trailing slash' : 'with a trailing slash',
      },
    ];
    for (const p of paths) {
      for (const q of [{ q: query, why: '' }, ...(query ? [{ q: '', why: 'without the query string' }] : [])]) {
        const why = [b.why, p.why, q.why].filter(Boolean).join(', ');
        if (why) add(`${b.s}://${b.a}${p.p}${q.q}`, why);
      }
    }
  }
  return out;
}

/** A `url_mismatch` verdict when the signature matches a neighbour of `url`; undefined otherwise. */
export function findUrlMismatch(
  provider: string,
  url: string,
  matches: (candidateUrl: string) => boolean,
  extra: Partial<VerifyResult> = {},
): VerifyResult | undefined {
  for (const v of urlVariants(url)) {
    if (matches(v.url)) {
      return invalid(
        provider,
        'url_mismatch',
        `signature matches the URL ${v.url} (${v.label}), not ${url}: pass the URL the sender actually called`,
        extra,
      );
    }
  }
  return undefined;
}
