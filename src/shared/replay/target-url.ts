/*
 * Replay targets: only http: and https:, checked before anything is sent so a typo becomes a field
 * error, never an exception from deep inside the HTTP client.
 */

/** A human-readable reason the URL cannot be a replay target, or null when it can. */
export function targetUrlProblem(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed) return 'The URL is empty.';
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return `"${trimmed}" is not a valid URL (expected something like http://localhost:3000/webhook).`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `Only http: and https: URLs can be targets, not ${parsed.protocol}`;
  }
  if (!parsed.hostname) return `"${trimmed}" has no host.`;
  if (parsed.username || parsed.password) {
    return 'Put credentials in an Authorization header rather than in the URL.';
  }
  return null;
}

/** Path and query of a captured request line, whatever form it came in. */
export function pathAndQuery(requestTarget: string): string {
  if (requestTarget.startsWith('/')) return requestTarget;
  // Absolute-form (a proxy-style request line) or something odd such as '*'.
  try {
    const u = new URL(requestTarget);
    return `${u.pathname}${u.search}`;
  } catch {
    return '/';
  }
}

/** The target base (scheme, host, port and an optional path prefix) plus the capture's path and query. */
export function joinTarget(base: string, requestTarget: string): string {
  return `${base.trim().replace(/\/+$/, '')}${pathAndQuery(requestTarget)}`;
}
