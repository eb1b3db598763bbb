/*
 * HAR import: each entry's request becomes a request to edit and send. The file is untrusted; a
 * problem is reported with where it is ("entry 3: request.url is missing"), never as a crash.
 * HTTP/2 pseudo-headers (":authority"…) that browsers write into HARs are dropped: they are not
 * headers on an HTTP/1.1 request.
 */
import type { HeaderPair } from '../../../shared/capture';
import { HooklensError } from '../../../shared/errors';
import { base64Decode } from '../../../shared/body-codec';
import { targetUrlProblem } from '../../../shared/replay/target-url';
import type { ImportedRequest } from '../../../shared/replay/types';

function fail(message: string): never {
  throw new HooklensError('import_failed', `Could not import the HAR file: ${message}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function parseHar(text: string): ImportedRequest[] {
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
  return entries.map((entry, i) => parseEntry(entry, i + 1));
}

function parseEntry(entry: unknown, n: number): ImportedRequest {
  const where = `entry ${n}`;
  if (!isObject(entry) || !isObject(entry.request)) fail(`${where} has no request object.`);
  const req = entry.request;
  if (typeof req.method !== 'string' || !req.method) fail(`${where}: request.method is missing.`);
  if (typeof req.url !== 'string' || !req.url) fail(`${where}: request.url is missing.`);
  const problem = targetUrlProblem(req.url);
  if (problem) fail(`${where}: ${problem}`);
  if (!Array.isArray(req.headers)) fail(`${where}: request.headers is not a list.`);
  const warnings: string[] = [];
  const headers: HeaderPair[] = [];
  req.headers.forEach((h, k) => {
    if (!isObject(h) || typeof h.name !== 'string' || typeof h.value !== 'string') {
      fail(`${where}: header ${k + 1} is not a { name, value } pair of strings.`);
    }
    if (h.name.startsWith(':')) warnings.push(`Dropped the HTTP/2 pseudo-header ${h.name}.`);
    else headers.push([h.name, h.value]);
  });
  let body = { encoding: 'utf8' as 'utf8' | 'base64', text: '' };
  if (req.postData !== undefined) {
    if (!isObject(req.postData)) fail(`${where}: request.postData is not an object.`);
    const pd = req.postData;
    if (typeof pd.text === 'string') {
      const encoding = pd._encoding ?? pd.encoding;
      if (encoding === 'base64') {
        if (!base64Decode(pd.text)) fail(`${where}: postData is marked base64 but is not valid base64.`);
        body = { encoding: 'base64', text: pd.text };
      } else body = { encoding: 'utf8', text: pd.text };
    } else if (Array.isArray(pd.params) && pd.params.length) {
      const params = pd.params.filter(isObject).map((p) => `${encodeURIComponent(String(p.name ?? ''))}=${encodeURIComponent(String(p.value ?? ''))}`);
      body = { encoding: 'utf8', text: params.join('&') };
      warnings.push(`${where}: the body was rebuilt from postData.params.`);
    }
  }
  return { request: { method: req.method, url: req.url, headers, body }, warnings };
}
