/*
 * `hooklens sign --curl URL`: a curl command, for a POSIX shell, that sends the body file byte for
 * byte (--data-binary @file, so nothing is re-encoded) with the signed headers. The secret is
 * never part of it.
 */
import type { HeaderPair } from '../../shared/capture';

export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_/.:=@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function looksLikeJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

export interface CurlRequest {
  url: string;
  method: string;
  headers: readonly HeaderPair[];
  bodyFile: string;
  body: Buffer;
}

export function curlCommand(r: CurlRequest): string {
  const headers = [...r.headers];
  // curl would send a body as application/x-www-form-urlencoded; say what it is when known.
  if (!headers.some(([n]) => n.toLowerCase() === 'content-type')) {
    headers.unshift(['Content-Type', looksLikeJson(r.body) ? 'application/json' : 'application/octet-stream']);
  }
  const parts = [
    `curl -X ${shellQuote(r.method)} ${shellQuote(r.url)}`,
    ...headers.map(([n, v]) => `-H ${shellQuote(`${n}: ${v}`)}`),
    `--data-binary ${shellQuote(`@${r.bodyFile}`)}`,
  ];
  return parts.join(' \\\n  ');
}
