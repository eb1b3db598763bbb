/*
 * What a real HTTP client does to the header list before sending it on: hop-by-hop headers
 * (RFC 9110 §7.6.1) describe the connection the provider used, not this one, so they are dropped,
 * along with any header the Connection header names. Host is rewritten for the target and
 * Content-Length recomputed over the bytes actually sent (Transfer-Encoding is dropped because the
 * body goes out with a fixed length). Expect is dropped too: nothing waits for a 100 Continue.
 * Everything else keeps its order, case and repeats.
 */
import type { HeaderPair } from '../capture';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'expect']);

/** Methods whose requests carry a Content-Length even when the body is empty (as curl and fetch do). */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isHopByHop(name: string, connectionTokens: ReadonlySet<string> = new Set()): boolean {
  const lower = name.toLowerCase();
  return HOP_BY_HOP.has(lower) || lower.startsWith('proxy-') || connectionTokens.has(lower);
}

/** Why the header rows cannot be sent, one sentence per bad row; empty when they can. */
export function headerProblems(headers: readonly HeaderPair[]): string[] {
  const problems: string[] = [];
  headers.forEach(([name, value], i) => {
    if (!TOKEN.test(name)) problems.push(`Header ${i + 1}: "${name}" is not a valid header name.`);
    if (/[\r\n\0]/.test(value)) problems.push(`Header ${i + 1} (${name}): the value contains a line break or NUL.`);
  });
  return problems;
}

export function methodProblem(method: string): string | null {
  return TOKEN.test(method) ? null : `"${method}" is not a valid HTTP method.`;
}

export interface OutgoingHeaders {
  headers: HeaderPair[];
  /** Names of the rows that were removed (for display). */
  dropped: string[];
}

export function outgoingHeaders(
  url: URL,
  method: string,
  headers: readonly HeaderPair[],
  bodyLength: number,
  /** Keep a Host row the user set (as `curl -H 'Host: …'` does); otherwise Host comes from the URL. */
  keepHost = false,
): OutgoingHeaders {
  const connectionTokens = new Set(
    headers
      .filter(([n]) => n.toLowerCase() === 'connection')
      .flatMap(([, v]) => v.split(',').map((t) => t.trim().toLowerCase()))
      .filter(Boolean),
  );
  const hadLength = headers.some(([n]) => /^(content-length|transfer-encoding)$/i.test(n));
  const lengthName = headers.find(([n]) => n.toLowerCase() === 'content-length')?.[0] ?? 'Content-Length';
  const hostRow = headers.find(([n]) => n.toLowerCase() === 'host');
  const hostName = hostRow?.[0] ?? 'Host';
  const hostValue = keepHost && hostRow && hostRow[1].trim() ? hostRow[1] : url.host;
  const wantsLength = bodyLength > 0 || hadLength || BODY_METHODS.has(method.toUpperCase());

  const out: HeaderPair[] = [[hostName, hostValue]];
  const dropped: string[] = [];
  let lengthPlaced = false;
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (lower === 'host') continue;
    if (lower === 'content-length' || lower === 'transfer-encoding') {
      // The recomputed length takes the place of the first framing header, once.
      if (wantsLength && !lengthPlaced) {
        out.push([lengthName, String(bodyLength)]);
        lengthPlaced = true;
      }
      if (lower === 'transfer-encoding') dropped.push(name);
      continue;
    }
    if (isHopByHop(name, connectionTokens)) {
      dropped.push(name);
      continue;
    }
    out.push([name, value]);
  }
  if (wantsLength && !lengthPlaced) out.push([lengthName, String(bodyLength)]);
  // Each replay uses a fresh connection, like curl; saying so lets the server close it promptly.
  out.push(['Connection', 'close']);
  return { headers: out, dropped };
}
