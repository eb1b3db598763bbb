/*
 * Atlassian Connect (Jira, Confluence): webhooks and lifecycle calls carry `Authorization: JWT
 * <token>`, an HS256 JWT keyed with the sharedSecret the app received at install, with iss the
 * tenant's clientKey, exp, and qsh: the hex SHA-256 of the canonical request
 * "<METHOD>&<path>&<sorted query>", which binds the token to this URL instead of the body.
 * The path is relative to the app's baseUrl, which a capture does not know, so every suffix of
 * the captured path is tried and the one that matched is named.
 * https://developer.atlassian.com/cloud/jira/platform/understanding-jwt-for-connect-apps/
 */
import { createHash } from 'node:crypto';
import { header } from '../crypto-helpers';
import type { SignedRequest } from '../types';
import { jwtHmacProvider } from './jwt-hmac-scheme';

const rfc3986 = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function canonicalPath(path: string): string {
  let p = path.replace(/&/g, '%26');
  if (p === '') return '/';
  if (!p.startsWith('/')) p = `/${p}`;
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

function canonicalQuery(search: URLSearchParams): string {
  const byKey = new Map<string, string[]>();
  for (const [k, v] of search) if (k !== 'jwt') byKey.set(k, [...(byKey.get(k) ?? []), v]);
  return [...byKey.keys()]
    .sort()
    .map((k) => `${rfc3986(k)}=${byKey.get(k)!.sort().map(rfc3986).join(',')}`)
    .join('&');
}

/** qsh for `method` and `url`, with `basePath` (the app's baseUrl path) taken off the front. */
export function queryStringHash(method: string, url: string, basePath = ''): string {
  const u = new URL(url);
  const path = basePath && u.pathname.startsWith(basePath) ? u.pathname.slice(basePath.length) : u.pathname;
  return createHash('sha256')
    .update(`${method.toUpperCase()}&${canonicalPath(decodeURIComponent(path))}&${canonicalQuery(u.searchParams)}`)
    .digest('hex');
}

/** The app base paths a capture's path may sit under: "", "/a", "/a/b"… */
function basePaths(url: string): string[] {
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  return segments.map((_, i) => (i === 0 ? '' : `/${segments.slice(0, i).join('/')}`));
}

function requestProblem(
  payload: Record<string, unknown>,
  req: SignedRequest,
  url: string | undefined,
): string | undefined {
  const qsh = payload.qsh;
  if (qsh === 'context-qsh') return undefined;
  if (typeof qsh !== 'string')
    return 'the JWT verifies, but it has no qsh claim: Atlassian binds every Connect request to its method and URL';
  if (url === undefined) return undefined;
  if (basePaths(url).some((base) => queryStringHash(req.method, url, base) === qsh)) return undefined;
  return `the JWT verifies, but its qsh does not match ${req.method.toUpperCase()} ${new URL(url).pathname}${new URL(url).search}: the token was made for another URL or method (was the query string changed?)`;
}

export const atlassianConnect = jwtHmacProvider({
  id: 'atlassian-connect',
  name: 'Atlassian Connect (Jira, Confluence)',
  header: 'Authorization',
  tokenPrefix: 'JWT ',
  requestProblem: (payload, req, opts) => requestProblem(payload, req, opts.url ?? req.url),
  toleranceSec: 180,
  lifetimeSec: 180,
  secretHint: 'sharedSecret from the installed lifecycle payload Jira/Confluence sent to the app',
  secretAdvice:
    'Atlassian signs with the sharedSecret of this installation (the "installed" lifecycle callback\'s body), not with an API token',
  claims: (opts) => ({
    iss: 'jira:00000000-0000-0000-0000-000000000000',
    qsh: opts.url ? queryStringHash(opts.method ?? 'POST', opts.url) : 'context-qsh',
  }),
  // Many senders use Authorization; only Connect writes a "JWT " token in it.
  detect: (req) => /^JWT\s+[\w-]+\.[\w-]+\.[\w-]+$/i.test(header(req, 'Authorization')?.trim() ?? ''),
});
