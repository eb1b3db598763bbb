/*
 * A request as a cURL command that sends the same bytes. Bodies go through --data-binary (never -d,
 * which would strip newlines from files and mark the body as a form). A body with NUL bytes cannot
 * live in a shell word at all, so it is piped in with printf and read with `--data-binary @-`.
 * curl's own additions are cancelled where they would change the request: empty `User-Agent:` and
 * `Accept:` stop the `curl/…` agent and the any-type Accept it sends when the request had none, an
 * empty `Content-Type:` stops the form type it adds to bodies, an empty `Expect:` stops the
 * 100-continue wait. A header
 * given with -H takes the place of curl's own, so the headers go out in the request's order; a
 * Content-Length that matches the body is kept in its place for the same reason.
 */
import type { HeaderPair } from '../capture';
import { decodeBody, utf8Bytes } from '../body-codec';
import { isHopByHop } from './outgoing-headers';
import { ansiCQuote, printfOctal, shellWord, singleQuote } from './shell-quote';
import type { ReplayRequest } from './types';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** curl 7.x sends Expect: 100-continue above this many bytes (newer versions above 1 MiB). */
const CURL_EXPECT_THRESHOLD = 1024;

/** Headers curl computes itself from the URL and the body; a Host other than the URL's is kept. */
function curlHeaders(headers: readonly HeaderPair[], url: string, bodyLength: number): HeaderPair[] {
  let urlHost: string | null = null;
  try {
    urlHost = new URL(url).host;
  } catch {
    // An unparsable URL still exports; curl will report it.
  }
  return headers.filter(([name, value]) => {
    const lower = name.toLowerCase();
    if (lower === 'host') return urlHost !== null && value !== urlHost;
    if (lower === 'content-length') return value.trim() === String(bodyLength) && bodyLength > 0;
    return !isHopByHop(name);
  });
}

function headerArg([name, value]: HeaderPair): string {
  // `Name;` is curl's spelling of a header with an empty value (`Name:` would remove it).
  return `-H ${shellWord(value === '' ? `${name};` : `${name}: ${value}`)}`;
}

export function toCurl(request: ReplayRequest): string {
  const bytes = decodeBody(request.body);
  const method = request.method.toUpperCase();
  const headers = curlHeaders(request.headers, request.url, bytes.length);
  const hasBody = bytes.length > 0 || BODY_METHODS.has(method);
  const args: string[] = [];
  let prefix = '';

  if (hasBody ? method !== 'POST' : method !== 'GET') {
    args.push(method === 'HEAD' && !hasBody ? '--head' : `-X ${shellWord(request.method)}`);
  }
  if (/[[\]{}]/.test(request.url)) args.push('--globoff');
  const has = (n: string): boolean => headers.some(([h]) => h.toLowerCase() === n);
  if (!has('user-agent')) args.push("-H 'User-Agent:'");
  if (!has('accept')) args.push("-H 'Accept:'");
  for (const pair of headers) args.push(headerArg(pair));
  if (hasBody) {
    if (!has('content-type')) args.push("-H 'Content-Type:'");
    if (bytes.length > CURL_EXPECT_THRESHOLD && !has('expect')) args.push("-H 'Expect:'");
    args.push(bodyArg(request, bytes, (p) => (prefix = p)));
  }
  const lines = [`${prefix}curl ${shellWord(request.url)}`, ...args];
  return lines.join(' \\\n  ');
}

function bodyArg(request: ReplayRequest, bytes: Uint8Array, setPrefix: (p: string) => void): string {
  if (bytes.includes(0)) {
    setPrefix(`printf '%b' ${printfOctal(bytes)} | `);
    return '--data-binary @-';
  }
  // A leading @ names a file for --data-binary; --data-raw takes the same bytes literally.
  const option = bytes[0] === 0x40 ? '--data-raw' : '--data-binary';
  const text = request.body.encoding === 'utf8' ? request.body.text : null;
  if (text === null) return `${option} ${ansiCQuote(bytes, false)}`;
  if (CONTROL.test(text)) return `${option} ${ansiCQuote(utf8Bytes(text), true)}`;
  return `${option} ${singleQuote(text)}`;
}
