/*
 * HAR import: each entry's request becomes a request to edit and send. The file is untrusted; a
 * problem is reported with where it is ("entry 3: request.url is missing"), never as a crash.
 * What the browsers and tools write differs, and each form is read:
 * - a UTF-8 byte order mark before the JSON (Windows tools write one);
 * - fields left out (Safari omits headers, cookies or postData.mimeType on some entries), and
 *   fields of their own (`_initiator`, `_resourceType`, `comment`…), which are ignored;
 * - HTTP/2 pseudo-headers (":authority"…), dropped: they are not headers on an HTTP/1.1 request;
 * - `request.cookies` without a Cookie header: the cookies become one;
 * - a body given only as `postData.params` (Firefox leaves them empty when `text` is there): a form
 *   body, or for multipart a real multipart body whose boundary the Content-Type names. HAR keeps
 *   no file contents there, so a file part without a value is named in a warning;
 * - entries that are no HTTP request (ws:, data:, blob:, chrome-extension:) are skipped by name.
 */
import type { HeaderPair } from '../../../shared/capture';
import { base64Decode, utf8Bytes, encodeBody } from '../../../shared/body-codec';
import { HooklensError } from '../../../shared/errors';
import { type FormPart, multipartBody, randomBoundary } from '../../../shared/replay/multipart-body';
import { targetUrlProblem } from '../../../shared/replay/target-url';
import type { HarImportResult, ImportedRequest, ReplayBody } from '../../../shared/replay/types';

function fail(message: string): never {
  throw new HooklensError('import_failed', `Could not import the HAR file: ${message}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

export function parseHar(input: string): HarImportResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    fail(`it is not JSON (${err instanceof Error ? err.message : String(err)}).`);
  }
  if (!isObject(doc) || !isObject(doc.log)) fail('it has no "log" object.');
  const entries = doc.log.entries;
  if (!Array.isArray(entries)) fail('log.entries is missing or not a list.');
  if (entries.length === 0) fail('it has no entries.');
  const requests: ImportedRequest[] = [];
  const warnings: string[] = [];
  entries.forEach((entry, i) => {
    const n = i + 1;
    const url = isObject(entry) && isObject(entry.request) ? entry.request.url : undefined;
    if (typeof url === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(url) && !/^https?:/i.test(url)) {
      warnings.push(`Skipped entry ${n}: ${url.slice(0, 60)} is not an HTTP request.`);
      return;
    }
    requests.push(parseEntry(entry, n));
  });
  // Nothing left to import: refuse with the reason the first entry was skipped.
  if (requests.length === 0) parseEntry(entries[0], 1);
  return { requests, warnings };
}

function parseEntry(entry: unknown, n: number): ImportedRequest {
  const where = `entry ${n}`;
  if (!isObject(entry) || !isObject(entry.request)) fail(`${where} has no request object.`);
  const req = entry.request;
  if (typeof req.method !== 'string' || !req.method) fail(`${where}: request.method is missing.`);
  if (typeof req.url !== 'string' || !req.url) fail(`${where}: request.url is missing.`);
  const problem = targetUrlProblem(req.url);
  if (problem) fail(`${where}: ${problem}`);
  if (req.headers !== undefined && !Array.isArray(req.headers)) fail(`${where}: request.headers is not a list.`);
  const warnings: string[] = [];
  const headers: HeaderPair[] = [];
  (req.headers ?? []).forEach((h: unknown, k: number) => {
    if (!isObject(h) || typeof h.name !== 'string' || typeof h.value !== 'string') {
      fail(`${where}: header ${k + 1} is not a { name, value } pair of strings.`);
    }
    if (h.name.startsWith(':')) warnings.push(`Dropped the HTTP/2 pseudo-header ${h.name}.`);
    else headers.push([h.name, h.value]);
  });
  const has = (name: string): boolean => headers.some(([h]) => h.toLowerCase() === name);

  if (Array.isArray(req.cookies) && req.cookies.length && !has('cookie')) {
    const pairs = req.cookies.filter(isObject).filter((c) => typeof c.name === 'string' && c.name);
    if (pairs.length) {
      headers.push(['Cookie', pairs.map((c) => `${str(c.name)}=${str(c.value)}`).join('; ')]);
      warnings.push(`The Cookie header was rebuilt from request.cookies (${pairs.length}).`);
    }
  }

  let body: ReplayBody = { encoding: 'utf8', text: '' };
  if (req.postData !== undefined && req.postData !== null) {
    if (!isObject(req.postData)) fail(`${where}: request.postData is not an object.`);
    body = postDataBody(req.postData, headers, where, warnings);
  }
  return { request: { method: req.method, url: req.url, headers, body }, warnings };
}

function postDataBody(
  pd: Record<string, unknown>,
  headers: HeaderPair[],
  where: string,
  warnings: string[],
): ReplayBody {
  const params = Array.isArray(pd.params) ? pd.params.filter(isObject) : [];
  if (typeof pd.text === 'string' && (pd.text !== '' || params.length === 0)) {
    const encoding = pd._encoding ?? pd.encoding;
    if (encoding === 'base64') {
      if (!base64Decode(pd.text)) fail(`${where}: postData is marked base64 but is not valid base64.`);
      return { encoding: 'base64', text: pd.text };
    }
    return { encoding: 'utf8', text: pd.text };
  }
  if (!params.length) return { encoding: 'utf8', text: '' };

  const typeRow = headers.findIndex(([h]) => h.toLowerCase() === 'content-type');
  const type = typeRow >= 0 ? headers[typeRow][1] : str(pd.mimeType);
  if (/^multipart\/form-data/i.test(type)) {
    const parts: FormPart[] = params.map((p) => {
      const filename = typeof p.fileName === 'string' ? p.fileName : null;
      if (filename !== null && (p.value === undefined || p.value === '')) {
        warnings.push(
          `${where}: the file part "${str(p.name)}" (${filename}) has no content in the HAR; it is sent empty.`,
        );
      }
      return {
        name: str(p.name),
        content: utf8Bytes(str(p.value)),
        filename,
        type: typeof p.contentType === 'string' && p.contentType ? p.contentType : null,
        fromFile: filename !== null,
      };
    });
    // Keep the boundary the Content-Type already names, so header and body agree.
    const named = /;\s*boundary="?([^";]+)"?/i.exec(type)?.[1];
    const mp = multipartBody(parts, named ?? randomBoundary());
    if (typeRow >= 0) headers[typeRow] = [headers[typeRow][0], mp.contentType];
    else headers.push(['Content-Type', mp.contentType]);
    warnings.push(`${where}: the multipart body was rebuilt from postData.params.`);
    return encodeBody(mp.body);
  }
  const form = new URLSearchParams();
  for (const p of params) form.append(str(p.name), str(p.value));
  if (typeRow < 0) headers.push(['Content-Type', type || 'application/x-www-form-urlencoded']);
  warnings.push(`${where}: the body was rebuilt from postData.params.`);
  return { encoding: 'utf8', text: form.toString() };
}
