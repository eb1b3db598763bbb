/*
 * URL-signed schemes (HubSpot v3, Trello) sign the full URL the provider called, while a capture
 * only keeps the path and query from the request line. The public host is rebuilt from the Host
 * header when no URL is given, and the verdict says it was assumed, since a tunnel or proxy in
 * between can change scheme, host or port.
 */
import { header } from '../crypto-helpers';
import type { SignedRequest, VerifyOptions } from '../types';

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
  return { url, assumption: `the signed URL was assumed to be ${url} (rebuilt from the Host header); give the exact URL the provider called if it differs` };
}
